import { afterAll, describe, expect, it } from 'vitest';
import { ResultIssues } from '../../../../../src-renderer/features/office/results/result-issues';
import { SeverityTable } from '../../../../../src-renderer/features/office/results/severity-table';
import { expertSeverity } from '../../../../../src-shared/office/expert-severity';
import { aggregated, flatSheet, panel } from '../../../../shared/office/office-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderHtml } from './render-support';

const db = openTestDatabase('severity-table');
afterAll(() => db.delete());

const SIX = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];
const expertName = (id: string): string => (id === 'E6' ? '王六' : id);

describe('SeverityTable', () => {
  // Five experts at 500.00 and E6 at 900.00: E6 deviates +400.00 from the other five, each of them
  // 500.00 − (4 × 500.00 + 900.00) / 5 = −80.00. MAD 0 → floor 1 point: z(E6) = 0.6745 × 480.00 / 1.00 = 323.76.
  const aggregations = [
    aggregated(
      panel(SIX),
      SIX.map((e) => flatSheet(e, e === 'E6' ? 90 : 50)),
    ),
  ];
  const all = expertSeverity(aggregations);

  it('shows each expert’s signed deviation and z, and names the outlier’s direction in words', () => {
    const html = renderHtml(
      <SeverityTable all={all} aggregations={aggregations} stages={['material']} expertName={expertName} />,
      db,
    );
    expect(html).toMatch(
      /<th scope="row">王六<\/th><td class="number">1<\/td><td class="number">\+400<\/td><td class="number">323.76<\/td><td><strong class="flag">明显偏宽<\/strong>/,
    );
    expect(html).toMatch(
      /<th scope="row">E1<\/th><td class="number">1<\/td><td class="number">−80<\/td><td class="number">0.00<\/td><td>正常范围/,
    );
    expect(html.split('<tr class="needs-consensus">').length - 1).toBe(1);
    expect(html).toContain('修正 z 值的绝对值大于 3.5 时标记为异常');
  });

  it('says when there are too few experts for z-scores, and when nothing can be compared', () => {
    const three = [
      aggregated(
        panel(['E1', 'E2', 'E3']),
        ['E1', 'E2', 'E3'].map((e) => flatSheet(e, 50)),
      ),
    ];
    const few = renderHtml(
      <SeverityTable all={expertSeverity(three)} aggregations={three} stages={['material']} expertName={expertName} />,
      db,
    );
    expect(few).toContain('专家少于 5 位，不计算 z 值，也不标记异常。');
    const none = renderHtml(
      <SeverityTable all={expertSeverity([])} aggregations={[]} stages={['material']} expertName={expertName} />,
      db,
    );
    expect(none).toContain('尚无可比较的评分表');
  });
});

describe('ResultIssues', () => {
  it('lists every sheet and panel left out, with the reason, and nothing when all fit', () => {
    const html = renderHtml(
      <ResultIssues
        skipped={[{ packageId: 'p', expertId: 'E1', applicantId: 'A', stage: 'material', reason: 'other-criteria' }]}
        orphans={[{ expertId: 'E6', applicantId: 'A', stage: 'site', reason: 'no-panel' }]}
        panelIssues={[{ applicantId: 'B', stage: 'defense', problem: 'stage-not-in-cycle' }]}
        applicantName={(id) => `${id}公司`}
        expertName={expertName}
      />,
      db,
    );
    expect(html).toContain('3 项未计入汇总');
    expect(html).toContain('<li>E1 对 A公司（材料评审）的评分表：所用评价准则与本周期不同</li>');
    expect(html).toContain('<li>王六 对 A公司（现场评审）的评分表：该申报组织在此阶段没有评审组</li>');
    expect(html).toContain('B公司（陈述答辩）的评审组');
    const none = renderHtml(
      <ResultIssues skipped={[]} orphans={[]} panelIssues={[]} applicantName={(id) => id} expertName={expertName} />,
      db,
    );
    expect(none).toBe('');
  });
});
