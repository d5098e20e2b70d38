import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTotals } from '../../../src-shared/scoring/totals';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { shippedCriteria } from '../../support/shipped-criteria';

const criteria = shippedCriteria();
const items = allItems(criteria);
const percentArb = fc.option(
  fc.integer({ min: 0, max: 20 }).map((k) => k * 5),
  { nil: null },
);
const sheetArb = fc.array(percentArb, { minLength: items.length, maxLength: items.length });

function toEntries(percents: readonly (number | null)[]): [string, number | null][] {
  return items.map((entry, index) => [entry.id, percents[index] ?? null]);
}

describe('computeTotals on GB/T 19580-2012', () => {
  it('gives 0 of 1000 for an empty sheet and 1000 when every item is at 100 %', () => {
    expect(computeTotals(criteria, new Map()).hundredths).toBe(0);
    const full = new Map(items.map((entry) => [entry.id, 100]));
    const totals = computeTotals(criteria, full);
    expect(totals.hundredths).toBe(100_000);
    expect(totals.scoredItems).toBe(23);
    expect(totals.categories.map((c) => c.hundredths / 100)).toEqual([110, 90, 90, 130, 100, 80, 400]);
  });

  it('never exceeds 1000 points', () => {
    fc.assert(
      fc.property(sheetArb, (percents) => {
        expect(computeTotals(criteria, new Map(toEntries(percents))).hundredths).toBeLessThanOrEqual(100_000);
      }),
    );
  });

  it('equals the sum of its items and of its categories', () => {
    fc.assert(
      fc.property(sheetArb, (percents) => {
        const totals = computeTotals(criteria, new Map(toEntries(percents)));
        const itemSum = items.reduce((sum, entry, i) => sum + entry.points * (percents[i] ?? 0), 0);
        expect(totals.hundredths).toBe(itemSum);
        expect(totals.categories.reduce((sum, c) => sum + c.hundredths, 0)).toBe(itemSum);
        expect(totals.scoredItems).toBe(percents.filter((p) => p !== null).length);
      }),
    );
  });

  it('does not depend on the order in which items were entered', () => {
    fc.assert(
      fc.property(
        sheetArb.chain((percents) =>
          fc.tuple(fc.constant(percents), fc.shuffledSubarray(toEntries(percents), { minLength: items.length })),
        ),
        ([percents, shuffled]) => {
          const inOrder = computeTotals(criteria, new Map(toEntries(percents)));
          expect(computeTotals(criteria, new Map(shuffled))).toEqual(inOrder);
        },
      ),
    );
  });

  it('ignores ids that are not in the criteria', () => {
    expect(computeTotals(criteria, new Map([['9.9.9', 100]])).hundredths).toBe(0);
  });
});
