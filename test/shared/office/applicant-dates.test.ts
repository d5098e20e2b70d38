import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysInMonth,
  isIsoDate,
  wholeYearsBetween,
} from '../../../src-shared/office/applicant-dates';

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024/01/01')).toBe(false);
    expect(isIsoDate(' 2024-01-01')).toBe(false);
  });
});

describe('addYears (《民法典》 Art. 202: no corresponding day → last day of the month)', () => {
  it('keeps the day, or takes the end of February for 29 February', () => {
    expect(addYears('2021-03-10', 5)).toBe('2026-03-10');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2028-02-29', -3)).toBe('2025-02-28');
    expect(addYears('2026-03-10', -3)).toBe('2023-03-10');
  });
});

describe('wholeYearsBetween', () => {
  it('counts the anniversary day as complete', () => {
    expect(wholeYearsBetween('2021-03-10', '2026-03-10')).toBe(5);
    expect(wholeYearsBetween('2021-03-11', '2026-03-10')).toBe(4);
    expect(wholeYearsBetween('2021-03-10', '2026-03-09')).toBe(4);
  });

  it('takes 28 February as the anniversary of 29 February in common years', () => {
    expect(wholeYearsBetween('2020-02-29', '2025-02-27')).toBe(4);
    expect(wholeYearsBetween('2020-02-29', '2025-02-28')).toBe(5);
    expect(wholeYearsBetween('2020-02-29', '2024-02-28')).toBe(3);
    expect(wholeYearsBetween('2020-02-29', '2024-02-29')).toBe(4);
  });

  it('is negative before the start', () => {
    expect(wholeYearsBetween('2020-05-01', '2020-04-30')).toBe(-1);
  });
});

const civilDate = fc
  .record({
    year: fc.integer({ min: 1000, max: 9000 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month))
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('agrees with the JavaScript calendar', () => {
    fc.assert(
      fc.property(civilDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        const expected = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(date, days)).toBe(expected);
      }),
    );
  });

  it('makes whole years monotone: one day later never gives fewer years', () => {
    fc.assert(
      fc.property(civilDate, civilDate, (from, to) => {
        expect(wholeYearsBetween(from, addDays(to, 1))).toBeGreaterThanOrEqual(wholeYearsBetween(from, to));
      }),
    );
  });
});
