import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AssignmentImport } from '../../src-shared/contract/channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { bytesEqual, sha256Hex, utf8Encode } from '../../src-shared/packages/bytes';
import { ED25519_PUBLIC_KEY_BYTES, fingerprintOf } from '../../src-shared/packages/ed25519';
import { openPackage, type RegisteredKey } from '../../src-shared/packages/open-package';
import { peekPayload } from '../../src-shared/packages/peek-payload';
import { assignmentPayloadSchema, type AssignmentPayload } from '../../src-shared/packages/payload-schemas';
import { defaultStageSetup } from '../../src-shared/stages/stage-setup';
import type { ArchiveFolder } from '../services/archive-folder';
import { checkMaterials, storeMaterials } from '../services/assignment-materials';
import { withAssignment, type AssignmentRecordStore } from '../services/assignment-records';
import { buildDemoAssignment, DEMO_OFFICE_FINGERPRINT } from '../services/demo-assignment';
import type { KeyStore } from '../services/key-store';
import { nodeOpenSealed } from '../services/node-hpke';
import type { FileStore } from '../services/file-store';
import { decidePin, officeKeyChanged, type OfficePinStore } from '../services/office-pin';
import type { ResourceFiles } from '../services/resource-files';
import type { Handlers } from './handler-types';
import { unlockedKey } from './unlocked-key';

/**
 * Assignments for this expert (docs/package-format.md §3.5, §7.4): the office signs them and seals them to the
 * expert's receiving key. Import runs steps 1–7 of openPackage (sealed required, assignments only), then:
 *   1. the assignment names this expert's signing-key fingerprint (E_WRONG_EXPERT);
 *   2. the demo office key signs a demo cycle and nothing else, and a demo cycle comes only with it (E_DEMO_KEY);
 *   3. the payload is consistent with itself (ids of cycle, expert and applicants; E_SCHEMA);
 *   3a. every material it lists is a blob of the container with that size and SHA-256, and no blob is unlisted
 *      (E_ATTACHMENT, as the office checks a sheet's attachments);
 *   4. the office key against the pin: none → pinned (`new`); the pinned one → `same`; another one →
 *      E_OFFICE_KEY_CHANGED, unless this is `assignments:repin`, which pins it and keeps the old pin in the history.
 * The demo key is never pinned (`demo`). Every accepted file is archived, as received, in `<dataDir>/inbox/`; its
 * materials are kept by SHA-256 in `<dataDir>/materials/` (file-store.ts); and every accepted assignment (the demo
 * too) is recorded in `<dataDir>/assignments.json` (assignment-records.ts), last: a record never names a material
 * not yet on disk, a failed record leaves the pin, archive and materials in place, and importing the same file again
 * completes it.
 */

type AssignmentChannel = 'assignments:import' | 'assignments:repin' | 'office:pin' | 'demo:assignment';

export interface AssignmentDeps {
  /** The key store shared with the identity handlers. */
  readonly keys: KeyStore;
  /** Named in E_KEY_FILE_CORRUPT. */
  readonly keyFilePath: string;
  readonly pins: OfficePinStore;
  /** Main's records of imported assignments (what pledges, declarations and sheets are signed under). */
  readonly records: AssignmentRecordStore;
  /** `<dataDir>/inbox/` as an append-only folder, and its path (to compare a re-imported file with the kept one). */
  readonly inbox: ArchiveFolder;
  readonly inboxDir: string;
  /** `<dataDir>/materials/`: the applicants' PDFs of imported assignments, by SHA-256. */
  readonly materials: FileStore;
  /** The shipped resources (the demo bundle and the demo office key). */
  readonly files: ResourceFiles;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

/** The largest assignment file taken (it carries the applicants' PDFs): the contract's 120 MiB of base64 decode to 90 MiB. */
export const maxAssignmentFileBytes = 90 * 1024 * 1024;

export function createAssignmentHandlers(deps: AssignmentDeps): Pick<Handlers, AssignmentChannel> {
  /** The unlocked expert's public identity, or why there is none. */
  const expert = async (): Promise<Result<{ fingerprint: string; receivingPublicKey: Uint8Array }>> => {
    const unlocked = await unlockedKey(deps.keys, deps.keyFilePath);
    if (!unlocked.ok) return unlocked;
    const key = unlocked.value;
    if (key.role !== 'expert' || key.fingerprint === undefined || key.receivingPublicKey === undefined) {
      return fail('E_NO_PROFILE', 'the key file holds no expert identity');
    }
    return ok({ fingerprint: key.fingerprint, receivingPublicKey: key.receivingPublicKey });
  };

  const importAssignment = async (base64: string, repin: boolean): Promise<Result<AssignmentImport>> => {
    const me = await expert();
    if (!me.ok) return me;
    const file = decodeBase64Strict(base64);
    if (file === undefined) {
      return fail('E_BAD_REQUEST', 'base64: not canonical base64', { detail: 'base64: not canonical base64' });
    }
    let container: Uint8Array | undefined;
    const opened = await openPackage(file, {
      maxFileBytes: maxAssignmentFileBytes,
      requireSealed: true,
      acceptedKinds: ['assignment'],
      openSeal: async (sealed) => {
        // node:crypto HPKE (node-hpke.ts): the lent key is imported, used and dropped within the loan.
        const lent = await deps.keys.withReceivingKey(async (privateRaw) => nodeOpenSealed(privateRaw, sealed));
        if (!lent.ok) return lent;
        if (lent.value.ok) container = lent.value.value;
        return lent.value;
      },
      // openSeal runs before keyFor (step 1 before step 4), so the container is known by then.
      keyFor: (fingerprint) => (container === undefined ? undefined : carriedOfficeKey(container, fingerprint)),
    });
    if (!opened.ok) return opened;
    const parsed = assignmentPayloadSchema.safeParse(opened.value.payload);
    if (!parsed.success) return fail('E_INTERNAL', 'opened assignment does not parse again', { detail: 'schema' });
    const payload = parsed.data;
    const officeFingerprint = opened.value.keyId;
    if (payload.expertFingerprint !== me.value.fingerprint) {
      return fail('E_WRONG_EXPERT', `assignment for ${payload.expertFingerprint}, not ${me.value.fingerprint}`);
    }
    const demoKey = officeFingerprint === DEMO_OFFICE_FINGERPRINT;
    if (demoKey !== payload.cycle.demo) {
      return fail('E_DEMO_KEY', demoKey ? 'demo office key on a real cycle' : 'demo cycle signed by another key');
    }
    const problem = inconsistency(payload);
    if (problem !== undefined) return fail('E_SCHEMA', `assignment: ${problem}`, { detail: problem });
    const materials = payload.materials ?? [];
    const carried = checkMaterials(materials, opened.value.blobs);
    if (!carried.ok) return carried;

    const answer = (pinned: AssignmentImport['pinned']): AssignmentImport => ({
      payload,
      assignmentHash: opened.value.payloadSha256,
      officeFingerprint,
      pinned,
    });
    const recorded = async (pinned: AssignmentImport['pinned']): Promise<Result<AssignmentImport>> => {
      const stored = await storeMaterials(deps.materials, materials, opened.value.blobs);
      if (!stored.ok) return stored;
      const written = await record(deps.records, payload, opened.value.payloadSha256);
      return written.ok ? ok(answer(pinned)) : written;
    };
    if (demoKey) {
      const archived = await archive(deps, payload.packageId, file);
      return archived.ok ? recorded('demo') : archived;
    }
    const pinnedKey = {
      fingerprint: officeFingerprint,
      signingPublicKey: payload.office.signingPublicKey,
      officeName: payload.office.name,
      pinnedAt: new Date(deps.now()).toISOString(),
    };
    const pinned = await deps.pins.update(async (state) => {
      const decision = decidePin(state, pinnedKey, repin);
      if (decision.outcome === 'changed') return officeKeyChanged(officeFingerprint, decision.pinned);
      // The file is archived before the pin is written: a pin never stands without the file that set it.
      const archived = await archive(deps, payload.packageId, file);
      if (!archived.ok) return archived;
      return decision.outcome === 'new'
        ? ok({ next: decision.next, value: 'new' as const })
        : ok({ value: 'same' as const });
    });
    return pinned.ok ? recorded(pinned.value) : pinned;
  };

  return {
    async 'assignments:import'({ base64 }) {
      return importAssignment(base64, false);
    },

    async 'assignments:repin'({ base64 }) {
      return importAssignment(base64, true);
    },

    async 'office:pin'() {
      const state = await deps.pins.read();
      if (!state.ok) return state;
      const { current, history } = state.value;
      return ok({
        fingerprint: current?.fingerprint ?? null,
        pinnedAt: current?.pinnedAt ?? null,
        history: history.map(({ fingerprint, pinnedAt, replacedAt }) => ({ fingerprint, pinnedAt, replacedAt })),
      });
    },

    async 'demo:assignment'() {
      const me = await expert();
      if (!me.ok) return me;
      const built = await buildDemoAssignment(deps.files, me.value, {
        nowMs: deps.now(),
        random: deps.random,
        appVersion: deps.appVersion,
      });
      return built.ok ? ok({ base64: encodeBase64(built.value.file) }) : built;
    },
  };
}

/** What the pre-read needs of a payload; everything else waits for the verified parse in openPackage. */
const carriedKeySchema = z.object({ issuer: z.string(), office: z.object({ signingPublicKey: z.string() }) });

/**
 * The office signing key an assignment carries, if its fingerprint is the envelope's `keyid`; otherwise nothing
 * (E_KEY_UNKNOWN). An assignment is self-describing: the expert has no registry, only the pin.
 *
 * Why reading the payload before its signature is checked is safe here: this reads the same bytes openPackage then
 * verifies, in the same strict way (container limits, strict envelope, canonical JSON without duplicate names), and
 * only takes a 32-byte key out of them. That key proves just that the package is internally consistent — signed by
 * the key it names. It does NOT make the package trusted: anyone can make a key and sign with it. Trust is decided
 * after verification, by the pin (a key other than the pinned one is E_OFFICE_KEY_CHANGED) and, for the demo key,
 * by the fingerprint fixed in code and the demo-cycle rule. The issuer is likewise taken from the package, so step 7
 * checks only that the payload names the key that signed it.
 */
async function carriedOfficeKey(container: Uint8Array, fingerprint: string): Promise<RegisteredKey | undefined> {
  const carried = carriedKeySchema.safeParse(peekPayload(container));
  if (!carried.success) return undefined;
  const publicKeyRaw = decodeBase64Strict(carried.data.office.signingPublicKey);
  if (publicKeyRaw?.length !== ED25519_PUBLIC_KEY_BYTES) return undefined;
  if ((await fingerprintOf(publicKeyRaw)) !== fingerprint) return undefined;
  return { publicKeyRaw, owner: carried.data.issuer, revoked: false };
}

/** The members the schema does not tie together (§3.5: the expert app SHOULD check them); undefined when they agree. */
function inconsistency(payload: AssignmentPayload): string | undefined {
  const { cycle, assignment, applicants } = payload;
  if (payload.cycleId !== cycle.id || assignment.cycleId !== cycle.id) {
    return 'cycleId, cycle.id and assignment.cycleId differ';
  }
  if (assignment.expertId !== payload.expertId) return 'expertId and assignment.expertId differ';
  if (!cycle.stages.includes(assignment.stage)) return `stage ${assignment.stage} is not one of the cycle's stages`;
  const ids = applicants.map((applicant) => applicant.id);
  const listed = new Set(assignment.applicantIds);
  if (new Set(ids).size !== ids.length || listed.size !== assignment.applicantIds.length) {
    return 'an applicant id repeats';
  }
  if (listed.size !== ids.length || !ids.every((id) => listed.has(id))) {
    return 'assignment.applicantIds and applicants[].id differ';
  }
  return undefined;
}

/**
 * Keeps the received file as `<packageId>.qapkg`. The same bytes again are fine (a repeated import). Other bytes under
 * the same id — a re-sealed copy (every seal draws a fresh ephemeral key) — are kept as well, beside it, under
 * `<packageId>-<first 16 hex of the file's SHA-256>.qapkg`: the inbox never replaces and never loses a received file.
 */
async function archive(deps: AssignmentDeps, packageId: string, file: Uint8Array): Promise<Result<void>> {
  const name = `${packageId}.qapkg`;
  const written = await deps.inbox.writeOnce(name, file);
  if (written.ok || written.error.params?.reason !== 'exists') return written;
  const existing = await readFile(join(deps.inboxDir, name)).catch(() => undefined);
  if (existing !== undefined && bytesEqual(new Uint8Array(existing), file)) return ok(undefined);
  const second = await deps.inbox.writeOnce(`${packageId}-${(await sha256Hex(file)).slice(0, 16)}.qapkg`, file);
  // That name is content-addressed: if it exists, it holds these bytes.
  if (second.ok || second.error.params?.reason === 'exists') return ok(undefined);
  return second;
}

/** Records the verified assignment for the signing handlers; the same assignment again changes nothing. */
async function record(
  records: AssignmentRecordStore,
  payload: AssignmentPayload,
  assignmentHash: string,
): Promise<Result<void>> {
  const entry = {
    assignmentId: payload.assignment.id,
    cycleId: payload.cycleId,
    stage: payload.assignment.stage,
    expertId: payload.expertId,
    applicantIds: payload.assignment.applicantIds,
    assignmentHash,
    officeReceivingKey: payload.office.receivingPublicKey,
    pledgeTextSha256: await sha256Hex(utf8Encode(payload.pledgeText)),
    demo: payload.cycle.demo,
    criteriaId: payload.cycle.criteriaId,
    commentRules: {
      strengthWithEvidenceFrom: payload.commentRules.strengthWithEvidenceFrom,
      ofiUpTo: payload.commentRules.ofiUpTo,
    },
    stages: payload.cycle.stages,
    stageSetup: payload.stageSetup ?? defaultStageSetup,
    materials: payload.materials ?? [],
  };
  return records.update(async (state) => ok({ next: withAssignment(state, entry), value: undefined }));
}
