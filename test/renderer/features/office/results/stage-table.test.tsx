import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeConsensusRow } from '../../../../../src-renderer/data/office-rows';
import { AdvanceControl } from '../../../../../src-renderer/features/office/results/advance-control';
import { RankingTable } from '../../../../../src-renderer/features/office/results/ranking-table';
import { StageTable } from '../../../../../src-renderer/features/office/results/stage-table';
import { cycleResults } from '../../../../../src-shared/office/cycle-results';
import type { ResultsSettings } from '../../../../../src-shared/office/office-schemas';
import { aggregated, criteria, FIVE, flatSheet, panel } from '../../../../shared/office/office-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderHtml } from './render-support';

const db = openTestDatabase('stage-table');
afterAll(() => db.delete());

const names = new Map([
  ['A', '甲公司'],
  ['B', '乙公司'],
  ['C', '丙公司'],
]);
const applicantName = (id: string): string => names.get(id) ?? id;

// Material (mean): A 700.00 and B 700.00 tied, C with three of five sheets in; site (consensus): A only, none signed.
const material = [
  aggregated(
    panel(FIVE, 'A'),
    FIVE.map((e) => flatSheet(e, 70, 'A')),
  ),
  aggregated(
    panel(FIVE, 'B'),
    FIVE.map((e) => flatSheet(e, 70, 'B')),
  ),
  aggregated(
    panel(FIVE, 'C'),
    ['E1', 'E2', 'E3'].map((e) => flatSheet(e, 50, 'C')),
  ),
];
const site = aggregated(panel(['E1', 'E2'], 'A', 'site'), [flatSheet('E1', 80, 'A', 'site')]);
const settings: ResultsSettings = {
  spreadThreshold: 30,
  stages: [
    { stage: 'material', combination: 'mean', weight: 40, advance: { kind: 'top', count: 1 } },
    { stage: 'site', combination: 'consensus', weight: 60, advance: null },
  ],
};
const computed = cycleResults(criteria, [...material, site], [], settings);
if (!computed.ok) throw new Error(computed.error.message);
const results = computed.value;
const materialRanking = results.stages[0];
const siteRanking = results.stages[1];
if (materialRanking === undefined || siteRanking === undefined) throw new Error('two stages expected');

describe('StageTable', () => {
  it('lists the stage in ranking order with ties in words, sheets in/expected, totals and links', () => {
    const signed = new Map<string, OfficeConsensusRow>();
    const html = renderHtml(
      <StageTable
        cycleId="C"
        ranking={materialRanking}
        aggregations={material}
        consensus={signed}
        applicantName={applicantName}
      />,
      db,
    );
    const rows = [
      ...html.matchAll(
        /<tr><td>([^<]*)<\/td><th scope="row"><a href="([^"]*)">([^<]*)<\/a><\/th><td class="number">([^<]*)<\/td><td class="number">([^<]*)</g,
      ),
    ].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['1（并列）', '#/office/cycles/C/results/material/A', '甲公司', '5/5 份', '700'],
      ['1（并列）', '#/office/cycles/C/results/material/B', '乙公司', '5/5 份', '700'],
      ['3', '#/office/cycles/C/results/material/C', '丙公司', '3/5 份', '500'],
    ]);
    expect(html).toContain('阶段得分形成方式：专家平均分');
    expect(html.split('<td>未合议</td>').length - 1).toBe(3);
  });

  it('says why a consensus stage has no total yet', () => {
    const html = renderHtml(
      <StageTable
        cycleId="C"
        ranking={siteRanking}
        aggregations={[site]}
        consensus={new Map()}
        applicantName={applicantName}
      />,
      db,
    );
    expect(html).toContain('<td>—</td>');
    expect(html).toContain('1/2 份');
    expect(html).toContain('暂无得分（23 个评分项缺少结果）');
  });
});

describe('AdvanceControl', () => {
  it('shows the list a top-N rule gives, naming applicants tied at the cut and those without a next panel', () => {
    const html = renderHtml(
      <AdvanceControl
        ranking={materialRanking}
        next="site"
        rule={{ kind: 'top', count: 1 }}
        onChange={() => undefined}
        applicantName={applicantName}
        scoredNext={new Set(['A'])}
      />,
      db,
    );
    expect(html).toContain('<legend>材料评审后进入现场评审的名单</legend>');
    expect(html).toMatch(/<li>甲公司<strong class="flag"> （与末位并列，一并列入，请办公室确认）<\/strong><\/li>/);
    expect(html).toContain(
      '乙公司<strong class="flag"> （与末位并列，一并列入，请办公室确认）</strong><span class="muted"> （尚未编入现场评审的评审组）</span>',
    );
  });
});

describe('RankingTable', () => {
  it('lists applicants the combined ranking leaves out, with the stages they lack', () => {
    const html = renderHtml(<RankingTable results={results} applicantName={applicantName} />, db);
    expect(html).toContain('尚无可排名的申报组织');
    expect(html).toContain('甲公司（缺少现场评审的得分）');
    expect(html).toContain('丙公司（缺少现场评审的得分）');
  });
});
