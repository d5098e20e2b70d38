import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ChannelRequest, SignedPackage } from '../../src-shared/contract/channels';
import { encodeBase64 } from '../../src-shared/packages/base64';
import {
  declarationPayloadSchema,
  pledgePayloadSchema,
  type DeclarationPayload,
  type PledgePayload,
} from '../../src-shared/packages/payload-schemas';
import { chainHead, findAssignment, isPledged } from '../services/assignment-records';
import { fileNamePart } from '../services/enrollment-package';
import type { Handlers } from './handler-types';
import { badRequest, createPackageSigning, type PackageDeps } from './package-signing';

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

export function createPackageHandlers(deps: PackageDeps): Pick<Handlers, PackageChannel> {
  const { signer, assignmentOf, common, sealAndKeep } = createPackageSigning(deps);

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
          fileName: `pledge-${fileNamePart(payload.cycleId)}-${payload.packageId.slice(-8)}.qapkg`,
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
      // Stage and the id's random tail, as for sheets (sheet-handlers.ts).
      const name = `declaration-${payload.stage}-${fileNamePart(applicantId)}-v${seq}-${payload.packageId.slice(-8)}.qapkg`;
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
