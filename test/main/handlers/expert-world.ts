import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import { createDispatch, type Dispatch } from '../../../src-main/handlers/dispatch';
import { demoMaterials, loadDemoBundle } from '../../../src-main/services/demo-assignment';
import { expertIdOf } from '../../../src-main/services/enrollment-package';
import { createResourceFiles } from '../../../src-main/services/resource-files';
import { secureRandom } from '../../../src-main/services/secure-random';
import { contract, identityStatusSchema } from '../../../src-shared/contract/channels';
import type { AppError, Result } from '../../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { openPackage, type OpenedPackage } from '../../../src-shared/packages/open-package';
import type { AssignmentPayload, PackageKind } from '../../../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair, openSealed } from '../../../src-shared/packages/seal';
import { chainKeyOf } from '../../../src-shared/packages/verify-office';
import { makeSigner, memoryOffice, packageFile, type MemoryOffice, type Signer } from '../../support/package-world';
import { shippedResourcesDir } from './temp-resources';

/** An expert app over a temp data folder, driven through dispatch, and the office that receives its packages. */

/** N = 2^10 keeps each scrypt derivation around a millisecond; production uses kdfDefaults. */
const kdf = { N: 2 ** 10, r: 8, p: 1 };
export const passphrase = 'correct horse battery';
const profile = { name: '李四', workUnit: '新疆质量协会', title: '', phone: '', fields: [] };

/** The demo office's X25519 private key, shipped in resources/demo/demo-office-key.json. */
export const demoOfficeReceivingPrivate = (() => {
  const file = JSON.parse(readFileSync(join(shippedResourcesDir, 'demo', 'demo-office-key.json'), 'utf8')) as {
    receiving: { privateKey: string };
  };
  const raw = decodeBase64Strict(file.receiving.privateKey);
  if (raw === undefined) throw new Error('test setup: demo office key');
  return raw;
})();

export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorOf(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

export interface Expert {
  readonly dispatch: Dispatch;
  readonly fingerprint: string;
  readonly signingPublicKey: Uint8Array;
  readonly receivingPublicKey: Uint8Array;
}

/** The app on `dataDir` with the clock `now`, as the web host starts it (a quick KDF); a new start reads the same folder. */
export function startApp(dataDir: string, now: () => number): Dispatch {
  return createDispatch(
    createHandlers({
      resourcesDir: shippedResourcesDir,
      dataDir,
      transport: 'web',
      appVersion: '1.2.3',
      now,
      random: secureRandom,
      kdf,
    }),
  );
}

/** A fresh app on `dataDir` with the clock `now`; `expert` creates its identity (unlocked). */
export function expertApp(dataDir: string, now: () => number) {
  const start = (): Dispatch => startApp(dataDir, now);
  const expert = async (): Promise<Expert> => {
    const dispatch = start();
    const created = identityStatusSchema.parse(valueOf(await dispatch('identity:create', { profile, passphrase })));
    const keyFile = JSON.parse(await readFile(join(dataDir, 'keys.json'), 'utf8')) as {
      signing: { publicKey: string };
      receiving: { publicKey: string };
    };
    const signingPublicKey = decodeBase64Strict(keyFile.signing.publicKey);
    const receivingPublicKey = decodeBase64Strict(keyFile.receiving.publicKey);
    if (created.fingerprint === null || signingPublicKey === undefined || receivingPublicKey === undefined) {
      throw new Error('test setup: no identity');
    }
    return { dispatch, fingerprint: created.fingerprint, signingPublicKey, receivingPublicKey };
  };
  return { start, expert };
}

/** Imports the demo assignment for `me`; returns the verified payload and its hash. */
export async function importDemo(me: Expert) {
  const { base64 } = contract['demo:assignment'].response.parse(valueOf(await me.dispatch('demo:assignment', {})));
  return contract['assignments:import'].response.parse(valueOf(await me.dispatch('assignments:import', { base64 })));
}

/** A real (non-demo) office: its signing key and receiving key pair. */
export interface TestOffice {
  readonly signer: Signer;
  readonly receivingPrivateKey: Uint8Array;
  readonly receivingPublicKey: Uint8Array;
}

export async function testOffice(id = 'office-urumqi'): Promise<TestOffice> {
  const receiving = await generateReceivingKeyPair();
  return {
    signer: await makeSigner(id),
    receivingPrivateKey: receiving.privateKeyRaw,
    receivingPublicKey: receiving.publicKeyRaw,
  };
}

/**
 * An assignment of `office` for `me` made from the demo's content under a real cycle `cycle-2026` and the assignment
 * id `assignment-real`, with `patch` applied, and the demo's PDFs it carries (the demo is imported first).
 */
export async function officeAssignmentPayload(me: Expert, office: TestOffice, patch: Partial<AssignmentPayload> = {}) {
  const demo = await importDemo(me);
  const cycle = { ...demo.payload.cycle, id: 'cycle-2026', demo: false };
  const payload: AssignmentPayload = {
    ...demo.payload,
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: cycle.id,
    issuer: office.signer.id,
    keyId: office.signer.fingerprint,
    cycle,
    assignment: {
      ...demo.payload.assignment,
      id: 'assignment-real',
      cycleId: cycle.id,
      expertId: expertIdOf(me.fingerprint),
    },
    office: {
      name: '乌鲁木齐市质量奖评审办公室',
      signingPublicKey: encodeBase64(office.signer.publicKeyRaw),
      receivingPublicKey: encodeBase64(office.receivingPublicKey),
    },
    ...patch,
  };
  const bundle = await loadDemoBundle(createResourceFiles(shippedResourcesDir));
  if (!bundle.ok) throw new Error('test setup: demo bundle');
  return { demo, payload, blobs: demoMaterials(bundle.value).map(({ bytes }) => bytes) };
}

/** Imports, for `me`, officeAssignmentPayload's assignment: the office key is pinned by it. Returns the answer. */
export async function importOfficeAssignment(me: Expert, office: TestOffice) {
  const { demo, payload, blobs } = await officeAssignmentPayload(me, office);
  const file = await packageFile(office.signer, 'assignment', payload, { sealTo: me.receivingPublicKey, blobs });
  const imported = contract['assignments:import'].response.parse(
    valueOf(await me.dispatch('assignments:import', { base64: encodeBase64(file) })),
  );
  return { demo, imported, payload };
}

/** Opens a package the way the office does: sealed only, of one kind, the expert's key registered. */
export async function officeOpens(me: Expert, base64: string, kind: PackageKind, officePrivate: Uint8Array) {
  const file = decodeBase64Strict(base64);
  if (file === undefined) throw new Error('not base64');
  return openPackage(file, {
    maxFileBytes: 1024 * 1024,
    requireSealed: true,
    acceptedKinds: [kind],
    openSeal: (sealed) => openSealed(officePrivate, sealed),
    keyFor: (fingerprint) =>
      fingerprint === me.fingerprint
        ? { publicKeyRaw: me.signingPublicKey, owner: expertIdOf(me.fingerprint), revoked: false }
        : undefined,
  });
}

/** An office state where this expert is assigned to every applicant of the assignment, the cycle open, no recusal. */
export function officeFor(me: Expert, payload: AssignmentPayload): MemoryOffice {
  const office = memoryOffice();
  office.cycles.set(payload.cycleId, { open: true, openStages: ['material', 'defense', 'site'] });
  for (const applicantId of payload.assignment.applicantIds) {
    const { id, stage } = payload.assignment;
    office.assignments.add([expertIdOf(me.fingerprint), payload.cycleId, stage, applicantId, id].join('|'));
  }
  return office;
}

/** What the office stores on acceptance: the package id and the chain head. */
export function accept(office: MemoryOffice, opened: OpenedPackage): void {
  const payload = opened.payload as Parameters<typeof chainKeyOf>[0] & { packageId: string; seq: number };
  office.packages.set(payload.packageId, opened.payloadSha256);
  office.heads.set(chainKeyOf(payload), { seq: payload.seq, payloadSha256: opened.payloadSha256 });
}
