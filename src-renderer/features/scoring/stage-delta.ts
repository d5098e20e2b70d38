import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import type { Criteria } from '../../../src-shared/criteria/criteria-schema';
import { computeTotals } from '../../../src-shared/scoring/totals';
import type { StageSheet } from '../../data/stage-sheets';
import { needsReason } from './carried-percent';

/** One item of the stage view's table: the percent carried from the previous stage, this stage's, and why. */
export interface DeltaRow {
  readonly itemId: string;
  readonly carried: number | null;
  readonly current: number | null;
  /** Both scored and different: a change needs a reason. */
  readonly changed: boolean;
  readonly reason: string;
  readonly reasonMissing: boolean;
}

export interface StageDelta {
  readonly rows: readonly DeltaRow[];
  /** Total points in hundredths with the carried percents, and with this stage's. */
  readonly before: number;
  readonly after: number;
  readonly changedCount: number;
  readonly missingCount: number;
}

/** Previous → new percent per item in the criteria's order, with the totals before and after. */
export function stageDelta(
  criteria: Criteria,
  carried: Readonly<Record<string, number | null>>,
  current: ReadonlyMap<string, number | null>,
  reasons: Readonly<Record<string, string>>,
): StageDelta {
  const rows = allItems(criteria).map((item): DeltaRow => {
    const before = carried[item.id] ?? null;
    const after = current.get(item.id) ?? null;
    const reason = reasons[item.id] ?? '';
    return {
      itemId: item.id,
      carried: before,
      current: after,
      changed: before !== null && after !== null && before !== after,
      reason,
      reasonMissing: needsReason(before, after, reason),
    };
  });
  return {
    rows,
    before: computeTotals(criteria, new Map(Object.entries(carried))).hundredths,
    after: computeTotals(criteria, current).hundredths,
    changedCount: rows.filter((row) => row.changed).length,
    missingCount: rows.filter((row) => row.reasonMissing).length,
  };
}

/** One spoke of the stage radar: a category's percent of its points at each stage that has a sheet. */
export type StageRadarPoint = { readonly category: string } & Partial<Record<Stage, number>>;

/** The radar's data: per category, the percent reached at each stage (rounded), stages in the cycle's order. */
export function stageRadarData(
  criteria: Criteria,
  sheets: readonly StageSheet[],
  nameOf: (categoryId: string) => string,
): StageRadarPoint[] {
  const perStage = sheets.map((sheet) => ({ stage: sheet.stage, totals: computeTotals(criteria, sheet.percents) }));
  return criteria.categories.map((category, index) => {
    const point: { category: string } & Partial<Record<Stage, number>> = { category: nameOf(category.id) };
    for (const { stage, totals } of perStage) {
      const total = totals.categories[index];
      // Multiplied first: 3450 / 6000 × 100 in floating point is 57.4999…, and a half must round up.
      if (total !== undefined) point[stage] = Math.round((total.hundredths * 100) / total.maxHundredths);
    }
    return point;
  });
}
