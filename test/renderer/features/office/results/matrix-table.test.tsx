import { afterAll, describe, expect, it } from 'vitest';
import { MatrixTable } from '../../../../../src-renderer/features/office/results/matrix-table';
import { aggregated, criteria, FIVE, panel, sheet, workedSheets } from '../../../../shared/office/office-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderHtml } from './render-support';

const db = openTestDatabase('matrix-table');
afterAll(() => db.delete());

const names = new Map([
  ['E1', '张一'],
  ['E2', '李二'],
]);
const expertName = (id: string): string => names.get(id) ?? id;

function count(html: string, text: string): number {
  return html.split(text).length - 1;
}

describe('MatrixTable', () => {
  // The worked example: spreads 4.1.2 = 75 − 40 = 35, 4.7.2 = 70 − 40 = 30 (both ≥ 30), 4.4.3 = 65 − 40 = 25.
  const worked = aggregated(panel(FIVE), workedSheets());

  it('shades and labels in words exactly the items at or over the threshold', () => {
    const html = renderHtml(
      <MatrixTable criteria={criteria} aggregation={worked} expertName={expertName} threshold={30} />,
      db,
    );
    expect(count(html, '<tr class="needs-consensus">')).toBe(2);
    expect(count(html, '<strong class="flag"> 需合议</strong>')).toBe(2);
    const start = html.lastIndexOf('<tr', html.indexOf('<th scope="row">4.1.2'));
    const row = html.slice(start, html.indexOf('</tr>', start));
    expect(row).toContain('needs-consensus');
    expect(row).toContain('35 个百分点');
  });

  it('shows each expert’s percent, the mean, median, trimmed mean, min and max of an item', () => {
    const html = renderHtml(
      <MatrixTable criteria={criteria} aggregation={worked} expertName={expertName} threshold={30} />,
      db,
    );
    // 4.1.2: 40 55 60 70 75 → mean 60, median 60, trimmed (55 + 60 + 70) / 3 = 61.67, min 40, max 75.
    const start = html.indexOf('<th scope="row">4.1.2');
    const row = html.slice(start, html.indexOf('</tr>', start));
    const numbers = [...row.matchAll(/<td class="number">([^<]*)/g)].map((m) => m[1]);
    expect(numbers).toEqual(['40%', '55%', '60%', '70%', '75%', '60%', '60%', '61.67%', '40%', '75%', '35 个百分点']);
    expect(html).toContain('<th scope="col">张一</th><th scope="col">李二</th><th scope="col">E3</th>');
    expect(html).toContain('去高低平均');
  });

  it('leaves out the trimmed mean below five experts and says why; unscored cells say so', () => {
    const two = aggregated(panel(['E1', 'E2']), [sheet('E1', { '4.1.2': null }), sheet('E2')]);
    const html = renderHtml(
      <MatrixTable criteria={criteria} aggregation={two} expertName={expertName} threshold={30} />,
      db,
    );
    expect(html).not.toContain('去高低平均</th>');
    expect(html).toContain('专家少于 5 位，不计算去掉最高最低分后的平均值。');
    expect(html).toContain('（未评分：张一）');
    // The incomplete sheet's total is shown but marked as left out of the statistics.
    expect(html).toContain('（不完整，已评 22 项，不计入统计）');
  });

  it('speaks English when the office chose English', () => {
    const html = renderHtml(
      <MatrixTable criteria={criteria} aggregation={worked} expertName={expertName} threshold={30} />,
      db,
      'en',
    );
    expect(count(html, '<strong class="flag"> consensus</strong>')).toBe(2);
    expect(html).toContain('Trimmed mean');
  });
});
