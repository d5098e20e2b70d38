import { fail, ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import { itemIds } from '../criteria/load-criteria';
import { validatePercent } from '../scoring/percent';
import type { StageAggregation } from './aggregate-stage';
import type { ConsensusRecord, Panel } from './office-schemas';
import { divideRoundHalfUp } from './panel-stats';

/** Where the consensus discussion starts for one item. */
export interface ConsensusSeed {
  readonly itemId: string;
  /** The panel mean on the criteria's grid; null when no expert scored the item (the panel must decide). */
  readonly seed: number | null;
  /** The exact panel mean it came from, in hundredths of a percentage point (rounded half up), for display. */
  readonly meanPercentHundredths: number | null;
  /** The item's spread reached the cycle's threshold: discuss it first. */
  readonly needsConsensus: boolean;
}

/**
 * Seeds the consensus (issue 4 item 8) with the panel mean of each item, rounded to the sheets' grid
 * (`criteria.percentStep`, 5 in GB/T 19580 practice) half up: 62.5 % → 65 %, 62.4 % → 60 %. The
 * rounding starts from the exact sum of the percents, never from an already rounded mean, so no value
 * is rounded twice. Baldrige-style practice agrees one percent per item rather than keeping the mean
 * (criteria-gbt19580.md), so the seed is only where the leader starts.
 */
export function seedConsensus(aggregation: StageAggregation, step: number): ConsensusSeed[] {
  return aggregation.items.map((item) => {
    const stat = item.percent;
    if (stat === null) return { itemId: item.itemId, seed: null, meanPercentHundredths: null, needsConsensus: false };
    // stat.sum is in hundredths of a percentage point: divide by (count × step × 100) to count grid steps.
    const steps = divideRoundHalfUp(stat.sum, stat.count * step * 100);
    return {
      itemId: item.itemId,
      seed: steps * step,
      meanPercentHundredths: stat.mean,
      needsConsensus: item.needsConsensus,
    };
  });
}

export type ConsensusProblem =
  | 'wrong-panel'
  | 'no-leader'
  | 'leader-not-in-panel'
  | 'unknown-item'
  | 'duplicate-item'
  | 'missing-item'
  | 'percent-range'
  | 'percent-step'
  | 'reason-required';

export interface ConsensusIssue {
  readonly problem: ConsensusProblem;
  /** The item concerned; absent for problems of the record as a whole. */
  readonly itemId?: string;
}

/**
 * Every problem of a consensus record, record-level first, then item by item in criteria order
 * (unknown and duplicate ids in record order after them). A record is valid when it names a leader
 * who is on the panel, gives exactly one percent on the criteria's grid for every item, and has a
 * non-empty reason (after trimming) for every item whose percent differs from its seed — also where
 * the seed is null, since then nothing but the panel's judgement backs the percent.
 */
export function checkConsensus(
  criteria: Criteria,
  panel: Panel,
  seeds: readonly ConsensusSeed[],
  record: ConsensusRecord,
): ConsensusIssue[] {
  const issues: ConsensusIssue[] = [];
  if (record.applicantId !== panel.applicantId || record.stage !== panel.stage) issues.push({ problem: 'wrong-panel' });
  if (record.leaderId.trim() === '') issues.push({ problem: 'no-leader' });
  else if (!panel.expertIds.includes(record.leaderId)) issues.push({ problem: 'leader-not-in-panel' });
  const ids = itemIds(criteria);
  const known = new Set(ids);
  const seedOf = new Map(seeds.map((s) => [s.itemId, s.seed]));
  const seen = new Set<string>();
  const trailing: ConsensusIssue[] = [];
  for (const entry of record.items) {
    if (!known.has(entry.itemId)) trailing.push({ problem: 'unknown-item', itemId: entry.itemId });
    else if (seen.has(entry.itemId)) trailing.push({ problem: 'duplicate-item', itemId: entry.itemId });
    seen.add(entry.itemId);
  }
  const byItem = new Map(record.items.map((entry) => [entry.itemId, entry]));
  for (const itemId of ids) {
    const entry = byItem.get(itemId);
    if (entry === undefined) {
      issues.push({ problem: 'missing-item', itemId });
      continue;
    }
    const checked = validatePercent(entry.percent, criteria.percentStep);
    if (!checked.ok) {
      issues.push({ problem: checked.error.code === 'E_PERCENT_RANGE' ? 'percent-range' : 'percent-step', itemId });
    } else if (entry.percent !== (seedOf.get(itemId) ?? null) && entry.reason.trim() === '') {
      issues.push({ problem: 'reason-required', itemId });
    }
  }
  return [...issues, ...trailing];
}

/**
 * {@link checkConsensus} as a Result: the record when it has no issue, otherwise the first issue as a
 * coded error with the number of issues in `params.count`. Existing codes where they fit — leader not on
 * the panel E_NOT_ASSIGNED, unknown item E_ITEM_UNKNOWN, percent E_PERCENT_RANGE / E_PERCENT_STEP,
 * record for another panel E_BAD_REQUEST — and E_CONSENSUS_INVALID otherwise.
 */
export function validateConsensus(
  criteria: Criteria,
  panel: Panel,
  seeds: readonly ConsensusSeed[],
  record: ConsensusRecord,
): Result<ConsensusRecord> {
  const issues = checkConsensus(criteria, panel, seeds, record);
  const first = issues[0];
  if (first === undefined) return ok(record);
  const params = {
    problem: first.problem,
    item: first.itemId ?? '',
    count: issues.length,
    applicant: record.applicantId,
    stage: record.stage,
  };
  const detail = `consensus for ${record.applicantId}/${record.stage}: ${first.problem}${first.itemId === undefined ? '' : ` (${first.itemId})`}, ${issues.length} issue(s)`;
  switch (first.problem) {
    case 'leader-not-in-panel':
      return fail('E_NOT_ASSIGNED', detail, { ...params, expert: record.leaderId });
    case 'unknown-item':
      return fail('E_ITEM_UNKNOWN', detail, params);
    case 'percent-range':
      return fail('E_PERCENT_RANGE', detail, { ...params, percent: percentOf(record, first.itemId) });
    case 'percent-step':
      return fail('E_PERCENT_STEP', detail, { ...params, percent: percentOf(record, first.itemId) });
    case 'wrong-panel':
      return fail('E_BAD_REQUEST', detail, { ...params, detail });
    default:
      return fail('E_CONSENSUS_INVALID', detail, params);
  }
}

function percentOf(record: ConsensusRecord, itemId: string | undefined): string {
  return String(record.items.find((entry) => entry.itemId === itemId)?.percent ?? '');
}
