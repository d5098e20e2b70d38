import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { seedConsensus } from '../../../src-shared/office/consensus';
import type { StageCombination } from '../../../src-shared/office/cycle-settings';
import type { StageSettings } from '../../../src-shared/office/office-schemas';
import { combineStages, stageResult, type StageResult } from '../../../src-shared/office/stage-results';
import { aggregated, criteria, FIVE, ids, panel, sheet, workedSheets } from './office-fixtures';

const worked = aggregated(panel(FIVE), workedSheets());

describe('stageResult on the worked example', () => {
  // The 20 items left at 50 % add up to 500 − 25 − 7.5 − 40 = 427.50 points.
  const rest = 42750;

  it('mean: the sum of the item means, 427.50 + 30.00 + 7.80 + 46.40 = 511.70', () => {
    const result = stageResult(criteria, worked, 'mean', null);
    expect(result.hundredths).toBe(rest + 3000 + 780 + 4640);
    expect(result.missing).toEqual([]);
  });

  it('median: 427.50 + 30.00 + 7.50 + 48.00 = 513.00', () => {
    expect(stageResult(criteria, worked, 'median', null).hundredths).toBe(rest + 3000 + 750 + 4800);
  });

  it('trimmed mean: 427.50 + 30.83 + 7.75 + 48.00 = 514.08', () => {
    expect(stageResult(criteria, worked, 'trimmed-mean', null).hundredths).toBe(rest + 3083 + 775 + 4800);
  });

  it('consensus: the agreed percents as points', () => {
    const record = {
      applicantId: 'A1',
      stage: 'material' as const,
      leaderId: 'E1',
      items: seedConsensus(worked, 5).map((s) => ({ itemId: s.itemId, percent: s.seed ?? 0, reason: '' })),
    };
    // Seeds: 4.1.2 60 % → 30.00, 4.4.3 50 % → 7.50, 4.7.2 60 % → 48.00.
    const result = stageResult(criteria, worked, 'consensus', record);
    expect(result.hundredths).toBe(rest + 3000 + 750 + 4800);
    expect(result.categories.find((c) => c.categoryId === '4.1')).toEqual({
      categoryId: '4.1',
      hundredths: 3000 + 1500 + 1500,
      maxHundredths: 11000,
    });
  });

  it('has no total, and says why, when an item lacks its value', () => {
    expect(stageResult(criteria, worked, 'consensus', null)).toMatchObject({ hundredths: null });
    expect(stageResult(criteria, worked, 'consensus', null).missing).toHaveLength(23);
    const unscored = aggregated(
      panel(FIVE),
      workedSheets().map((s) => (s.expertId === 'E5' ? { ...s, percents: { ...s.percents, '4.1.2': null } } : s)),
    );
    const trimmed = stageResult(criteria, unscored, 'trimmed-mean', null);
    expect(trimmed.hundredths).toBeNull();
    expect(trimmed.missing).toEqual([{ itemId: '4.1.2', reason: 'too-few-to-trim' }]);
    expect(trimmed.categories.find((c) => c.categoryId === '4.1')?.hundredths).toBeNull();
    // The mean still has four scores for 4.1.2: 40 55 60 70 → 56.25 % of 50 = 28.125 → 28.13.
    expect(stageResult(criteria, unscored, 'mean', null).hundredths).toBe(rest + 2813 + 780 + 4640);
    const nobody = aggregated(panel(['E1']), [sheet('E1', { '4.1.2': null })]);
    expect(stageResult(criteria, nobody, 'mean', null).missing).toEqual([{ itemId: '4.1.2', reason: 'no-scores' }]);
  });

  it('never exceeds 1000 points, and items add up to categories and the total', () => {
    const percent = fc.integer({ min: 0, max: 20 }).map((k) => k * 5);
    const rows = fc.array(fc.array(percent, { minLength: ids.length, maxLength: ids.length }), {
      minLength: 5,
      maxLength: 7,
    });
    const combinations: StageCombination[] = ['mean', 'median', 'trimmed-mean'];
    fc.assert(
      fc.property(rows, fc.constantFrom(...combinations), (grid, combination) => {
        const experts = grid.map((_, i) => `E${i}`);
        const sheets = grid.map((row, r) => sheet(`E${r}`, Object.fromEntries(ids.map((id, c) => [id, row[c] ?? 0]))));
        const result = stageResult(criteria, aggregated(panel(experts), sheets), combination, null);
        expect(result.hundredths).not.toBeNull();
        expect(result.hundredths ?? 0).toBeLessThanOrEqual(100_000);
        const itemSum = result.items.reduce((sum, i) => sum + (i.hundredths ?? 0), 0);
        expect(result.categories.reduce((sum, c) => sum + (c.hundredths ?? 0), 0)).toBe(itemSum);
        expect(result.hundredths).toBe(itemSum);
      }),
    );
  });
});

function result(applicantId: string, stage: Stage, hundredths: number | null): StageResult {
  return { applicantId, stage, combination: 'mean', items: [], categories: [], hundredths, missing: [] };
}

const weights = (material: number, defense: number, site: number): StageSettings[] => [
  { stage: 'material', combination: 'mean', weight: material, advance: null },
  { stage: 'defense', combination: 'mean', weight: defense, advance: null },
  { stage: 'site', combination: 'mean', weight: site, advance: null },
];

describe('combineStages', () => {
  it('weights the stage totals and rounds once to hundredths, half up', () => {
    // 30 % × 600.00 + 30 % × 650.50 + 40 % × 700.25 = 180 + 195.15 + 280.10 = 655.25.
    const combined = combineStages(
      [result('A', 'material', 60000), result('A', 'defense', 65050), result('A', 'site', 70025)],
      weights(30, 30, 40),
    );
    expect(combined.ok && combined.value.entries).toEqual([
      {
        applicantId: 'A',
        hundredths: 65525,
        byStage: [
          { stage: 'material', hundredths: 60000, weight: 30 },
          { stage: 'defense', hundredths: 65050, weight: 30 },
          { stage: 'site', hundredths: 70025, weight: 40 },
        ],
      },
    ]);
    // Equal weights: (600.00 + 600.01) / 2 = 600.005 → 600.01 (half up).
    const half = combineStages([result('B', 'material', 60000), result('B', 'site', 60001)], weights(1, 0, 1));
    expect(half.ok && half.value.entries[0]?.hundredths).toBe(60001);
  });

  it('does not rank an applicant that lacks a weighted stage, and reports which', () => {
    const combined = combineStages(
      [
        result('A', 'material', 60000),
        result('A', 'site', 70000),
        result('B', 'material', 65000),
        result('C', 'material', 65000),
        result('C', 'site', null),
      ],
      weights(40, 0, 60),
    );
    if (!combined.ok) throw new Error(combined.error.message);
    // A has both weighted stages (the 0-weight defense is not required): 0.4 × 600 + 0.6 × 700 = 660.00.
    expect(combined.value.entries.map((e) => [e.applicantId, e.hundredths])).toEqual([['A', 66000]]);
    expect(combined.value.unranked).toEqual([
      { applicantId: 'B', missingStages: ['site'] },
      { applicantId: 'C', missingStages: ['site'] },
    ]);
  });

  it('refuses weights that are all zero, and two results for one applicant and stage', () => {
    const zero = combineStages([result('A', 'material', 1)], weights(0, 0, 0));
    expect(zero.ok ? 'accepted' : zero.error.code).toBe('E_BAD_REQUEST');
    const twice = combineStages([result('A', 'site', 1), result('A', 'site', 2)], weights(1, 1, 1));
    expect(twice.ok ? 'accepted' : twice.error.code).toBe('E_BAD_REQUEST');
  });

  it('keeps a combined total within the stage totals, so within 1000 points', () => {
    const total = fc.integer({ min: 0, max: 100_000 });
    const weight = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.tuple(total, total, total), fc.tuple(weight, weight, weight), ([m, d, s], [wm, wd, ws]) => {
        fc.pre(wm + wd + ws > 0);
        const combined = combineStages(
          [result('A', 'material', m), result('A', 'defense', d), result('A', 'site', s)],
          weights(wm, wd, ws),
        );
        const value = combined.ok ? combined.value.entries[0]?.hundredths : undefined;
        const used = [
          [m, wm],
          [d, wd],
          [s, ws],
        ].flatMap(([t, w]) => ((w ?? 0) > 0 ? [t ?? 0] : []));
        expect(value).toBeGreaterThanOrEqual(Math.min(...used));
        expect(value).toBeLessThanOrEqual(Math.max(...used));
      }),
    );
  });
});
