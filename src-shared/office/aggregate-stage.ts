import type { Stage } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import { allItems } from '../criteria/load-criteria';
import { pointsInHundredths, validatePercent } from '../scoring/percent';
import { computeTotals, type CategoryTotal } from '../scoring/totals';
import type { OfficeSheet, Panel } from './office-schemas';
import { panelStat, statOf, summarizeSorted, type PanelStat } from './panel-stats';

/** One column of the experts × items matrix with its statistics. */
export interface ItemAggregate {
  readonly itemId: string;
  readonly categoryId: string;
  readonly maxPoints: number;
  /** Over the experts who scored the item, in hundredths of a percentage point (62.5 % = 6250); null if none did. */
  readonly percent: PanelStat | null;
  /** The same experts' item points, in hundredths of a point. */
  readonly points: PanelStat | null;
  /** Highest − lowest percent, in percentage points: 0 with one score, null with none. */
  readonly spread: number | null;
  /** The spread is at or above the cycle's threshold: the item goes to the consensus discussion. */
  readonly needsConsensus: boolean;
  /** Experts of the panel with a sheet who left the item unscored, in panel order (excluded from the statistics). */
  readonly unscoredBy: readonly string[];
}

/** One row: an expert's sheet totals, computed by src-shared/scoring (unscored items count zero there). */
export interface ExpertTotal {
  readonly expertId: string;
  readonly hundredths: number;
  readonly categories: readonly CategoryTotal[];
  readonly scoredItems: number;
  readonly complete: boolean;
}

/** One spoke of the radar: the category's maximum and the sum of its items' mean points. */
export interface CategoryAggregate {
  readonly categoryId: string;
  readonly maxHundredths: number;
  /** Null when an item of the category has no score at all. */
  readonly meanHundredths: number | null;
}

/** Everything the office sees of one applicant at one stage before results are combined. */
export interface StageAggregation {
  readonly applicantId: string;
  readonly stage: Stage;
  readonly leaderId: string;
  /** Rows: the panel's experts who sent a sheet, in panel order. */
  readonly experts: readonly string[];
  /** Panel members without a sheet (not yet received): not an error, but no part of any statistic. */
  readonly missingExperts: readonly string[];
  /** Columns: the criteria's items in file order. */
  readonly itemIds: readonly string[];
  /** `percents[row][column]` and `points[row][column]` (hundredths); null where the expert left the item unscored. */
  readonly matrix: {
    readonly percents: readonly (readonly (number | null)[])[];
    readonly points: readonly (readonly (number | null)[])[];
  };
  readonly items: readonly ItemAggregate[];
  readonly expertTotals: readonly ExpertTotal[];
  readonly categories: readonly CategoryAggregate[];
  /**
   * Statistics of the expert totals, in hundredths, over complete sheets only: an unscored item counts
   * zero in a sheet total, which would show as a spread that no expert meant. Null without a complete sheet.
   */
  readonly totals: PanelStat | null;
  /** Item ids at or over the spread threshold, in criteria order. */
  readonly consensusItems: readonly string[];
  /** Item ids that at least one expert with a sheet left unscored, in criteria order. */
  readonly unscoredItems: readonly string[];
}

/**
 * Builds the matrix and statistics of one panel (issue 4 item 7). `sheets` are the panel's latest
 * sheets, one per expert. Refuses, as values: a sheet for another applicant or stage, or twice from
 * one expert (E_BAD_REQUEST); an expert outside the panel (E_NOT_ASSIGNED); an item id the criteria
 * lack (E_ITEM_UNKNOWN); a percent off the criteria's grid (E_PERCENT_STEP, E_PERCENT_RANGE).
 */
export function aggregateStage(
  criteria: Criteria,
  panel: Panel,
  sheets: readonly OfficeSheet[],
  spreadThreshold: number,
): Result<StageAggregation> {
  const items = allItems(criteria);
  const known = new Set(items.map((item) => item.id));
  const members = new Set(panel.expertIds);
  const byExpert = new Map<string, OfficeSheet>();
  for (const sheet of sheets) {
    const problem = checkSheet(sheet, panel, members, known, criteria.percentStep, byExpert);
    if (problem !== undefined) return problem;
    byExpert.set(sheet.expertId, sheet);
  }
  const rows = panel.expertIds.flatMap((expertId) => {
    const sheet = byExpert.get(expertId);
    return sheet === undefined ? [] : [sheet];
  });
  const percents = rows.map((sheet) => items.map((item) => sheet.percents[item.id] ?? null));
  const points = percents.map((row) =>
    row.map((percent, column) => {
      const item = items[column];
      return percent === null || item === undefined ? null : pointsInHundredths(item.points, percent);
    }),
  );
  const itemAggregates = items.map((item, column): ItemAggregate => {
    const scored: number[] = [];
    const unscoredBy: string[] = [];
    rows.forEach((sheet, row) => {
      const percent = percents[row]?.[column] ?? null;
      if (percent === null) unscoredBy.push(sheet.expertId);
      else scored.push(percent);
    });
    // One sort per item serves both units: percents × 100 and percents × item points (= pointsInHundredths).
    const summary = summarizeSorted(scored);
    const spread = summary === null ? null : summary.max - summary.min;
    return {
      itemId: item.id,
      categoryId: item.categoryId,
      maxPoints: item.points,
      percent: summary === null ? null : statOf(summary, 100),
      points: summary === null ? null : statOf(summary, pointsInHundredths(item.points, 1)),
      spread,
      needsConsensus: spread !== null && spread >= spreadThreshold,
      unscoredBy,
    };
  });
  // One map refilled per sheet (computeTotals keeps no reference to it): a cycle has 3,000 sheets, and
  // a fresh Map each was most of the garbage the benchmark's collector had to sweep.
  const byItem = new Map<string, number | null>();
  const expertTotals = rows.map((sheet, row): ExpertTotal => {
    items.forEach((item, column) => byItem.set(item.id, percents[row]?.[column] ?? null));
    const totals = computeTotals(criteria, byItem);
    return {
      expertId: sheet.expertId,
      hundredths: totals.hundredths,
      categories: totals.categories,
      scoredItems: totals.scoredItems,
      complete: totals.scoredItems === totals.itemCount,
    };
  });
  return ok({
    applicantId: panel.applicantId,
    stage: panel.stage,
    leaderId: panel.leaderId,
    experts: rows.map((sheet) => sheet.expertId),
    missingExperts: panel.expertIds.filter((expertId) => !byExpert.has(expertId)),
    itemIds: items.map((item) => item.id),
    matrix: { percents, points },
    items: itemAggregates,
    expertTotals,
    categories: categoryMeans(criteria, itemAggregates),
    totals: panelStat(expertTotals.filter((t) => t.complete).map((t) => t.hundredths)),
    consensusItems: itemAggregates.filter((item) => item.needsConsensus).map((item) => item.itemId),
    unscoredItems: itemAggregates.filter((item) => item.unscoredBy.length > 0).map((item) => item.itemId),
  });
}

function checkSheet(
  sheet: OfficeSheet,
  panel: Panel,
  members: ReadonlySet<string>,
  known: ReadonlySet<string>,
  step: number,
  seen: ReadonlyMap<string, OfficeSheet>,
): Result<never> | undefined {
  const where = { expert: sheet.expertId, applicant: sheet.applicantId, stage: sheet.stage };
  if (sheet.applicantId !== panel.applicantId || sheet.stage !== panel.stage) {
    const detail = `sheet of ${sheet.expertId} is for ${sheet.applicantId}/${sheet.stage}, not ${panel.applicantId}/${panel.stage}`;
    return fail('E_BAD_REQUEST', detail, { ...where, detail });
  }
  if (!members.has(sheet.expertId)) {
    return fail('E_NOT_ASSIGNED', `expert ${sheet.expertId} is not on the panel`, where);
  }
  if (seen.has(sheet.expertId)) {
    // The office keeps one sheet per expert: the latest version of the chain (docs/package-format.md).
    const detail = `two sheets of ${sheet.expertId} for ${sheet.applicantId}/${sheet.stage}; pass the latest version only`;
    return fail('E_BAD_REQUEST', detail, { ...where, detail });
  }
  // Object.keys, not entries or for…in: a cycle has 3,000 sheets × 23 items, and this is the cheapest walk.
  for (const item of Object.keys(sheet.percents)) {
    if (!known.has(item)) return fail('E_ITEM_UNKNOWN', `unknown item ${item}`, { ...where, item });
    const percent = sheet.percents[item] ?? null;
    // The usual case without allocating; validatePercent words the error when there is one.
    if (percent === null || (Number.isInteger(percent) && percent >= 0 && percent <= 100 && percent % step === 0)) {
      continue;
    }
    const checked = validatePercent(percent, step);
    if (!checked.ok) return fail(checked.error.code, checked.error.message, { ...where, item, percent });
  }
  return undefined;
}

function categoryMeans(criteria: Criteria, items: readonly ItemAggregate[]): CategoryAggregate[] {
  return criteria.categories.map((category) => {
    let sum: number | null = 0;
    for (const item of items) {
      if (item.categoryId !== category.id) continue;
      sum = sum === null || item.points === null ? null : sum + item.points.mean;
    }
    return { categoryId: category.id, maxHundredths: category.points * 100, meanHundredths: sum };
  });
}

/**
 * Aggregates every panel of a cycle: sheets are grouped by (applicant, stage) and handed to
 * {@link aggregateStage}; the result follows the order of `panels`. A sheet with no panel is
 * E_NOT_ASSIGNED; a second panel for the same applicant and stage is E_BAD_REQUEST.
 */
export function aggregateCycle(
  criteria: Criteria,
  panels: readonly Panel[],
  sheets: readonly OfficeSheet[],
  spreadThreshold: number,
): Result<StageAggregation[]> {
  const key = (applicantId: string, stage: Stage): string => `${stage}\u0000${applicantId}`;
  const grouped = new Map<string, OfficeSheet[]>();
  for (const panel of panels) {
    const k = key(panel.applicantId, panel.stage);
    if (grouped.has(k)) {
      const detail = `two panels for ${panel.applicantId}/${panel.stage}`;
      return fail('E_BAD_REQUEST', detail, { applicant: panel.applicantId, stage: panel.stage, detail });
    }
    grouped.set(k, []);
  }
  for (const sheet of sheets) {
    const group = grouped.get(key(sheet.applicantId, sheet.stage));
    if (group === undefined) {
      const where = { expert: sheet.expertId, applicant: sheet.applicantId, stage: sheet.stage };
      return fail('E_NOT_ASSIGNED', `no panel for ${sheet.applicantId}/${sheet.stage}`, where);
    }
    group.push(sheet);
  }
  const aggregations: StageAggregation[] = [];
  for (const panel of panels) {
    const result = aggregateStage(
      criteria,
      panel,
      grouped.get(key(panel.applicantId, panel.stage)) ?? [],
      spreadThreshold,
    );
    if (!result.ok) return result;
    aggregations.push(result.value);
  }
  return ok(aggregations);
}
