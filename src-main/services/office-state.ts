import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import type { PledgePayload } from '../../src-shared/packages/payload-schemas';
import type { OfficeState } from '../../src-shared/packages/verify-office';
import { chainHeadOf, isRecusedIn, type Ledger } from './office-ledger';

/**
 * The office's state as the verifier asks for it (verify-office.ts, steps 8–11), read from the ledger:
 * - a cycle is open when the office issued an assignment for it, a stage when it issued one for that stage;
 * - an expert is assigned when an issued assignment with that id names the expert, cycle, stage and applicant — and,
 *   the office check of package-format.md Appendix A item 9, when the package's `assignmentHash` is the SHA-256 of
 *   that assignment's payload as issued (so a sheet scored against an assignment the office did not sign is
 *   E_NOT_ASSIGNED, the code of the step this belongs to);
 * - recused: the latest accepted declaration about the applicant, in any stage of the cycle, declares a conflict.
 */
export function ledgerOfficeState(
  ledger: Ledger,
  assignmentHash: string | null,
  criteria: (criteriaId: string) => Promise<Criteria | undefined>,
): OfficeState {
  return {
    cycleOpen: (cycleId) => ledger.issued.some((issued) => issued.cycleId === cycleId),
    stageOpen: (cycleId, stage) => ledger.issued.some((issued) => issued.cycleId === cycleId && issued.stage === stage),
    isAssigned: (expertId, cycleId, stage, applicantId, assignmentId) => {
      const issued = ledger.issuedById.get(assignmentId);
      return (
        issued !== undefined &&
        issued.expertId === expertId &&
        issued.cycleId === cycleId &&
        issued.stage === stage &&
        issued.applicantIds.includes(applicantId) &&
        issued.payloadSha256 === assignmentHash
      );
    },
    isRecused: (expertId, cycleId, applicantId) => isRecusedIn(ledger, expertId, cycleId, applicantId),
    knownPackage: (packageId) => ledger.acceptedById.get(packageId)?.payloadSha256,
    chainHead: (chainKey) => chainHeadOf(ledger, chainKey),
    criteria,
  };
}

/**
 * The office check of Appendix A item 5: a pledge accepts the pledge text the office sent the expert for the cycle.
 * No assignment to the expert in the cycle is E_NOT_ASSIGNED; another text is E_SCHEMA (the format names no code for
 * it; the pledge's content does not match what it must acknowledge).
 */
export function checkPledge(ledger: Ledger, payload: PledgePayload): Result<void> {
  const sent = ledger.issued.filter(
    (issued) => issued.expertId === payload.issuer && issued.cycleId === payload.cycleId,
  );
  if (sent.length === 0) return fail('E_NOT_ASSIGNED', `no assignment to ${payload.issuer} in ${payload.cycleId}`);
  if (sent.some((issued) => issued.pledgeTextSha256 === payload.pledgeTextSha256)) return ok(undefined);
  const detail = 'pledgeTextSha256: not the pledge text the office sent';
  return fail('E_SCHEMA', `pledge: ${detail}`, { detail });
}
