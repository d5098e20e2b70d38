import { fail, ok, type Result } from '../contract/result';

/**
 * Checks an item percentage: a whole multiple of `step` (5 in GB/T 19580 practice) from 0 to 100.
 * The percent is what is stored; points are always derived from it.
 */
export function validatePercent(percent: number, step = 5): Result<number> {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    return fail('E_PERCENT_RANGE', `percent out of range: ${percent}`, { percent: String(percent) });
  }
  if (!Number.isInteger(percent) || percent % step !== 0) {
    return fail('E_PERCENT_STEP', `percent not a multiple of ${step}: ${percent}`, { percent: String(percent) });
  }
  return ok(percent);
}

/**
 * Item points in hundredths of a point: `maxPoints × percent` is already an integer number of
 * hundredths (15 points × 35 % = 525 hundredths = 5.25 points), so no rounding ever happens.
 */
export function pointsInHundredths(maxPoints: number, percent: number): number {
  return maxPoints * percent;
}

/** Shows hundredths as points with at most two decimals and no trailing zeros: 525 → "5.25", 5000 → "50". */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  if (fraction === 0) return `${sign}${whole}`;
  const digits = fraction.toString().padStart(2, '0').replace(/0$/, '');
  return `${sign}${whole}.${digits}`;
}
