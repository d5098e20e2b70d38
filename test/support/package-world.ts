import { ok, type Result } from '../../src-shared/contract/result';
import { buildPackage } from '../../src-shared/packages/build-package';
import { encodeBase64 } from '../../src-shared/packages/base64';
import { sha256Hex } from '../../src-shared/packages/bytes';
import { exportPublicRaw, fingerprintOf, generateSigningKeyPair, signEd25519 } from '../../src-shared/packages/ed25519';
import type { JsonValue } from '../../src-shared/packages/jcs';
import type { RegisteredKey } from '../../src-shared/packages/open-package';
import type { PackageKind, SheetPayload } from '../../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair } from '../../src-shared/packages/seal';
import { sheetContent, type SubmitItem } from '../../src-shared/scoring/submit-validation';
import type { ChainHead, OfficeState } from '../../src-shared/packages/verify-office';
import type { CryptoKeyLike } from '../../src-shared/packages/web-crypto';
import { allItems } from '../../src-shared/criteria/load-criteria';
import { shippedCriteria } from './shipped-criteria';

export interface Signer {
  readonly id: string;
  readonly privateKey: CryptoKeyLike;
  readonly publicKeyRaw: Uint8Array;
  readonly fingerprint: string;
}

export async function makeSigner(id: string): Promise<Signer> {
  const pair = await generateSigningKeyPair(false);
  const publicKeyRaw = await exportPublicRaw(pair.publicKey);
  return { id, privateKey: pair.privateKey, publicKeyRaw, fingerprint: await fingerprintOf(publicKeyRaw) };
}

/** A mutable in-memory office state; tests change its fields to provoke each step's refusal. */
export interface MemoryOffice extends OfficeState {
  cycles: Map<string, { open: boolean; openStages: string[] }>;
  assignments: Set<string>;
  recusals: Set<string>;
  packages: Map<string, string>;
  heads: Map<string, ChainHead>;
}

export function memoryOffice(): MemoryOffice {
  const criteria = shippedCriteria();
  const office: MemoryOffice = {
    cycles: new Map([['cycle-2026', { open: true, openStages: ['material', 'defense', 'site'] }]]),
    assignments: new Set(['expert-1|cycle-2026|material|applicant-1|assignment-1']),
    recusals: new Set(),
    packages: new Map(),
    heads: new Map(),
    cycleOpen: (cycleId) => office.cycles.get(cycleId)?.open,
    stageOpen: (cycleId, stage) => office.cycles.get(cycleId)?.openStages.includes(stage) ?? false,
    isAssigned: (expertId, cycleId, stage, applicantId, assignmentId) =>
      office.assignments.has([expertId, cycleId, stage, applicantId, assignmentId].join('|')),
    isRecused: (expertId, cycleId, applicantId) => office.recusals.has([expertId, cycleId, applicantId].join('|')),
    knownPackage: (packageId) => office.packages.get(packageId),
    chainHead: (key) => office.heads.get(key),
    criteria: (id) => (id === criteria.id ? criteria : undefined),
  };
  return office;
}

/** A valid sheet payload for expert-1 on applicant-1 (material review), every item scored. */
export function sheetPayload(signer: Signer, patch: Partial<SheetPayload> = {}): SheetPayload {
  const criteria = shippedCriteria();
  const items = new Map<string, SubmitItem>(
    allItems(criteria).map((item, i) => [
      item.id,
      {
        percent: (i * 15) % 105,
        strengths: [{ text: `优势 ${item.id}`, page: i + 1, ref: '' }],
        ofis: [{ text: `改进 ${item.id}`, page: null, ref: '访谈' }],
      },
    ]),
  );
  const content = sheetContent(criteria, items);
  return {
    schema: 'scorebook.sheet/1',
    kind: 'sheet',
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: 'cycle-2026',
    issuer: signer.id,
    keyId: signer.fingerprint,
    createdAt: '2026-05-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    stage: 'material',
    applicantId: 'applicant-1',
    assignmentId: 'assignment-1',
    assignmentHash: 'a'.repeat(64),
    seq: 1,
    prevHash: null,
    criteria: { id: criteria.id, version: criteria.version },
    items: content.items,
    totals: content.totals,
    attachments: [],
    revisionReason: null,
    ...patch,
  };
}

export function signWith(signer: Signer): (message: Uint8Array) => Promise<Result<Uint8Array>> {
  return async (message) => ok(await signEd25519(signer.privateKey, message));
}

export async function attachmentRef(bytes: Uint8Array, name: string) {
  return { sha256: await sha256Hex(bytes), size: bytes.byteLength, name, mediaType: 'image/jpeg' };
}

/** Builds a real `.qapkg`; throws in the test if building fails (a fixture error, not a verdict). */
export async function packageFile(
  signer: Signer,
  kind: PackageKind,
  payload: object,
  options: { sealTo?: Uint8Array; blobs?: Uint8Array[] } = {},
): Promise<Uint8Array> {
  const built = await buildPackage({
    kind,
    payload: payload as JsonValue,
    keyId: signer.fingerprint,
    sign: signWith(signer),
    ...(options.blobs === undefined ? {} : { blobs: options.blobs }),
    ...(options.sealTo === undefined ? {} : { sealToPublicKey: options.sealTo }),
  });
  if (!built.ok) throw new Error(`fixture package did not build: ${built.error.message}`);
  return built.value.file;
}

export function registered(signer: Signer, revoked = false): RegisteredKey {
  return { publicKeyRaw: signer.publicKeyRaw, owner: signer.id, revoked };
}

export async function officeKeys() {
  return generateReceivingKeyPair();
}

export function base64(bytes: Uint8Array): string {
  return encodeBase64(bytes);
}
