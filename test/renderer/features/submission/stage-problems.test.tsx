import { describe, expect, it } from 'vitest';
import type { IssueDraft, StageWorkRow } from '../../../../src-renderer/data/stage-rows';
import { buildStageWork } from '../../../../src-renderer/data/stage-work-payload';
import { emptyStageWorkRow } from '../../../../src-renderer/data/stage-work-repository';
import { StageProblems } from '../../../../src-renderer/features/submission/stage-problems';
import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import { defaultStageSetup, type StageSetup } from '../../../../src-shared/stages/stage-setup';
import { renderStatic, type TestLang } from '../../support/static-render';

const setup: StageSetup = {
  ...defaultStageSetup,
  defenseRubric: [{ id: 'r1', name: { 'zh-CN': '陈述的完整性', en: 'Completeness' }, points: 10 }],
};

function issue(id: string, patch: Partial<IssueDraft>): IssueDraft {
  return {
    id,
    origin: 'own',
    itemIds: ['4.1.1'],
    kind: 'verify',
    text: '',
    evidence: '',
    status: 'open',
    finding: '',
    ...patch,
  };
}

function render(stage: Stage, row: StageWorkRow, percents: Record<string, number>, lang: TestLang = 'zh-CN'): string {
  const built = buildStageWork({
    stage,
    row,
    itemIds: ['4.1.1', '4.1.2'],
    percents: new Map(Object.entries(percents)),
    setup,
    now: 0,
  });
  return renderStatic(
    <StageProblems
      problems={built.problems}
      stage={stage}
      work={built.work}
      row={row}
      setup={setup}
      assignmentId="a"
      applicantId="p"
    />,
    { lang },
  );
}

const at = '2026-05-10T08:00:00.000Z';

describe('the stage problems on the submit page', () => {
  it('renders nothing when the stage record is complete', () => {
    expect(render('material', emptyStageWorkRow('a/p', 'material', at), {})).toBe('');
  });

  it('lists a changed percent without a reason with a link to the item, in both languages', () => {
    const row = {
      ...emptyStageWorkRow('a/p', 'defense', at),
      seededFrom: 'material' as const,
      carried: { '4.1.1': 70 },
    };
    const zh = render('defense', row, { '4.1.1': 80 });
    // The cycle's defense rubric is not scored either: two problems.
    expect(zh).toContain('本阶段记录：2 处问题需先处理');
    expect(zh).toContain(
      '<a href="#/assignments/a/applicants/p/items/4.1.1">4.1.1</a> 得分率自 70% 改为 80%，尚缺修改理由',
    );
    const en = render('defense', row, { '4.1.1': 80 }, 'en');
    expect(en).toContain('Stage record: 2 problems to fix first');
    expect(en).toContain('percent changed from 70% to 80% without a reason');
  });

  it('names issues by their text, rubric criteria by name and themes by count, each linking to the session', () => {
    const site: StageWorkRow = {
      ...emptyStageWorkRow('a/p', 'site', at),
      issues: [
        issue('i1', { text: '核实岗位目标卡的覆盖范围' }),
        issue('i2', { text: '核实供应商评价', status: 'confirmed' }),
        issue('i3', { text: '没有关联评分项', itemIds: [] }),
      ],
    };
    const html = render('site', site, {});
    expect(html).toContain(
      '<a href="#/assignments/a/applicants/p/session">现场评审记录</a> 待核实问题“核实岗位目标卡的覆盖范围”尚未得出核实结论',
    );
    expect(html).toContain('待核实问题“核实供应商评价”已有结论，但未填写核实发现');
    expect(html).toContain('待核实问题“没有关联评分项”尚未关联评分项');
    expect(html).toContain('关键主题中的优势现有 0 条，须为 3–5 条');
    expect(html).toContain('关键主题中的改进机会现有 0 条，须为 3–5 条');
    expect(html).toContain('本阶段记录：5 处问题需先处理');

    const defense = render('defense', emptyStageWorkRow('a/p', 'defense', at), {}, 'en');
    expect(defense).toContain('<a href="#/assignments/a/applicants/p/session">Defense record</a>');
    expect(defense).toContain('the defense rubric criterion “Completeness” is not scored');
  });
});
