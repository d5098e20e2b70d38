import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceList, rankByTotal, type Scored } from '../../../src-shared/office/ranking';

const scored = (pairs: readonly [string, number][]): Scored[] =>
  pairs.map(([applicantId, hundredths]) => ({ applicantId, hundredths }));

describe('rankByTotal', () => {
  it('ranks descending; equal totals share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ranking = rankByTotal(
      scored([
        ['C', 61000],
        ['A', 72050],
        ['D', 58000],
        ['B', 61000],
      ]),
    );
    expect(ranking.map((r) => [r.applicantId, r.rank, r.tied])).toEqual([
      ['A', 1, false],
      ['B', 2, true],
      ['C', 2, true],
      ['D', 4, false],
    ]);
  });

  it('compares at hundredth precision: 610.00 and 610.01 are not tied', () => {
    const ranking = rankByTotal(
      scored([
        ['A', 61000],
        ['B', 61001],
      ]),
    );
    expect(ranking.map((r) => [r.applicantId, r.rank, r.tied])).toEqual([
      ['B', 1, false],
      ['A', 2, false],
    ]);
  });

  it('handles a tie at the top and a three-way tie (1, 1, 3, 3, 3, 6)', () => {
    const ranking = rankByTotal(
      scored([
        ['a', 9],
        ['b', 9],
        ['c', 5],
        ['d', 5],
        ['e', 5],
        ['f', 1],
      ]),
    );
    expect(ranking.map((r) => r.rank)).toEqual([1, 1, 3, 3, 3, 6]);
    expect(rankByTotal([])).toEqual([]);
  });

  it('is a permutation of its input, sorted descending, with competition ranks', () => {
    const entries = fc.uniqueArray(
      fc.record({
        applicantId: fc.string({ minLength: 1, maxLength: 4 }),
        hundredths: fc.integer({ min: 0, max: 20 }),
      }),
      { selector: (e) => e.applicantId, maxLength: 30 },
    );
    fc.assert(
      fc.property(entries, (input) => {
        const ranking = rankByTotal(input);
        const key = (e: Scored) => `${e.applicantId}=${e.hundredths}`;
        expect(ranking.map(key).sort()).toEqual(input.map(key).sort());
        ranking.forEach((r, i) => {
          const previous = ranking[i - 1];
          if (previous === undefined) return expect(r.rank).toBe(1);
          expect(r.hundredths).toBeLessThanOrEqual(previous.hundredths);
          // Rank = 1 + the number of applicants with a strictly higher total.
          expect(r.rank).toBe(1 + ranking.filter((o) => o.hundredths > r.hundredths).length);
          expect(r.tied).toBe(ranking.some((o) => o !== r && o.hundredths === r.hundredths));
        });
      }),
    );
  });
});

describe('advanceList', () => {
  const ranking = rankByTotal(
    scored([
      ['A', 80000],
      ['B', 70000],
      ['C', 70000],
      ['D', 65000],
      ['E', 50000],
    ]),
  );

  it('takes the top N by rank', () => {
    expect(advanceList(ranking, { kind: 'top', count: 3 })).toEqual({ applicantIds: ['A', 'B', 'C'], tiedAtCut: [] });
    expect(advanceList(ranking, { kind: 'top', count: 10 }).applicantIds).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('lets everyone tied on the last qualifying rank advance, and flags them', () => {
    // Top 2: ranks 1, 2, 2 → three applicants; B and C are tied on the cut.
    expect(advanceList(ranking, { kind: 'top', count: 2 })).toEqual({
      applicantIds: ['A', 'B', 'C'],
      tiedAtCut: ['B', 'C'],
    });
  });

  it('takes everyone at or above a threshold', () => {
    expect(advanceList(ranking, { kind: 'threshold', minHundredths: 65000 })).toEqual({
      applicantIds: ['A', 'B', 'C', 'D'],
      tiedAtCut: [],
    });
    expect(advanceList(ranking, { kind: 'threshold', minHundredths: 90000 }).applicantIds).toEqual([]);
  });
});
