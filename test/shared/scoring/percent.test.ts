import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPoints, pointsInHundredths, validatePercent } from '../../../src-shared/scoring/percent';

describe('validatePercent', () => {
  it('accepts every multiple of 5 from 0 to 100', () => {
    for (let p = 0; p <= 100; p += 5) expect(validatePercent(p)).toEqual({ ok: true, value: p });
  });

  it('refuses a percent that is not a multiple of 5 with E_PERCENT_STEP', () => {
    for (const p of [1, 7, 33, 99, 12.5]) {
      const result = validatePercent(p);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('E_PERCENT_STEP');
    }
  });

  it('refuses a percent outside 0–100 with E_PERCENT_RANGE', () => {
    for (const p of [-5, 105, 1000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = validatePercent(p);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('E_PERCENT_RANGE');
    }
  });
});

describe('points in hundredths', () => {
  it('is exact: 15 points at 35 % is 5.25 points', () => {
    expect(pointsInHundredths(15, 35)).toBe(525);
    expect(formatPoints(525)).toBe('5.25');
  });

  it('shows at most two decimals without trailing zeros', () => {
    expect(formatPoints(5000)).toBe('50');
    expect(formatPoints(1250)).toBe('12.5');
    expect(formatPoints(5)).toBe('0.05');
    expect(formatPoints(100000)).toBe('1000');
    expect(formatPoints(0)).toBe('0');
  });

  it('formats every reachable item value so that it parses back to the same hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 20 }), (max, k) => {
        const hundredths = pointsInHundredths(max, k * 5);
        expect(Math.round(Number(formatPoints(hundredths)) * 100)).toBe(hundredths);
      }),
    );
  });
});
