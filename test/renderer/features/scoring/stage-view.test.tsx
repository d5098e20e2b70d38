import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../../../src-renderer/data/row-schemas';
import { stageDelta, stageRadarData } from '../../../../src-renderer/features/scoring/stage-delta';
import { StageTable } from '../../../../src-renderer/features/scoring/stage-table';
import { renderStatic } from '../../support/static-render';
import { miniCriteria } from './mini-criteria';

const criteria = miniCriteria();
const carried = { '1.1': 60, '1.2': 40, '2.1': null };
const current = new Map<string, number | null>([
  ['1.1', 70],
  ['1.2', 40],
  ['2.1', 50],
]);

describe('stageDelta', () => {
  it('gives previous → new per item in the criteria order, the changes, the missing reasons and both totals', () => {
    const delta = stageDelta(criteria, carried, current, { '1.1': '' });
    expect(delta.rows).toEqual([
      { itemId: '1.1', carried: 60, current: 70, changed: true, reason: '', reasonMissing: true },
      { itemId: '1.2', carried: 40, current: 40, changed: false, reason: '', reasonMissing: false },
      // Not scored before: scoring it now is no change.
      { itemId: '2.1', carried: null, current: 50, changed: false, reason: '', reasonMissing: false },
    ]);
    // 35 × 60 % + 25 × 40 % = 31 points before; 35 × 70 % + 25 × 40 % + 40 × 50 % = 54.5 after (in hundredths).
    expect(delta.before).toBe(3100);
    expect(delta.after).toBe(5450);
    expect(delta.changedCount).toBe(1);
    expect(delta.missingCount).toBe(1);
    expect(stageDelta(criteria, carried, current, { '1.1': '答辩补充' }).missingCount).toBe(0);
  });
});

describe('stageRadarData', () => {
  it('overlays each stage’s category percentages, stages keyed by name', () => {
    const sheet = (stage: SheetRow['stage']) => ({ stage, v: 1 }) as unknown as SheetRow;
    const data = stageRadarData(
      criteria,
      [
        { stage: 'material', sheet: sheet('material'), percents: new Map(Object.entries(carried)) },
        { stage: 'defense', sheet: sheet('defense'), percents: current },
      ],
      (id) => `类目 ${id}`,
    );
    // Category 1 (60 points): 31 → 34.5 points; category 2 (40 points): 0 → 20 points.
    expect(data).toEqual([
      { category: '类目 1', material: 52, defense: 58 },
      { category: '类目 2', material: 0, defense: 50 },
    ]);
  });
});

describe('the stage table', () => {
  const render = (lang: 'zh-CN' | 'en' = 'zh-CN') =>
    renderStatic(
      <StageTable
        criteria={criteria}
        delta={stageDelta(criteria, carried, current, { '1.1': '答辩中补充了对标数据。' })}
        from="material"
        to="defense"
        itemHref={(id) => `#/item/${id}`}
      />,
      { lang },
    );
  const rowOf = (html: string, id: string): string => {
    const start = html.lastIndexOf('<tr', html.indexOf(`stage-row-${id}`));
    return html.slice(start, html.indexOf('</tr>', start));
  };

  it('highlights a changed row and says so in words, with the reason and a link to the item', () => {
    const html = render();
    expect(html).toContain('<th scope="col">材料评审</th><th scope="col">陈述答辩</th>');
    const changed = rowOf(html, '1.1');
    expect(changed).toContain('class="changed"');
    expect(changed).toContain('已改动 60% → 70%');
    expect(changed).toContain('答辩中补充了对标数据。');
    expect(changed).toContain('href="#/item/1.1"');
    expect(rowOf(html, '1.2')).not.toContain('class="changed"');
    expect(rowOf(html, '1.2')).toContain('未改动');
    expect(rowOf(html, '2.1')).toContain('未评分');
  });

  it('shows the totals before → after at the foot and in the caption', () => {
    const html = render();
    expect(html).toContain('1 项改动，其中 0 项尚缺理由；总分 31 → 54.5');
    expect(html).toContain('data-testid="stage-total-after">54.5</td>');
    const en = render('en');
    expect(en).toContain('1 items changed, 0 of them without a reason; total 31 → 54.5');
    expect(en).toContain('<th scope="col">Material review</th>');
  });

  it('flags a change without a reason', () => {
    const html = renderStatic(
      <StageTable
        criteria={criteria}
        delta={stageDelta(criteria, carried, current, {})}
        from="material"
        to="defense"
        itemHref={(id) => id}
      />,
    );
    expect(rowOf(html, '1.1')).toContain('<span class="reason-missing">尚缺理由</span>');
  });
});
