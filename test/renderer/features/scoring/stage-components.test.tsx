import { describe, expect, it, vi } from 'vitest';
import {
  CarriedPercent,
  needsReason,
  type CarriedItem,
} from '../../../../src-renderer/features/scoring/carried-percent';
import { CommentList } from '../../../../src-renderer/features/scoring/comment-list';
import { ItemOutline } from '../../../../src-renderer/features/scoring/item-outline';
import type { MaterialsLink } from '../../../../src-renderer/features/scoring/materials-link';
import { StageBar } from '../../../../src-renderer/features/scoring/stage-bar';
import { StageStepper } from '../../../../src-renderer/features/scoring/stage-stepper';
import type { SaveState } from '../../../../src-renderer/features/scoring/use-sheet';
import { combineSaves } from '../../../../src-renderer/features/scoring/use-stage-reasons';
import type { ItemRow } from '../../../../src-renderer/data/row-schemas';
import { renderStatic, type TestLang } from '../../support/static-render';
import { miniCriteria } from './mini-criteria';

function carried(percent: number | null, reason = ''): CarriedItem {
  return { from: 'material', percent, reason, onReason: () => undefined, onBlur: () => undefined };
}

const materials: MaterialsLink = { openMaterial: vi.fn(), registerCiteTarget: vi.fn() };

describe('the stage stepper and bar', () => {
  it('shows the cycle’s stages in order with the current one marked, in both languages', () => {
    const zh = renderStatic(<StageStepper stages={['material', 'defense', 'site']} current="defense" />);
    expect(zh.indexOf('材料评审')).toBeLessThan(zh.indexOf('陈述答辩'));
    expect(zh.indexOf('陈述答辩')).toBeLessThan(zh.indexOf('现场评审'));
    expect(zh).toMatch(/<li aria-current="step" class="current" data-testid="stage-step-defense">/);
    expect(zh).not.toMatch(/aria-current="step"[^>]*stage-step-material/);
    expect(zh).toContain('aria-label="本届评审的阶段顺序"');
    const en = renderStatic(<StageStepper stages={['material', 'site']} current="site" />, { lang: 'en' });
    expect(en).toContain('Material review');
    expect(en).toContain('current stage');
    expect(en).not.toContain('Defense');
  });

  it.each<['material' | 'defense' | 'site', string, string]>([
    ['material', '待核实问题', 'Issues to verify'],
    ['defense', '答辩记录', 'Defense record'],
    ['site', '现场评审记录', 'Site visit record'],
  ])('links the %s sheet to its session page and to the stage view', (stage, zhLabel, enLabel) => {
    const props = { stages: ['material', 'defense', 'site'] as const, stage, assignmentId: 'a 1', applicantId: 'p/2' };
    const zh = renderStatic(<StageBar {...props} />);
    expect(zh).toContain(`href="#/assignments/a%201/applicants/p%2F2/session">${zhLabel}</a>`);
    expect(zh).toContain('href="#/assignments/a%201/applicants/p%2F2/stages">阶段对比</a>');
    expect(renderStatic(<StageBar {...props} />, { lang: 'en' })).toContain(`>${enLabel}</a>`);
  });
});

describe('a carried percent', () => {
  it('says where it came from, and asks nothing while it is kept', () => {
    const html = renderStatic(<CarriedPercent carried={carried(70)} percent={70} itemId="4.1.1" />);
    expect(html).toContain('自材料评审沿用 70%');
    expect(html).not.toContain('<textarea');
    expect(
      renderStatic(<CarriedPercent carried={carried(70)} percent={70} itemId="4.1.1" />, { lang: 'en' }),
    ).toContain('Carried from Material review: 70%');
  });

  it('asks for the reason in place once changed: a required, labelled field, flagged while blank', () => {
    const html = renderStatic(<CarriedPercent carried={carried(70)} percent={75} itemId="4.1.1" />);
    expect(html).toContain('<label for="reason-4.1.1">修改理由（70% → 75%，必填）</label>');
    expect(html).toMatch(/<textarea id="reason-4.1.1"[^>]* required=""[^>]*aria-required="true" aria-invalid="true"/);
    expect(html).toContain('改动沿用的得分率必须说明理由，否则无法提交。');
  });

  it('shows the reason given and no warning', () => {
    const html = renderStatic(
      <CarriedPercent carried={carried(70, '现场核实发现目标卡未覆盖班组。')} percent={60} itemId="4.1.1" />,
      {
        lang: 'en' as TestLang,
      },
    );
    expect(html).toContain('Reason for the change (70% → 60%, required)');
    expect(html).toContain('现场核实发现目标卡未覆盖班组。</textarea>');
    expect(html).toContain('aria-invalid="false"');
    expect(html).not.toContain('needs a reason before');
  });

  it('needs a reason only for a scored change of a scored carried percent', () => {
    expect(needsReason(70, 75, '')).toBe(true);
    expect(needsReason(70, 75, '  ')).toBe(true);
    expect(needsReason(70, 75, '理由')).toBe(false);
    expect(needsReason(70, 70, '')).toBe(false);
    expect(needsReason(null, 75, '')).toBe(false);
    expect(needsReason(undefined, 75, '')).toBe(false);
    expect(needsReason(70, null, '')).toBe(false);
    expect(renderStatic(<CarriedPercent carried={carried(null)} percent={40} itemId="x" />)).toContain(
      '材料评审未对此项评分，无沿用得分率',
    );
  });
});

describe('carried comments and material pages', () => {
  const comments = [
    { id: 'c1', text: '目标分解到岗位。', page: 12, ref: '第 4 章', carriedFrom: 'material' as const },
    { id: 'c2', text: '新写的。', page: null, ref: '' },
  ];

  it('marks a carried comment with a “沿用” badge naming the stage; a new one has none', () => {
    const html = renderStatic(
      <CommentList
        kind="strengths"
        comments={comments}
        newId={() => 'n'}
        onChange={() => undefined}
        onBlur={() => undefined}
      />,
    );
    expect(html.match(/data-testid="carried-badge"/g)).toHaveLength(1);
    expect(html).toContain('title="自材料评审沿用"');
    expect(html).toContain('>沿用<');
    const en = renderStatic(
      <CommentList
        kind="ofis"
        comments={comments}
        newId={() => 'n'}
        onChange={() => undefined}
        onBlur={() => undefined}
      />,
      { lang: 'en' },
    );
    expect(en).toContain('>Carried<');
  });

  it('turns a page number into a button that opens the material there, only with a viewer', () => {
    const props = {
      kind: 'strengths' as const,
      comments,
      newId: () => 'n',
      onChange: () => undefined,
      onBlur: () => undefined,
    };
    expect(renderStatic(<CommentList {...props} materials={materials} />)).toContain(
      '<button type="button" class="link-button" aria-label="优势 1：查看第 12 页（申报材料）">查看第 12 页</button>',
    );
    expect(renderStatic(<CommentList {...props} />)).not.toContain('查看第');
    // The comment without a page has nothing to open.
    expect(renderStatic(<CommentList {...props} materials={materials} />).match(/（申报材料）/g)).toHaveLength(1);
  });
});

describe('the item outline', () => {
  it('marks the items changed without a reason, in words for screen readers', () => {
    const row = (itemId: string, percent: number): ItemRow => ({
      v: 1,
      sheetId: 's',
      itemId,
      percent,
      strengths: [],
      ofis: [],
      note: '',
      updatedAt: '2026-03-02T08:00:00.000Z',
    });
    const items = new Map([
      ['1.1', row('1.1', 50)],
      ['1.2', row('1.2', 60)],
    ]);
    const html = renderStatic(
      <ItemOutline
        criteria={miniCriteria()}
        items={items}
        currentItemId="1.1"
        assignmentId="a"
        applicantId="p"
        needsReason={new Set(['1.2'])}
      />,
    );
    const entry = (id: string): string =>
      html.slice(html.indexOf(`outline-${id}`), html.indexOf('</a>', html.indexOf(`outline-${id}`)));
    expect(entry('1.2')).toContain('得分率已改动，尚缺理由');
    expect(entry('1.1')).not.toContain('尚缺理由');
  });
});

describe('combineSaves', () => {
  const saved = (at: string) => ({ status: 'saved' as const, at });
  const error: SaveState = { status: 'error', error: { code: 'E_STORAGE_QUOTA', message: 'full', params: {} } };
  it('shows an error first, then a pending write, then the later save', () => {
    expect(combineSaves(saved('2026-01-01T00:00:01Z'), error)).toBe(error);
    expect(combineSaves(error, { status: 'saving' })).toBe(error);
    expect(combineSaves({ status: 'idle' }, { status: 'saving' })).toEqual({ status: 'saving' });
    expect(combineSaves(saved('2026-01-01T00:00:01Z'), saved('2026-01-01T00:00:09Z'))).toEqual(
      saved('2026-01-01T00:00:09Z'),
    );
    expect(combineSaves(saved('2026-01-01T00:00:01Z'), { status: 'idle' })).toEqual(saved('2026-01-01T00:00:01Z'));
    expect(combineSaves({ status: 'idle' }, { status: 'idle' })).toEqual({ status: 'idle' });
  });
});
