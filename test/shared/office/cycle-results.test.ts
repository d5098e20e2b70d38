import { describe, expect, it } from 'vitest';
import type { StageAggregation } from '../../../src-shared/office/aggregate-stage';
import { seedConsensus } from '../../../src-shared/office/consensus';
import { cycleResults } from '../../../src-shared/office/cycle-results';
import type { ConsensusRecord, ResultsSettings } from '../../../src-shared/office/office-schemas';
import { aggregated, criteria, FIVE, flatSheet, panel } from './office-fixtures';

/** Five experts, one percent on every item: the stage total is 10 × percent points under any combination. */
function flat(applicantId: string, stage: 'material' | 'site', percent: number): StageAggregation {
  return aggregated(
    panel(FIVE, applicantId, stage),
    FIVE.map((e) => flatSheet(e, percent, applicantId, stage)),
  );
}

/** The seeds, with 4.7.2 (80 points) changed to `changed` percent for a stated reason. */
function consensus(a: StageAggregation, changed: number | null): ConsensusRecord {
  return {
    applicantId: a.applicantId,
    stage: a.stage,
    leaderId: 'E1',
    items: seedConsensus(a, 5).map((s) =>
      s.itemId === '4.7.2' && changed !== null
        ? { itemId: s.itemId, percent: changed, reason: '现场查看了近三年产品合格率的对比数据' }
        : { itemId: s.itemId, percent: s.seed ?? 0, reason: '' },
    ),
  };
}

const settings: ResultsSettings = {
  spreadThreshold: 30,
  stages: [
    { stage: 'material', combination: 'mean', weight: 30, advance: { kind: 'top', count: 2 } },
    { stage: 'site', combination: 'consensus', weight: 70, advance: null },
  ],
};

describe('cycleResults: material review (mean), top 2 advance, site visit (consensus), weights 30/70', () => {
  // Material: A 700.00, B 600.00, C 500.00. Site (A and B only): A's consensus keeps the seeds, 800.00;
  // B's raises 4.7.2 from 60 % to 70 % of 80 points: 600.00 + 8.00 = 608.00.
  const siteA = flat('A', 'site', 80);
  const siteB = flat('B', 'site', 60);
  const aggregations = [flat('A', 'material', 70), flat('B', 'material', 60), flat('C', 'material', 50), siteA, siteB];
  const result = cycleResults(criteria, aggregations, [consensus(siteA, null), consensus(siteB, 70)], settings);
  if (!result.ok) throw new Error(result.error.message);
  const { stages, combined } = result.value;

  it('ranks each stage and applies its advance rule', () => {
    expect(stages.map((s) => s.stage)).toEqual(['material', 'site']);
    expect(stages[0]?.ranking.map((r) => [r.applicantId, r.hundredths, r.rank])).toEqual([
      ['A', 70000, 1],
      ['B', 60000, 2],
      ['C', 50000, 3],
    ]);
    expect(stages[0]?.advance).toEqual({ applicantIds: ['A', 'B'], tiedAtCut: [] });
    expect(stages[1]?.ranking.map((r) => [r.applicantId, r.hundredths])).toEqual([
      ['A', 80000],
      ['B', 60800],
    ]);
    expect(stages[1]?.advance).toBeNull();
  });

  it('combines by weight: A 0.3 × 700 + 0.7 × 800 = 770.00; B 0.3 × 600 + 0.7 × 608 = 605.60', () => {
    expect(combined.ranking.map((r) => [r.applicantId, r.hundredths, r.rank, r.tied])).toEqual([
      ['A', 77000, 1, false],
      ['B', 60560, 2, false],
    ]);
  });

  it('reports C, which did not reach the site visit, instead of ranking it', () => {
    expect(combined.unranked).toEqual([{ applicantId: 'C', missingStages: ['site'] }]);
  });

  it('leaves a consensus stage without a record unranked at that stage', () => {
    const without = cycleResults(criteria, aggregations, [consensus(siteA, null)], settings);
    if (!without.ok) throw new Error(without.error.message);
    expect(without.value.stages[1]?.unranked).toEqual(['B']);
    expect(without.value.combined.unranked.map((u) => u.applicantId)).toEqual(['B', 'C']);
  });

  it('refuses an aggregation of a stage the settings do not have', () => {
    const defense = aggregated(
      panel(FIVE, 'A', 'defense'),
      FIVE.map((e) => flatSheet(e, 50, 'A', 'defense')),
    );
    const refused = cycleResults(criteria, [defense], [], settings);
    expect(refused.ok ? 'accepted' : refused.error.code).toBe('E_BAD_REQUEST');
  });
});
