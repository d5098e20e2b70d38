import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import { createDispatch, type Dispatch } from '../../../src-main/handlers/dispatch';
import { expertIdOf } from '../../../src-main/services/enrollment-package';
import { DEMO_OFFICE_FINGERPRINT, loadDemoOfficeKey } from '../../../src-main/services/demo-assignment';
import { createResourceFiles } from '../../../src-main/services/resource-files';
import { secureRandom } from '../../../src-main/services/secure-random';
import { contract, identityStatusSchema, officePinStatusSchema } from '../../../src-shared/contract/channels';
import type { AppError, Result } from '../../../src-shared/contract/result';
import { parseDemoBundle } from '../../../src-shared/demo/validate-demo';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { sha256Hex } from '../../../src-shared/packages/bytes';
import { formatFingerprint } from '../../../src-shared/packages/ed25519';
import { canonicalBytes } from '../../../src-shared/packages/jcs';
import type { AssignmentPayload } from '../../../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair } from '../../../src-shared/packages/seal';
import { makeSigner, packageFile, type Signer } from '../../support/package-world';
import { shippedDemoPath, shippedResourcesDir } from './temp-resources';

const kdf = { N: 2 ** 10, r: 8, p: 1 };
const pass = 'correct horse battery';
const profile = { name: '李四', workUnit: '新疆质量协会', title: '', phone: '', fields: [] };
const importSchema = contract['assignments:import'].response;
const demoSchema = contract['demo:assignment'].response;

let dataDir: string;
let clock: number;

function start(): Dispatch {
  return createDispatch(
    createHandlers({
      resourcesDir: shippedResourcesDir,
      dataDir,
      transport: 'web',
      appVersion: '1.2.3',
      now: () => clock,
      random: secureRandom,
      kdf,
    }),
  );
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function errorOf(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

async function pinOf(dispatch: Dispatch) {
  return officePinStatusSchema.parse(valueOf(await dispatch('office:pin', {})));
}

interface Expert {
  readonly dispatch: Dispatch;
  readonly fingerprint: string;
  readonly receivingPublicKey: Uint8Array;
}

/** Creates (and so unlocks) an expert identity; its receiving key is read from the public part of keys.json. */
async function expert(): Promise<Expert> {
  const dispatch = start();
  const created = identityStatusSchema.parse(valueOf(await dispatch('identity:create', { profile, passphrase: pass })));
  const keyFile = JSON.parse(await readFile(join(dataDir, 'keys.json'), 'utf8')) as {
    receiving: { publicKey: string };
  };
  const receivingPublicKey = decodeBase64Strict(keyFile.receiving.publicKey);
  if (created.fingerprint === null || receivingPublicKey === undefined) throw new Error('test setup: no identity');
  return { dispatch, fingerprint: created.fingerprint, receivingPublicKey };
}

const demoBundle = (() => {
  const parsed = parseDemoBundle(JSON.parse(readFileSync(shippedDemoPath, 'utf8')));
  if (!parsed.ok) throw new Error('test setup: demo bundle');
  return parsed.value;
})();

/** An office's signing key and its receiving public key. */
interface Office extends Signer {
  readonly receivingPublicKey: Uint8Array;
}

async function office(id: string): Promise<Office> {
  return { ...(await makeSigner(id)), receivingPublicKey: (await generateReceivingKeyPair()).publicKeyRaw };
}

/** A real (non-demo) assignment from `from` for the expert with `fingerprint`. */
function realPayload(from: Office, fingerprint: string, patch: Partial<AssignmentPayload> = {}): AssignmentPayload {
  const expertId = expertIdOf(fingerprint);
  const cycle = { ...demoBundle.cycle, id: 'cycle-2026', demo: false };
  return {
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: cycle.id,
    issuer: from.id,
    keyId: from.fingerprint,
    createdAt: '2026-05-01T08:00:00.000Z',
    app: { name: 'Office', version: '1' },
    expertId,
    expertFingerprint: fingerprint,
    cycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: '本人承诺保守评审秘密。',
    assignment: { ...demoBundle.assignment, cycleId: cycle.id, expertId },
    applicants: demoBundle.applicants,
    office: {
      name: '乌鲁木齐市质量奖评审办公室',
      signingPublicKey: encodeBase64(from.publicKeyRaw),
      receivingPublicKey: encodeBase64(from.receivingPublicKey),
    },
    ...patch,
  };
}

async function sealedFor(me: Expert, from: Office, payload: AssignmentPayload = realPayload(from, me.fingerprint)) {
  return encodeBase64(await packageFile(from, 'assignment', payload, { sealTo: me.receivingPublicKey }));
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-assignments-'));
  clock = Date.UTC(2026, 4, 1, 8, 0, 0, 0);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo assignment', () => {
  it('is a real package signed by the demo key, imports as demo, and pins nothing', async () => {
    const me = await expert();
    const { base64 } = demoSchema.parse(valueOf(await me.dispatch('demo:assignment', {})));
    const imported = importSchema.parse(
      importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64 }))),
    );
    expect(imported.pinned).toBe('demo');
    expect(imported.officeFingerprint).toBe(DEMO_OFFICE_FINGERPRINT);
    expect(imported.payload.applicants).toEqual(demoBundle.applicants);
    expect(imported.payload.cycle).toEqual(demoBundle.cycle);
    expect(imported.payload).toMatchObject({
      expertFingerprint: me.fingerprint,
      expertId: expertIdOf(me.fingerprint),
      assignment: { ...demoBundle.assignment, expertId: expertIdOf(me.fingerprint) },
      commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
      office: { name: '示例办公室（演示）' },
    });
    const bytes = canonicalBytes(imported.payload);
    if (!bytes.ok) throw new Error('payload does not canonicalise');
    expect(imported.assignmentHash).toBe(await sha256Hex(bytes.value));
    expect(await pinOf(me.dispatch)).toEqual({ fingerprint: null, pinnedAt: null, history: [] });
    expect(await readdir(join(dataDir, 'inbox'))).toEqual([`${imported.payload.packageId}.qapkg`]);
  });

  it('is refused when the demo key signs a non-demo cycle, and a demo cycle signed by another key', async () => {
    const me = await expert();
    const demoKey = valueOf(await loadDemoOfficeKey(createResourceFiles(shippedResourcesDir)));
    const demoOffice: Office = {
      id: 'demo-office',
      privateKey: demoKey.signingKey,
      publicKeyRaw: demoKey.signingPublicKey,
      fingerprint: demoKey.fingerprint,
      receivingPublicKey: demoKey.receivingPublicKey,
    };
    const real = await sealedFor(me, demoOffice);
    expect(errorOf(await me.dispatch('assignments:import', { base64: real })).code).toBe('E_DEMO_KEY');
    expect(errorOf(await me.dispatch('assignments:repin', { base64: real })).code).toBe('E_DEMO_KEY');
    const other = await office('office-x');
    const fakeDemo = realPayload(other, me.fingerprint, { cycle: { ...demoBundle.cycle, id: 'cycle-2026' } });
    const base64 = await sealedFor(me, other, fakeDemo);
    expect(errorOf(await me.dispatch('assignments:import', { base64 })).code).toBe('E_DEMO_KEY');
    expect((await pinOf(me.dispatch)).fingerprint).toBeNull();
  });
});

describe('pinning a real office key', () => {
  it('pins at the first import, accepts the same key, refuses another one until an explicit re-pin', async () => {
    const me = await expert();
    const first = await office('office-1');
    const base64 = await sealedFor(me, first);
    expect(importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64 })))).toMatchObject({
      pinned: 'new',
      officeFingerprint: first.fingerprint,
    });
    expect(importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64 }))).pinned).toBe('same');
    const later = realPayload(first, me.fingerprint, { packageId: '01890a5d-ac96-774b-bcce-b302099a8058' });
    expect(
      importSchema.parse(
        valueOf(await me.dispatch('assignments:import', { base64: await sealedFor(me, first, later) })),
      ).pinned,
    ).toBe('same');
    expect(await pinOf(me.dispatch)).toEqual({
      fingerprint: first.fingerprint,
      pinnedAt: new Date(clock).toISOString(),
      history: [],
    });

    const second = await office('office-2');
    const fromSecond = await sealedFor(me, second);
    expect(errorOf(await me.dispatch('assignments:import', { base64: fromSecond }))).toMatchObject({
      code: 'E_OFFICE_KEY_CHANGED',
      params: { fingerprint: formatFingerprint(second.fingerprint), pinned: formatFingerprint(first.fingerprint) },
    });
    expect((await pinOf(me.dispatch)).fingerprint).toBe(first.fingerprint);

    clock += 60_000;
    expect(importSchema.parse(valueOf(await me.dispatch('assignments:repin', { base64: fromSecond })))).toMatchObject({
      pinned: 'new',
      officeFingerprint: second.fingerprint,
    });
    expect(await pinOf(me.dispatch)).toEqual({
      fingerprint: second.fingerprint,
      pinnedAt: new Date(clock).toISOString(),
      history: [
        {
          fingerprint: first.fingerprint,
          pinnedAt: new Date(clock - 60_000).toISOString(),
          replacedAt: new Date(clock).toISOString(),
        },
      ],
    });
    expect(errorOf(await me.dispatch('assignments:import', { base64 })).code).toBe('E_OFFICE_KEY_CHANGED');
    // The pin survives a restart: it is on disk, not in memory.
    const again = start();
    valueOf(await again('identity:unlock', { passphrase: pass }));
    expect((await pinOf(again)).fingerprint).toBe(second.fingerprint);
  });

  it('keeps the received files in <dataDir>/inbox/, an identical re-import once', async () => {
    const me = await expert();
    const from = await office('office-1');
    const base64 = await sealedFor(me, from);
    importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64 })));
    importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64 })));
    const packageId = realPayload(from, me.fingerprint).packageId;
    expect(await readdir(join(dataDir, 'inbox'))).toEqual([`${packageId}.qapkg`]);
    expect(encodeBase64(new Uint8Array(await readFile(join(dataDir, 'inbox', `${packageId}.qapkg`))))).toBe(base64);
    // The same assignment sealed again (fresh ephemeral key, other bytes) is kept beside it.
    importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64: await sealedFor(me, from) })));
    expect(await readdir(join(dataDir, 'inbox'))).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('refuses an assignment for another expert with E_WRONG_EXPERT, and pins nothing', async () => {
    const me = await expert();
    const from = await office('office-1');
    const payload = realPayload(from, 'ab'.repeat(32));
    const error = errorOf(await me.dispatch('assignments:import', { base64: await sealedFor(me, from, payload) }));
    expect(error.code).toBe('E_WRONG_EXPERT');
    expect((await pinOf(me.dispatch)).fingerprint).toBeNull();
  });

  it('refuses an assignment sealed to another expert’s receiving key with E_SEAL', async () => {
    const me = await expert();
    const from = await office('office-1');
    const otherKey = (await generateReceivingKeyPair()).publicKeyRaw;
    const file = await packageFile(from, 'assignment', realPayload(from, me.fingerprint), { sealTo: otherKey });
    expect(errorOf(await me.dispatch('assignments:import', { base64: encodeBase64(file) })).code).toBe('E_SEAL');
  });

  it('refuses damaged, unsigned, mis-signed, unsealed and inconsistent files with their exact codes', async () => {
    const me = await expert();
    const from = await office('office-1');
    const payload = realPayload(from, me.fingerprint);
    const good = await packageFile(from, 'assignment', payload, { sealTo: me.receivingPublicKey });
    const flipped = Uint8Array.from(good);
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 1;
    const unsealed = await packageFile(from, 'assignment', payload);
    const impostor = await makeSigner('office-1');
    const signedByOther = await packageFile({ ...impostor, fingerprint: from.fingerprint }, 'assignment', payload, {
      sealTo: me.receivingPublicKey,
    });
    const notCarried = await packageFile(
      impostor,
      'assignment',
      { ...payload, keyId: impostor.fingerprint },
      {
        sealTo: me.receivingPublicKey,
      },
    );
    const inconsistent = await sealedFor(me, from, { ...payload, assignment: { ...payload.assignment, cycleId: 'x' } });
    const cases: [string, string][] = [
      [encodeBase64(flipped), 'E_SEAL'],
      [encodeBase64(unsealed), 'E_SEAL'],
      [encodeBase64(signedByOther), 'E_SIG'],
      [encodeBase64(notCarried), 'E_KEY_UNKNOWN'],
      [inconsistent, 'E_SCHEMA'],
      ['not base64!', 'E_BAD_REQUEST'],
    ];
    for (const [base64, code] of cases) {
      expect(errorOf(await me.dispatch('assignments:import', { base64 })).code).toBe(code);
    }
    expect((await pinOf(me.dispatch)).fingerprint).toBeNull();
    await expect(readdir(join(dataDir, 'inbox'))).rejects.toThrow();
  });

  it('answers E_LOCKED when locked and E_NO_PROFILE without a profile', async () => {
    const none = start();
    expect(errorOf(await none('demo:assignment', {})).code).toBe('E_NO_PROFILE');
    expect(errorOf(await none('assignments:import', { base64: 'AAAA' })).code).toBe('E_NO_PROFILE');
    const me = await expert();
    const from = await office('office-1');
    const base64 = await sealedFor(me, from);
    valueOf(await me.dispatch('identity:lock', {}));
    expect(errorOf(await me.dispatch('demo:assignment', {})).code).toBe('E_LOCKED');
    expect(errorOf(await me.dispatch('assignments:import', { base64 })).code).toBe('E_LOCKED');
  });

  it('refuses imports with E_KEY_FILE_CORRUPT when office-pin.json is corrupt, and never overwrites it', async () => {
    const me = await expert();
    const from = await office('office-1');
    const pinPath = join(dataDir, 'office-pin.json');
    const garbage = '{"format":"scorebook.office-pin/1","version":1,"current":';
    await writeFile(pinPath, garbage);
    const base64 = await sealedFor(me, from);
    for (const channel of ['assignments:import', 'assignments:repin'] as const) {
      expect(errorOf(await me.dispatch(channel, { base64 }))).toMatchObject({
        code: 'E_KEY_FILE_CORRUPT',
        params: { file: pinPath },
      });
    }
    expect(errorOf(await me.dispatch('office:pin', {})).code).toBe('E_KEY_FILE_CORRUPT');
    expect(await readFile(pinPath, 'utf8')).toBe(garbage);
    // The demo never touches the pin, so it still imports.
    const demo = demoSchema.parse(valueOf(await me.dispatch('demo:assignment', {})));
    expect(importSchema.parse(valueOf(await me.dispatch('assignments:import', demo))).pinned).toBe('demo');
    expect(await readFile(pinPath, 'utf8')).toBe(garbage);
  });
});
