import type { ConsensusRecord, Recommendation } from './office-schemas';

/**
 * What the office signs (office:sign-record) for a consensus or a recommendation. The record alone names no cycle
 * and no version, so a signature over it could be shown for another cycle or passed off as a later version; the
 * signed form binds the cycle, the version number and the reason for the version as well. Every field is kept in
 * the renderer's row (cycleId, the version's place in the history, its reason), so anyone can rebuild exactly these
 * bytes from a row and check the signature. Plain JSON values only: main signs their RFC 8785 form.
 */
// Type aliases, not interfaces: an alias is assignable to the contract's Record<string, unknown>.
export type SignedConsensusForm = {
  readonly schema: 'scorebook.office-consensus/1';
  readonly cycleId: string;
  /** 1 for the first signed consensus of this applicant and stage, then 2, 3, … */
  readonly version: number;
  /** Why this version replaces the previous one; empty for version 1. */
  readonly reason: string;
  readonly consensus: ConsensusRecord;
};

export type SignedRecommendationForm = {
  readonly schema: 'scorebook.office-recommendation/1';
  readonly cycleId: string;
  readonly version: number;
  readonly reason: string;
  readonly recommendation: Recommendation;
};

export function consensusToSign(
  cycleId: string,
  version: number,
  reason: string,
  consensus: ConsensusRecord,
): SignedConsensusForm {
  return { schema: 'scorebook.office-consensus/1', cycleId, version, reason: reason.trim(), consensus };
}

export function recommendationToSign(
  cycleId: string,
  version: number,
  reason: string,
  recommendation: Recommendation,
): SignedRecommendationForm {
  return { schema: 'scorebook.office-recommendation/1', cycleId, version, reason: reason.trim(), recommendation };
}
