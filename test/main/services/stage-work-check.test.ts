import { describe, expect, it } from 'vitest';
import { stageWorkProblems, stageWorkRefusal, type StageWorkInput } from '../../../src-main/services/stage-work-check';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { emptyStageWork, type StageWork } from '../../../src-shared/stages/stage-work';

const stages: Stage[] = ['material', 'defense', 'site'];
const themes = (strengths: number, ofis: number) => [
  ...Array.from({ length: strengths }, (_, i) => ({ id: `s${i}`, kind: 'strength' as const, text: `优势 ${i}` })),
  ...Array.from({ length: ofis }, (_, i) => ({ id: `o${i}`, kind: 'ofi' as const, text: `改进 ${i}` })),
];
/** A site visit's work that passes: seeded from the defense, one change with its reason, 3 + 3 key themes. */
const siteWork = (): StageWork => ({
  ...emptyStageWork('site', 'defense'),
  changes: [
    { itemId: '4.1.1', fromStage: 'defense', previousPercent: 50, percent: 60, reason: '现场核实了战略部署记录' },
  ],
  site: { interviews: [], documents: [], themes: themes(3, 3) },
});

function input(work: StageWork, patch: Partial<StageWorkInput> = {}): StageWorkInput {
  return {
    stage: 'site',
    stages,
    work,
    rubric: [],
    itemIds: new Set(['4.1.1', '4.1.2']),
    percents: new Map([
      ['4.1.1', 60],
      ['4.1.2', 40],
    ]),
    ...patch,
  };
}

const en = (work: StageWork, patch: Partial<StageWorkInput> = {}) =>
  stageWorkProblems(input(work, patch)).map((p) => p.en);

describe('stageWorkProblems', () => {
  it('finds nothing in a complete site visit', () => {
    expect(stageWorkProblems(input(siteWork()))).toEqual([]);
  });

  it('refuses a sheet seeded from another stage than the one before it in the cycle', () => {
    expect(en({ ...siteWork(), seededFrom: 'material', changes: [] })).toEqual([
      'this stage carries presentation and defense, not material review',
    ]);
    // Without a defense in the cycle, the site visit carries the material review.
    expect(en({ ...siteWork(), seededFrom: 'material', changes: [] }, { stages: ['material', 'site'] })).toEqual([]);
    const first = stageWorkProblems(input(emptyStageWork('material', 'site'), { stage: 'material' }));
    expect(first.map((p) => p.zh)).toEqual(['本阶段是第一个阶段，不能承接“现场评审”']);
    // Nothing carried is always allowed: the expert may not have scored the earlier stage.
    expect(en({ ...siteWork(), seededFrom: null, changes: [] })).toEqual([]);
  });

  it('refuses a change that is not the percent submitted, or from another stage than the one carried', () => {
    const work = siteWork();
    expect(en(work, { percents: new Map([['4.1.1', 65]]) })).toEqual([
      'item 4.1.1: the change records 60%, the sheet 65%',
    ]);
    expect(en(work, { percents: new Map() })).toEqual(['item 4.1.1: the change records 60%, the sheet no score']);
    const fromMaterial = { ...work, changes: work.changes.map((c) => ({ ...c, fromStage: 'material' as const })) };
    expect(en(fromMaterial)).toEqual(['item 4.1.1: the change is from material review, not the stage carried']);
  });

  it('refuses a changed percent without a reason', () => {
    const work = siteWork();
    const blank = { ...work, changes: work.changes.map((c) => ({ ...c, reason: ' ' })) };
    expect(stageWorkProblems(input(blank))).toEqual([
      { zh: '评分项 4.1.1 的得分率与上一阶段不同，需说明理由', en: 'item 4.1.1: a changed percent needs a reason' },
    ]);
  });

  it('refuses a site visit with an open issue, quoting it, and key themes outside 3–5', () => {
    const issue = {
      id: 'issue-1',
      origin: 'own' as const,
      itemIds: ['4.1.2'],
      kind: 'verify' as const,
      text: '核实供应商评价记录是否覆盖全部关键供应商以及评价频次',
      evidence: '申报材料第 12 页',
      status: 'open' as const,
      finding: '',
    };
    const work = { ...siteWork(), issues: [issue], site: { interviews: [], documents: [], themes: themes(2, 6) } };
    expect(stageWorkProblems(input(work))).toEqual([
      { zh: '待核实问题“核实供应商评价记录是否覆盖全部关键供应商…”尚未核实', en: expect.any(String) },
      { zh: '关键主题中的优势有 2 条，应为 3–5 条', en: '2 key strengths; 3–5 are needed' },
      { zh: '关键主题中的改进机会有 6 条，应为 3–5 条', en: '6 key opportunities; 3–5 are needed' },
    ]);
  });

  it('refuses defense or site records at another stage, and items the criteria do not have', () => {
    const material = { ...emptyStageWork('material', null), site: { interviews: [], documents: [], themes: [] } };
    expect(en(material, { stage: 'material' })).toEqual(['a site-visit record at the material review']);
    const defense = emptyStageWork('defense', null);
    expect(en(defense, { stage: 'site' })).toContain('a defense record at the site visit');
    const unknown = { ...siteWork(), evidence: [evidence(['9.9.9'])] };
    expect(en(unknown)).toEqual(['the criteria have no item 9.9.9']);
  });

  it('refuses an unscored or over-scored defense rubric and evidence linked to nothing', () => {
    const rubric = [
      { id: 'clarity', name: { 'zh-CN': '陈述清晰', en: 'Clarity' }, points: 10 },
      { id: 'answers', name: { 'zh-CN': '回答准确', en: 'Answers' }, points: 10 },
    ];
    const work: StageWork = {
      ...emptyStageWork('defense', 'material'),
      defense: { segments: [], questions: [], rubric: [{ criterionId: 'clarity', points: 12 }] },
      evidence: [evidence([])],
    };
    const problems = stageWorkProblems(input(work, { stage: 'defense', rubric }));
    expect(problems.map((p) => p.zh)).toEqual([
      '答辩评分项“陈述清晰”超过其分值',
      '答辩评分项“回答准确”尚未评分',
      '证据“车间照片.jpg”未关联评分项或待核实问题',
    ]);
  });
});

describe('stageWorkRefusal', () => {
  it('is E_STAGE_WORK listing the problems in each language', () => {
    const refusal = stageWorkRefusal([
      { zh: '甲', en: 'one' },
      { zh: '乙', en: 'two' },
    ]);
    expect(refusal).toMatchObject({
      ok: false,
      error: { code: 'E_STAGE_WORK', params: { detail: '甲；乙。', detailEn: 'one; two.' } },
    });
  });

  it('spells out eight problems and counts the rest', () => {
    const problems = Array.from({ length: 11 }, (_, i) => ({ zh: `问题${i}`, en: `p${i}` }));
    const refusal = stageWorkRefusal(problems);
    expect(refusal.ok ? '' : refusal.error.params?.detailEn).toBe('p0; p1; p2; p3; p4; p5; p6; p7; and 3 more.');
    expect(refusal.ok ? '' : refusal.error.params?.detail).toMatch(/问题7；另有 3 项。$/);
  });
});

function evidence(itemIds: string[]) {
  return {
    id: 'photo-1',
    sha256: 'a'.repeat(64),
    size: 3,
    name: '车间照片.jpg',
    mediaType: 'image/jpeg',
    caption: '',
    itemIds,
    issueIds: [],
  };
}
