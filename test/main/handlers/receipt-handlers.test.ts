import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, signedPackageSchema } from '../../../src-shared/contract/channels';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { utf8Encode } from '../../../src-shared/packages/bytes';
import { buildReceipt } from '../../../src-shared/packages/build-receipt';
import { packReceiptsFile } from '../../../src-shared/packages/receipts-file';
import { secureRandom } from '../../../src-main/services/secure-random';
import { makeSigner, signWith, type Signer } from '../../support/package-world';
import {
  errorOf,
  expertApp,
  importDemo,
  importOfficeAssignment,
  testOffice,
  valueOf,
  type Expert,
} from './expert-world';

const responseSchema = contract['receipts:import'].response;
let dataDir: string;
let clock: number;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-receipts-'));
  clock = Date.UTC(2026, 4, 1, 8, 0, 0, 0);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function receiptFor(office: Signer, packageId: string, payloadSha256: string): Promise<Uint8Array> {
  const built = await buildReceipt({
    officeId: office.id,
    keyId: office.fingerprint,
    sign: signWith(office),
    cycleId: 'cycle-2026',
    receiptFor: packageId,
    payloadSha256,
    status: 'accepted',
    acceptedSeq: null,
    nowMs: clock + 60_000,
    random: secureRandom,
    appVersion: '1.0.0',
  });
  return valueOf(built).file;
}

function bundle(receipts: Uint8Array[]): string {
  return encodeBase64(valueOf(packReceiptsFile({ expertId: 'e', issuedAt: '2026-05-01T09:00:00.000Z', receipts })));
}

async function importReceipts(me: Expert, base64: string) {
  return responseSchema.parse(valueOf(await me.dispatch('receipts:import', { base64 })));
}

describe('receipts:import', () => {
  it('verifies each receipt with the pinned office key, keeps the good ones and lists the others with their code', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const office = await testOffice();
    await importOfficeAssignment(me, office);
    const pledge = signedPackageSchema.parse(
      valueOf(await me.dispatch('packages:sign-pledge', { assignmentId: 'assignment-real' })),
    );
    const good = await receiptFor(office.signer, pledge.packageId, pledge.payloadSha256);
    const forged = await receiptFor(await makeSigner(office.signer.id), pledge.packageId, pledge.payloadSha256);

    const answer = await importReceipts(me, bundle([good, forged]));
    expect(answer.receipts).toEqual([
      expect.objectContaining({
        receiptFor: pledge.packageId,
        payloadSha256: pledge.payloadSha256,
        status: 'accepted',
      }),
    ]);
    expect(answer.rejected).toEqual([expect.objectContaining({ index: 1, code: 'E_KEY_UNKNOWN' })]);
    // The good receipt is kept as received, under its own id.
    const kept = await readdir(join(dataDir, 'receipts'));
    expect(kept).toEqual([`${answer.receipts[0]?.receiptId}.qapkg`]);
    expect(new Uint8Array(await readFile(join(dataDir, 'receipts', kept[0] ?? '')))).toEqual(good);

    // The same file again: the same answer, nothing added.
    expect(await importReceipts(me, bundle([good, forged]))).toEqual(answer);
    expect(await readdir(join(dataDir, 'receipts'))).toEqual(kept);
    // A single receipt package is taken as well.
    expect((await importReceipts(me, encodeBase64(good))).receipts).toEqual(answer.receipts);
  });

  it('refuses without a pinned office key, a file that is not a receipts file, and a locked app', async () => {
    const app = expertApp(dataDir, () => clock);
    const me = await app.expert();
    await importDemo(me); // the demo key is never pinned
    const office = await makeSigner('office-urumqi');
    const receipt = encodeBase64(await receiptFor(office, '01890a5d-ac96-7000-8000-000000000001', 'ab'.repeat(32)));
    expect(errorOf(await me.dispatch('receipts:import', { base64: receipt })).code).toBe('E_NO_OFFICE_PIN');
    const notReceipts = encodeBase64(utf8Encode('{"schema":"other"}'));
    expect(errorOf(await me.dispatch('receipts:import', { base64: notReceipts })).code).toBe('E_RECEIPTS_FILE');
    expect(errorOf(await me.dispatch('receipts:import', { base64: 'AAB=' })).code).toBe('E_BAD_REQUEST');
    valueOf(await me.dispatch('identity:lock', {}));
    expect(errorOf(await me.dispatch('receipts:import', { base64: receipt })).code).toBe('E_LOCKED');
    await expect(readdir(join(dataDir, 'receipts'))).rejects.toThrow();
  });
});
