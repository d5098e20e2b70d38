import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ChannelRequest, SignedPackage } from '../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { buildPackage } from '../../src-shared/packages/build-package';
import {
  declarationPayloadSchema,
  pledgePayloadSchema,
  type DeclarationPayload,
  type PledgePayload,
} from '../../src-shared/packages/payload-schemas';
import { uuidV7 } from '../../src-shared/packages/uuid-v7';
import type { ArchiveFolder } from '../services/archive-folder';
import {
  chainHead,
  findAssignment,
  isPledged,
  type AssignmentRecord,
  type AssignmentRecordsFile,
  type AssignmentRecordStore,
} from '../services/assignment-records';
import { expertIdOf, fileNamePart } from '../services/enrollment-package';
import type { KeyStore } from '../services/key-store';
import type { Handlers } from './handler-types';

/**
 * The expert's signed packages to the office (docs/package-format.md §3.6 pledge, §3.7 declaration, §4 chains):
 * built from main's assignment records (assignment-records.ts), signed with the expert's key, SEALED to the office's
 * receiving key from the assignment (§2.7), kept as sent in `<dataDir>/outbox/` and recorded.
 *
 * Refusals: E_NO_PROFILE / E_KEY_FILE_CORRUPT / E_LOCKED (no usable identity); E_NOT_ASSIGNED (assignment not
 * imported, or the applicant not in it); E_WRONG_EXPERT (the assignment was imported for another key);
 * E_BAD_REQUEST with detail `pledge first` (a declaration before the cycle's pledge), `correctionReason …` (null for
 * seq 1, non-blank from seq 2) or `conflict …` (a conflict needs grounds, none needs none).
 */

type PackageChannel = 'assignments:status' | 'packages:sign-pledge' | 'packages:sign-declaration';

export interface PackageDeps {
  readonly keys: KeyStore;
  /** Named in E_KEY_FILE_CORRUPT. */
  readonly keyFilePath: string;
  readonly records: AssignmentRecordStore;
  /** `<dataDir>/outbox/`: every package exactly as it left. */
  readonly outbox: ArchiveFolder;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

interface Signer {
  readonly fingerprint: string;
  readonly expertId: string;
}

const badRequest = (detail: string): Result<never> => fail('E_BAD_REQUEST', `bad request: ${detail}`, { detail });

export function createPackageHandlers(deps: PackageDeps): Pick<Handlers, PackageChannel> {
  /** The unlocked expert, or why there is none. */
  const signer = async (): Promise<Result<Signer>> => {
    const key = await deps.keys.status();
    if (key.state === 'none') return fail('E_NO_PROFILE', 'no key file');
    if (key.state === 'corrupt') {
      return fail('E_KEY_FILE_CORRUPT', `key file ${deps.keyFilePath} unreadable`, { file: deps.keyFilePath });
    }
    if (key.state === 'locked') return fail('E_LOCKED', 'locked');
    if (key.role !== 'expert' || key.fingerprint === undefined) {
      return fail('E_NO_PROFILE', 'the key file holds no expert identity');
    }
    return ok({ fingerprint: key.fingerprint, expertId: expertIdOf(key.fingerprint) });
  };

  /** The assignment's record, if it was imported for this expert. */
  const assignmentOf = (records: AssignmentRecordsFile, me: Signer, assignmentId: string): Result<AssignmentRecord> => {
    const record = findAssignment(records, assignmentId);
    if (record === undefined) return fail('E_NOT_ASSIGNED', `no imported assignment ${assignmentId}`);
    if (record.expertId !== me.expertId) {
      return fail('E_WRONG_EXPERT', `assignment ${assignmentId} is for ${record.expertId}, not ${me.expertId}`);
    }
    return ok(record);
  };

  /** Common payload fields; createdAt always has milliseconds, as the time format allows. */
  const common = (me: Signer, cycleId: string, nowMs: number) => ({
    packageId: uuidV7(nowMs, deps.random),
    cycleId,
    issuer: me.expertId,
    keyId: me.fingerprint,
    createdAt: new Date(nowMs).toISOString(),
    app: { name: 'Scorebook', version: deps.appVersion },
  });

  /** Signs, seals to the office, archives as `<packageId>-<kind>.qapkg`. */
  const sealAndKeep = async (
    kind: 'pledge' | 'declaration',
    payload: PledgePayload | DeclarationPayload,
    record: AssignmentRecord,
  ): Promise<Result<{ file: Uint8Array; payloadSha256: string }>> => {
    const officeKey = decodeBase64Strict(record.officeReceivingKey);
    if (officeKey?.length !== 32) {
      return fail('E_INTERNAL', `assignment ${record.assignmentId}: office receiving key is not 32 bytes`, {
        detail: 'office receiving key',
      });
    }
    const built = await buildPackage({
      kind,
      payload,
      keyId: payload.keyId,
      sign: (message) => deps.keys.sign(message),
      sealToPublicKey: officeKey,
    });
    if (!built.ok) return built;
    const archived = await deps.outbox.writeOnce(`${payload.packageId}-${kind}.qapkg`, built.value.file);
    if (!archived.ok) return archived;
    return ok({ file: built.value.file, payloadSha256: built.value.payloadSha256 });
  };

  const signPledge = async ({
    assignmentId,
  }: ChannelRequest<'packages:sign-pledge'>): Promise<Result<SignedPackage>> => {
    const me = await signer();
    if (!me.ok) return me;
    return deps.records.update(async (records) => {
      const record = assignmentOf(records, me.value, assignmentId);
      if (!record.ok) return record;
      const nowMs = deps.now();
      const checked = pledgePayloadSchema.safeParse({
        schema: 'scorebook.pledge/1',
        kind: 'pledge',
        ...common(me.value, record.value.cycleId, nowMs),
        pledgeTextSha256: record.value.pledgeTextSha256,
        accepted: true,
      } satisfies PledgePayload);
      if (!checked.success) return fail('E_INTERNAL', 'pledge payload does not parse', { detail: 'pledge payload' });
      const payload = checked.data;
      const kept = await sealAndKeep('pledge', payload, record.value);
      if (!kept.ok) return kept;
      const entry = {
        cycleId: payload.cycleId,
        packageId: payload.packageId,
        payloadSha256: kept.value.payloadSha256,
        signedAt: payload.createdAt,
      };
      return ok({
        next: { ...records, pledges: [...records.pledges, entry] },
        value: {
          packageId: payload.packageId,
          fileName: `pledge-${fileNamePart(payload.cycleId)}-${payload.packageId.slice(0, 8)}.qapkg`,
          base64: encodeBase64(kept.value.file),
          payloadSha256: kept.value.payloadSha256,
          seq: null,
        },
      });
    });
  };

  const signDeclaration = async (
    request: ChannelRequest<'packages:sign-declaration'>,
  ): Promise<Result<SignedPackage>> => {
    const me = await signer();
    if (!me.ok) return me;
    const { assignmentId, applicantId, conflict, grounds, correctionReason } = request;
    if (conflict !== grounds.length > 0) {
      return badRequest(conflict ? 'conflict: a conflict needs a ground' : 'conflict: no conflict takes no grounds');
    }
    return deps.records.update(async (records) => {
      const found = assignmentOf(records, me.value, assignmentId);
      if (!found.ok) return found;
      const record = found.value;
      if (!record.applicantIds.includes(applicantId)) {
        return fail('E_NOT_ASSIGNED', `${applicantId} is not in assignment ${assignmentId}`);
      }
      if (!isPledged(records, record.cycleId)) return badRequest('pledge first');
      const head = chainHead(records, 'declaration', record.cycleId, record.stage, applicantId);
      const seq = (head?.seq ?? 0) + 1;
      if (seq === 1 && correctionReason !== null) return badRequest('correctionReason: none for the first version');
      if (seq > 1 && (correctionReason === null || correctionReason.trim() === '')) {
        return badRequest('correctionReason: a correction needs a reason');
      }
      const nowMs = deps.now();
      const checked = declarationPayloadSchema.safeParse({
        schema: 'scorebook.declaration/1',
        kind: 'declaration',
        ...common(me.value, record.cycleId, nowMs),
        stage: record.stage,
        applicantId,
        assignmentId,
        assignmentHash: record.assignmentHash,
        seq,
        prevHash: head?.payloadSha256 ?? null,
        conflict,
        grounds,
        correctionReason,
      } satisfies DeclarationPayload);
      if (!checked.success) {
        const detail = `declaration: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
        return badRequest(detail);
      }
      const payload = checked.data;
      const kept = await sealAndKeep('declaration', payload, record);
      if (!kept.ok) return kept;
      const entry = {
        kind: 'declaration' as const,
        cycleId: payload.cycleId,
        stage: payload.stage,
        applicantId,
        seq,
        payloadSha256: kept.value.payloadSha256,
        conflict,
        signedAt: payload.createdAt,
      };
      const name = `declaration-${fileNamePart(applicantId)}-v${seq}-${payload.packageId.slice(0, 8)}.qapkg`;
      return ok({
        next: { ...records, chains: [...records.chains, entry] },
        value: {
          packageId: payload.packageId,
          fileName: name,
          base64: encodeBase64(kept.value.file),
          payloadSha256: kept.value.payloadSha256,
          seq,
        },
      });
    });
  };

  return {
    async 'assignments:status'({ assignmentId }) {
      const records = await deps.records.read();
      if (!records.ok) return records;
      const record = findAssignment(records.value, assignmentId);
      if (record === undefined) return fail('E_NOT_ASSIGNED', `no imported assignment ${assignmentId}`);
      const declarations = record.applicantIds.flatMap((applicantId) => {
        const head = chainHead(records.value, 'declaration', record.cycleId, record.stage, applicantId);
        return head === undefined
          ? []
          : [{ applicantId, conflict: head.conflict === true, seq: head.seq, declaredAt: head.signedAt }];
      });
      return ok({ pledged: isPledged(records.value, record.cycleId), declarations });
    },
    'packages:sign-pledge': signPledge,
    'packages:sign-declaration': signDeclaration,
  };
}
