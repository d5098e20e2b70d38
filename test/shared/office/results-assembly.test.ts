import { describe, expect, it } from 'vitest';
import { seedConsensus } from '../../../src-shared/office/consensus';
import { cycleResults } from '../../../src-shared/office/cycle-results';
import type { ResultsSettings } from '../../../src-shared/office/office-schemas';
import {
  assembleResults,
  matchSheets,
  panelsFromPlans,
  type PanelPlan,
} from '../../../src-shared/office/results-assembly';
import { aggregated, criteria, FIVE, flatSheet, panel, sheet } from './office-fixtures';

const settings: ResultsSettings = {
  spreadThreshold: 30,
  stages: [
    { stage: 'material', combination: 'mean', weight: 40, advance: { kind: 'top', count: 1 } },
    { stage: 'site', combination: 'consensus', weight: 60, advance: null },
  ],
};

const materialPanel: PanelPlan = { stage: 'material', leaderId: 'E1', expertIds: FIVE, applicantIds: ['A', 'B'] };
const sitePanel: PanelPlan = { stage: 'site', leaderId: 'E2', expertIds: ['E1', 'E2'], applicantIds: ['A'] };

describe('panelsFromPlans', () => {
  it('gives one panel per applicant of each plan, with the plan’s experts and leader', () => {
    const { panels, issues } = panelsFromPlans([materialPanel, sitePanel], ['material', 'site']);
    expect(issues).toEqual([]);
    expect(panels).toEqual([
      { applicantId: 'A', stage: 'material', expertIds: [...FIVE], leaderId: 'E1' },
      { applicantId: 'B', stage: 'material', expertIds: [...FIVE], leaderId: 'E1' },
      { applicantId: 'A', stage: 'site', expertIds: ['E1', 'E2'], leaderId: 'E2' },
    ]);
  });

  it('keeps the first panel of an applicant and stage and reports the others and stages the cycle lacks', () => {
    const second: PanelPlan = { stage: 'material', leaderId: 'E9', expertIds: ['E9'], applicantIds: ['B', 'C'] };
    const defense: PanelPlan = { stage: 'defense', leaderId: 'E1', expertIds: ['E1'], applicantIds: ['A'] };
    const { panels, issues } = panelsFromPlans([materialPanel, second, defense], ['material', 'site']);
    expect(panels.map((p) => [p.applicantId, p.leaderId])).toEqual([
      ['A', 'E1'],
      ['B', 'E1'],
      ['C', 'E9'],
    ]);
    expect(issues).toEqual([
      { applicantId: 'B', stage: 'material', problem: 'duplicate' },
      { applicantId: 'A', stage: 'defense', problem: 'stage-not-in-cycle' },
    ]);
  });
});

describe('panelsFromPlans with recusals', () => {
  it('leaves a recused expert out of that applicant’s panel only, and a recused leader leaves the lead open', () => {
    const { panels, recused } = panelsFromPlans(
      [materialPanel],
      ['material', 'site'],
      [
        { expertId: 'E1', applicantId: 'A' },
        { expertId: 'E3', applicantId: 'A' },
      ],
    );
    expect(panels).toEqual([
      { applicantId: 'A', stage: 'material', expertIds: FIVE.filter((e) => e !== 'E1' && e !== 'E3'), leaderId: '' },
      { applicantId: 'B', stage: 'material', expertIds: [...FIVE], leaderId: 'E1' },
    ]);
    expect(recused).toEqual([{ applicantId: 'A', stage: 'material', expertIds: ['E1', 'E3'] }]);
  });

  it('neither expects nor misses the recused expert’s sheet in the aggregation', () => {
    const sheets = FIVE.filter((e) => e !== 'E5').map((e) => flatSheet(e, 60, 'A'));
    const result = assembleResults({
      criteria,
      plans: [{ ...materialPanel, applicantIds: ['A'] }],
      sheets,
      consensus: [],
      settings,
      recusals: [{ expertId: 'E5', applicantId: 'A' }],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.aggregations[0]?.missingExperts).toEqual([]);
    expect(result.value.aggregations[0]?.experts).toHaveLength(4);
    expect(result.value.recused).toEqual([{ applicantId: 'A', stage: 'material', expertIds: ['E5'] }]);
  });
});

describe('matchSheets', () => {
  it('sets aside a sheet with no panel for its applicant and stage, and one from an expert off the panel', () => {
    const panels = [panel(['E1', 'E2'], 'A', 'material')];
    const fits = flatSheet('E1', 50, 'A', 'material');
    const { matched, orphans } = matchSheets(panels, [
      fits,
      flatSheet('E3', 50, 'A', 'material'),
      flatSheet('E1', 50, 'A', 'site'),
    ]);
    expect(matched).toEqual([fits]);
    expect(orphans).toEqual([
      { expertId: 'E3', applicantId: 'A', stage: 'material', reason: 'not-on-panel' },
      { expertId: 'E1', applicantId: 'A', stage: 'site', reason: 'no-panel' },
    ]);
  });
});

describe('assembleResults', () => {
  // Material: A at 70 % everywhere (700.00), B at 60 % (600.00); site: A at 80 % with a consensus at the seeds.
  const sheets = [
    ...FIVE.map((e) => flatSheet(e, 70, 'A', 'material')),
    ...FIVE.map((e) => flatSheet(e, 60, 'B', 'material')),
    flatSheet('E1', 80, 'A', 'site'),
    flatSheet('E2', 80, 'A', 'site'),
  ];
  const site = aggregated(panel(['E1', 'E2'], 'A', 'site'), sheets.slice(10));
  const consensus = {
    applicantId: 'A',
    stage: 'site' as const,
    leaderId: 'E2',
    items: seedConsensus(site, 5).map((s) => ({ itemId: s.itemId, percent: s.seed ?? 0, reason: '' })),
  };

  it('gives what aggregateCycle and cycleResults give for the panels, with a misfiled sheet set aside', () => {
    const stray = flatSheet('E7', 10, 'A', 'material');
    const result = assembleResults({
      criteria,
      plans: [materialPanel, sitePanel],
      sheets: [...sheets, stray],
      consensus: [consensus],
      settings,
    });
    if (!result.ok) throw new Error(result.error.message);
    const { aggregations, results, orphans, severity, panelIssues } = result.value;
    expect(orphans).toEqual([{ expertId: 'E7', applicantId: 'A', stage: 'material', reason: 'not-on-panel' }]);
    expect(panelIssues).toEqual([]);
    expect(aggregations.map((a) => [a.applicantId, a.stage, a.experts.length])).toEqual([
      ['A', 'material', 5],
      ['B', 'material', 5],
      ['A', 'site', 2],
    ]);
    const direct = cycleResults(criteria, aggregations, [consensus], settings);
    expect(direct.ok && direct.value).toEqual(results);
    // A: 0.4 × 700.00 + 0.6 × 800.00 = 760.00; B has no site total and is not ranked.
    expect(results.combined.ranking.map((r) => [r.applicantId, r.hundredths])).toEqual([['A', 76000]]);
    expect(results.combined.unranked).toEqual([{ applicantId: 'B', missingStages: ['site'] }]);
    expect(results.stages[0]?.advance?.applicantIds).toEqual(['A']);
    // Every expert agreed with the rest of each panel: severity 0 for all.
    expect(severity.experts.map((e) => e.severityHundredths)).toEqual([0, 0, 0, 0, 0]);
  });

  it('fails as the aggregation fails, for a sheet off the criteria’s grid', () => {
    const result = assembleResults({
      criteria,
      plans: [materialPanel],
      sheets: [sheet('E1', { '4.1.2': 52 }, 50, 'A', 'material')],
      consensus: [],
      settings,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_PERCENT_STEP', params: { item: '4.1.2' } } });
  });
});
