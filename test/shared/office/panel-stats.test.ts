import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divideRoundHalfUp,
  medianOf,
  panelStat,
  statOf,
  summarizeSorted,
  TRIM_FROM,
} from '../../../src-shared/office/panel-stats';

const gridPercent = fc.integer({ min: 0, max: 20 }).map((k) => k * 5);

describe('divideRoundHalfUp', () => {
  it('rounds to the nearest integer with halves up, in integers only', () => {
    expect(divideRoundHalfUp(10, 4)).toBe(3); // 2.5 → 3
    expect(divideRoundHalfUp(9, 4)).toBe(2); // 2.25 → 2
    expect(divideRoundHalfUp(11, 4)).toBe(3); // 2.75 → 3
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(divideRoundHalfUp(18500, 3)).toBe(6167); // 6166.67 → 6167
  });
});

describe('panelStat', () => {
  it('gives mean, median, trimmed mean, min and max of five percents (in hundredths of a percentage point)', () => {
    // 40, 55, 60, 70, 75: sum 300, mean 60; median 60; drop 40 and 75: (55 + 60 + 70) / 3 = 61.666… → 61.67.
    expect(panelStat([4000, 5500, 6000, 7000, 7500])).toEqual({
      count: 5,
      sum: 30000,
      mean: 6000,
      median: 6000,
      trimmed: 6167,
      min: 4000,
      max: 7500,
    });
  });

  it('takes the median of an even count as the mean of the two middle values, rounded half up', () => {
    // 825 and 900 hundredths (15 points × 55 % and × 60 %): 862.5 → 863.
    expect(panelStat([900, 825])?.median).toBe(863);
    expect(panelStat([4000, 5500, 6000, 7000])?.median).toBe(5750);
  });

  it(`trims only from ${TRIM_FROM} values up: one highest and one lowest are dropped`, () => {
    expect(panelStat([1, 2, 3, 4])?.trimmed).toBeNull();
    expect(panelStat([100, 1, 2, 3, 4])?.trimmed).toBe(3); // drop 100 and 1: (2 + 3 + 4) / 3
    // Seven experts still drop only one at each end: (20 + 30 + 40 + 50 + 60) / 5 = 40.
    expect(panelStat([0, 20, 30, 40, 50, 60, 1000])?.trimmed).toBe(40);
  });

  it('is null for no values, and a single value is its own statistics', () => {
    expect(panelStat([])).toBeNull();
    expect(panelStat([7])).toEqual({ count: 1, sum: 7, mean: 7, median: 7, trimmed: null, min: 7, max: 7 });
  });

  it('keeps mean, median and trimmed mean within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(gridPercent, { minLength: 1, maxLength: 50 }), (percents) => {
        const stat = panelStat(percents.map((p) => p * 100));
        if (stat === null) throw new Error('non-empty input gave null');
        for (const value of [stat.mean, stat.median, stat.trimmed ?? stat.mean]) {
          expect(value).toBeGreaterThanOrEqual(stat.min);
          expect(value).toBeLessThanOrEqual(stat.max);
        }
      }),
    );
  });

  it('gives trimmed mean = mean = median when every expert gives the same score', () => {
    fc.assert(
      fc.property(gridPercent, fc.integer({ min: TRIM_FROM, max: 50 }), (percent, count) => {
        const stat = panelStat(Array.from({ length: count }, () => percent * 100));
        expect(stat?.trimmed).toBe(percent * 100);
        expect(stat?.mean).toBe(percent * 100);
        expect(stat?.median).toBe(percent * 100);
      }),
    );
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(gridPercent, { minLength: 1, maxLength: 20 }), (percents) => {
        expect(panelStat([...percents].reverse())).toEqual(panelStat(percents));
      }),
    );
  });
});

describe('statOf', () => {
  it('scales after one sort exactly as if every value had been scaled first (percent → points)', () => {
    // 4.1.2 (50 points) in the worked example: 40 55 60 70 75 → points 2000 2750 3000 3500 3750.
    const summary = summarizeSorted([40, 55, 60, 70, 75]);
    if (summary === null) throw new Error('non-empty input gave null');
    expect(statOf(summary, 50)).toEqual(panelStat([2000, 2750, 3000, 3500, 3750]));
    fc.assert(
      fc.property(fc.array(gridPercent, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 100 }), (p, k) => {
        const s = summarizeSorted(p);
        expect(s === null ? null : statOf(s, k)).toEqual(panelStat(p.map((v) => v * k)));
      }),
    );
  });
});

describe('medianOf', () => {
  it('takes fractional and negative values', () => {
    expect(medianOf([-3, 1.5, 10])).toBe(1.5);
    expect(medianOf([-22000, -16000, -10000, -4000, 2000, 50000])).toBe(-7000);
    expect(medianOf([])).toBeNaN();
  });
});
