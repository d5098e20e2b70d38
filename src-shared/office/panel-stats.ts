/**
 * Order statistics of a panel's integer scores, in integer arithmetic. The values are already in the
 * unit the result is shown in — hundredths of a point (item points, totals) or hundredths of a
 * percentage point — so a mean is one division, rounded once.
 */

/**
 * The trimmed mean needs at least this many values: it drops one highest and one lowest, as
 * criteria-gbt19580.md states ("drop highest and lowest, from 5 experts up") and as the familiar
 * 去掉一个最高分和一个最低分 of Chinese expert reviews does. From 5 values it still averages 3, so
 * it stays a mean rather than turning into a median.
 */
export const TRIM_FROM = 5;

/** Mean, median, trimmed mean, min and max of one series, all in the unit of the input values. */
export interface PanelStat {
  readonly count: number;
  /** Exact sum, kept so a later step (the consensus seed) can round from it instead of from a rounded mean. */
  readonly sum: number;
  readonly mean: number;
  readonly median: number;
  /** Null below {@link TRIM_FROM} values. */
  readonly trimmed: number | null;
  readonly min: number;
  readonly max: number;
}

/**
 * `numerator / denominator` rounded to the nearest integer, halves up, for numerator ≥ 0 and
 * denominator > 0. Integer-only (no binary fractions), exact while 2 × numerator + denominator stays
 * below 2^53 — far above any sum of 1000-point totals.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** What the statistics of a series need after one sort: count, exact sum, ends and the two middle values. */
export interface SortedSummary {
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** The middle value for an odd count; the lower and upper middle values for an even one. */
  readonly lower: number;
  readonly upper: number;
}

/** Sorts a copy once and keeps what {@link statOf} needs; null for an empty list. */
export function summarizeSorted(values: readonly number[]): SortedSummary | null {
  const count = values.length;
  if (count === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count,
    sum,
    min: sorted[0] ?? 0,
    max: sorted[count - 1] ?? 0,
    lower: sorted[Math.floor((count - 1) / 2)] ?? 0,
    upper: sorted[Math.floor(count / 2)] ?? 0,
  };
}

/**
 * The statistics of a series whose values are all multiplied by `scale` (a positive integer): an item's
 * percents give its percent statistics in hundredths of a percentage point with scale 100, and its points
 * in hundredths with scale = the item's points (`pointsInHundredths` is the same product), from one sort.
 * Every figure is computed from the exact scaled sum or values, so scaling never adds a rounding.
 * Rounding: each mean is rounded once, half up, to the unit of the scaled values; the median of an
 * even count is the mean of the two middle values, rounded the same way.
 */
export function statOf(summary: SortedSummary, scale = 1): PanelStat {
  const { count, sum, min, max, lower, upper } = summary;
  return {
    count,
    sum: sum * scale,
    mean: divideRoundHalfUp(sum * scale, count),
    median: count % 2 === 1 ? upper * scale : divideRoundHalfUp((lower + upper) * scale, 2),
    trimmed: count >= TRIM_FROM ? divideRoundHalfUp((sum - min - max) * scale, count - 2) : null,
    min: min * scale,
    max: max * scale,
  };
}

/** The statistics of a list of non-negative integers, in their own unit, or null for an empty one (see statOf). */
export function panelStat(values: readonly number[]): PanelStat | null {
  const summary = summarizeSorted(values);
  return summary === null ? null : statOf(summary);
}

/**
 * The plain median of numbers that may be fractional or negative (used for expert severities): the
 * middle value, or the mean of the two middle values. NaN for an empty list.
 */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
  return (lower + upper) / 2;
}
