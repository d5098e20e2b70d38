import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import { utf8Encode } from '../../../src-shared/packages/bytes';
import { buildReceipt, type ReceiptInput } from '../../../src-shared/packages/build-receipt';
import {
  MAX_RECEIPTS_FILE_BYTES,
  packReceiptsFile,
  readReceiptsFile,
  RECEIPTS_FILE_SCHEMA,
} from '../../../src-shared/packages/receipts-file';
import { verifyReceipt } from '../../../src-shared/packages/verify-receipt';
import { makeSigner, officeKeys, packageFile, sheetPayload, signWith, type Signer } from '../../support/package-world';

const answered = { packageId: '01890a5d-ac96-7000-8000-000000000001', sha: 'ab'.repeat(32) };

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function codeOf(result: Result<unknown>): string {
  if (result.ok) throw new Error('expected a failure');
  return result.error.code;
}

function counterRandom(seed: number): (bytes: Uint8Array) => Uint8Array {
  return (bytes) => bytes.map((_, i) => (seed * 31 + i * 7) % 256);
}

async function receipt(office: Signer, patch: Partial<ReceiptInput> = {}): Promise<Uint8Array> {
  const built = await buildReceipt({
    officeId: office.id,
    keyId: office.fingerprint,
    sign: signWith(office),
    cycleId: 'cycle-2026',
    receiptFor: answered.packageId,
    payloadSha256: answered.sha,
    status: 'accepted',
    acceptedSeq: 1,
    nowMs: Date.UTC(2026, 5, 1, 9, 30),
    random: counterRandom(1),
    appVersion: '1.0.0',
    ...patch,
  });
  return valueOf(built).file;
}

const pinned = (office: Signer) => ({ publicKeyRaw: office.publicKeyRaw, fingerprint: office.fingerprint });

describe('a receipt from the pinned office', () => {
  it('verifies and gives what it answers', async () => {
    const office = await makeSigner('office-urumqi');
    const verified = valueOf(await verifyReceipt(await receipt(office), pinned(office)));
    expect(verified.payload).toMatchObject({
      kind: 'receipt',
      issuer: 'office-urumqi',
      receiptFor: answered.packageId,
      payloadSha256: answered.sha,
      status: 'accepted',
      acceptedSeq: 1,
      receivedAt: '2026-06-01T09:30:00.000Z',
    });
    expect(verified.receiptId).toBe(verified.payload.packageId);
  });

  it('is refused when another key signed it, even one that names the office', async () => {
    const office = await makeSigner('office-urumqi');
    const forger = await makeSigner('office-urumqi');
    expect(codeOf(await verifyReceipt(await receipt(forger), pinned(office)))).toBe('E_KEY_UNKNOWN');
  });

  it('is refused when its signature is not over its bytes', async () => {
    const office = await makeSigner('office-urumqi');
    const signOther = async (message: Uint8Array) =>
      signWith(office)(message.map((byte, i) => (i === 0 ? byte ^ 1 : byte)));
    expect(codeOf(await verifyReceipt(await receipt(office, { sign: signOther }), pinned(office)))).toBe('E_SIG');
  });

  it('is refused when sealed, and when it is another kind of package', async () => {
    const office = await makeSigner('office-urumqi');
    const { publicKeyRaw } = await officeKeys();
    const sealed = await packageFile(office, 'receipt', {}, { sealTo: publicKeyRaw });
    expect(codeOf(await verifyReceipt(sealed, pinned(office)))).toBe('E_SEAL');
    const sheet = await packageFile(office, 'sheet', sheetPayload(office));
    expect(codeOf(await verifyReceipt(sheet, pinned(office)))).toBe('E_TYPE');
  });

  it('is refused when its keyId names another key than the one that signed it', async () => {
    const office = await makeSigner('office-urumqi');
    const other = await makeSigner('office-urumqi');
    const file = await receipt(office, { keyId: other.fingerprint, sign: signWith(office) });
    // The envelope names the payload's keyId (the other key), which is not pinned.
    expect(codeOf(await verifyReceipt(file, pinned(office)))).toBe('E_KEY_UNKNOWN');
  });
});

describe('a receipts file', () => {
  it('round-trips its receipts byte for byte, and the same receipts give the same file', async () => {
    const office = await makeSigner('office-urumqi');
    const receipts = [await receipt(office), await receipt(office, { random: counterRandom(2), status: 'duplicate' })];
    const input = { expertId: 'expert-0123456789abcdef', issuedAt: '2026-06-02T10:00:00.000Z', receipts };
    const file = valueOf(packReceiptsFile(input));
    expect(valueOf(packReceiptsFile(input))).toEqual(file);
    expect(valueOf(readReceiptsFile(file))).toEqual(receipts);
  });

  it('reads a single receipt package as a file of one', async () => {
    const office = await makeSigner('office-urumqi');
    const single = await receipt(office);
    expect(valueOf(readReceiptsFile(single))).toEqual([single]);
  });

  it('refuses what is not a receipts file, naming the problem', () => {
    const json = (value: unknown) => utf8Encode(JSON.stringify(value));
    const good = { schema: RECEIPTS_FILE_SCHEMA, expertId: 'e', issuedAt: 't', receipts: ['AAAA'] };
    const cases: [string, Uint8Array][] = [
      ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x00])],
      ['not JSON', utf8Encode('receipts')],
      ['another schema', json({ ...good, schema: 'scorebook.receipts/2' })],
      ['an extra member', json({ ...good, extra: 1 })],
      ['no receipts', json({ ...good, receipts: [] })],
      ['not canonical base64', json({ ...good, receipts: ['AAB='] })],
      ['a duplicate name', utf8Encode('{"schema":"scorebook.receipts/1","schema":"x"}')],
    ];
    for (const [label, bytes] of cases) {
      const read = readReceiptsFile(bytes);
      expect(read.ok, label).toBe(false);
      expect(codeOf(read), label).toBe('E_RECEIPTS_FILE');
    }
  });

  it('refuses a file over the cap before reading it', () => {
    expect(codeOf(readReceiptsFile(new Uint8Array(MAX_RECEIPTS_FILE_BYTES + 1)))).toBe('E_TOO_LARGE');
  });

  it('returns an error value, never throws, for arbitrary bytes and for arbitrary receipts', async () => {
    const office = await makeSigner('office-urumqi');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(typeof readReceiptsFile(bytes).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const wrapped = valueOf(
          packReceiptsFile({ expertId: 'e', issuedAt: 't', receipts: [bytes.length > 0 ? bytes : new Uint8Array(1)] }),
        );
        const [inner] = valueOf(readReceiptsFile(wrapped));
        expect(inner === undefined ? false : (await verifyReceipt(inner, pinned(office))).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
