import type { Stage } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import { pointsInHundredths } from '../scoring/percent';
import type { ItemAggregate, StageAggregation } from './aggregate-stage';
import type { StageCombination } from './cycle-settings';
import type { ConsensusRecord, StageSettings } from './office-schemas';
import { divideRoundHalfUp } from './panel-stats';

/** Why an item has no combined value, so the stage has no total. */
export type MissingReason = 'no-scores' | 'too-few-to-trim' | 'no-consensus';

/** An applicant's result at one stage under the cycle's combination. */
export interface StageResult {
  readonly applicantId: string;
  readonly stage: Stage;
  readonly combination: StageCombination;
  /** Item points in hundredths, criteria order; null where the combination has no value. */
  readonly items: readonly { readonly itemId: string; readonly hundredths: number | null }[];
  /** For the radar: exact sums of the item values, null when one of the category's items is missing. */
  readonly categories: readonly {
    readonly categoryId: string;
    readonly hundredths: number | null;
    readonly maxHundredths: number;
  }[];
  /** The stage total in hundredths (≤ the criteria's total × 100), or null when any item is missing. */
  readonly hundredths: number | null;
  readonly missing: readonly { readonly itemId: string; readonly reason: MissingReason }[];
}

/**
 * The stage total (issue 4 item 9) formed item by item, then summed: for each item the consensus percent
 * (as points), or the mean, median or trimmed mean of the panel's item points, each already rounded to
 * hundredths of a point half up (panel-stats.ts). The total is the exact sum of those item values, so
 * items, categories and total always add up on screen. Per item rather than over expert totals because
 * the consensus is per item, an unscored item drops out of that item only, and every combination gives
 * a radar. With complete sheets the mean-combination total equals the mean of expert totals up to the
 * per-item rounding (at most 23 × 0.005 points). A stage with any item missing has no total; its items
 * are listed with the reason, and the applicant is reported rather than ranked.
 * `consensus` must have passed validateConsensus; it is read only for the 'consensus' combination.
 */
export function stageResult(
  criteria: Criteria,
  aggregation: StageAggregation,
  combination: StageCombination,
  consensus: ConsensusRecord | null,
): StageResult {
  const agreed = new Map((consensus?.items ?? []).map((entry) => [entry.itemId, entry.percent]));
  const missing: { itemId: string; reason: MissingReason }[] = [];
  const items = aggregation.items.map((item) => {
    const value = itemValue(item, combination, agreed);
    if (typeof value === 'string') {
      missing.push({ itemId: item.itemId, reason: value });
      return { itemId: item.itemId, categoryId: item.categoryId, hundredths: null };
    }
    return { itemId: item.itemId, categoryId: item.categoryId, hundredths: value };
  });
  const categories = criteria.categories.map((category) => {
    let sum: number | null = 0;
    for (const item of items) {
      if (item.categoryId === category.id)
        sum = sum === null || item.hundredths === null ? null : sum + item.hundredths;
    }
    return { categoryId: category.id, hundredths: sum, maxHundredths: category.points * 100 };
  });
  const total = missing.length > 0 ? null : categories.reduce((sum, c) => sum + (c.hundredths ?? 0), 0);
  return {
    applicantId: aggregation.applicantId,
    stage: aggregation.stage,
    combination,
    items: items.map(({ itemId, hundredths }) => ({ itemId, hundredths })),
    categories,
    hundredths: total,
    missing,
  };
}

/** One item's combined points in hundredths, or why it has none. */
function itemValue(
  item: ItemAggregate,
  combination: StageCombination,
  agreed: ReadonlyMap<string, number>,
): number | MissingReason {
  if (combination === 'consensus') {
    const percent = agreed.get(item.itemId);
    return percent === undefined ? 'no-consensus' : pointsInHundredths(item.maxPoints, percent);
  }
  if (item.points === null) return 'no-scores';
  switch (combination) {
    case 'mean':
      return item.points.mean;
    case 'median':
      return item.points.median;
    case 'trimmed-mean':
      return item.points.trimmed ?? 'too-few-to-trim';
  }
}

/** An applicant's combined total with the stage totals and weights it came from. */
export interface CombinedEntry {
  readonly applicantId: string;
  readonly hundredths: number;
  readonly byStage: readonly { readonly stage: Stage; readonly hundredths: number; readonly weight: number }[];
}

/** An applicant left out of the combined ranking, and the weighted stages it lacks a total for. */
export interface Unranked {
  readonly applicantId: string;
  readonly missingStages: readonly Stage[];
}

/**
 * Combines stage totals by the cycle's weights: Σ weightₛ × totalₛ ÷ Σ weightₛ over the stages with a
 * positive weight, rounded once to hundredths, half up. An applicant without a total at one of those
 * stages — never scored there (did not advance, withdrew) or with items missing — is **not ranked**
 * and is listed in `unranked` with the stages it lacks: re-weighting over the stages it has would rank
 * it on a different basis from everyone else, e.g. on material review alone against site-visit scores.
 * A weight-0 stage informs (advance lists) but is not required. Entries follow the first appearance of
 * each applicant in `results`. Fails with E_BAD_REQUEST when no stage has a positive weight or one
 * applicant has two results for a stage.
 */
export function combineStages(
  results: readonly StageResult[],
  stages: readonly StageSettings[],
): Result<{ entries: CombinedEntry[]; unranked: Unranked[] }> {
  const weighted = stages.filter((s) => s.weight > 0);
  const weightSum = weighted.reduce((sum, s) => sum + s.weight, 0);
  if (weightSum === 0) return fail('E_BAD_REQUEST', 'no stage has a positive weight', { detail: 'no stage weight' });
  const byApplicant = new Map<string, Map<Stage, StageResult>>();
  for (const result of results) {
    const stagesOf = byApplicant.get(result.applicantId) ?? new Map<Stage, StageResult>();
    if (stagesOf.has(result.stage)) {
      const detail = `two results for ${result.applicantId}/${result.stage}`;
      return fail('E_BAD_REQUEST', detail, { applicant: result.applicantId, stage: result.stage, detail });
    }
    stagesOf.set(result.stage, result);
    byApplicant.set(result.applicantId, stagesOf);
  }
  const entries: CombinedEntry[] = [];
  const unranked: Unranked[] = [];
  for (const [applicantId, stagesOf] of byApplicant) {
    const missingStages = weighted
      .filter((s) => (stagesOf.get(s.stage)?.hundredths ?? null) === null)
      .map((s) => s.stage);
    if (missingStages.length > 0) {
      unranked.push({ applicantId, missingStages });
      continue;
    }
    const byStage = weighted.map((s) => ({
      stage: s.stage,
      hundredths: stagesOf.get(s.stage)?.hundredths ?? 0,
      weight: s.weight,
    }));
    const weightedSum = byStage.reduce((sum, s) => sum + s.weight * s.hundredths, 0);
    entries.push({ applicantId, hundredths: divideRoundHalfUp(weightedSum, weightSum), byStage });
  }
  return ok({ entries, unranked });
}
