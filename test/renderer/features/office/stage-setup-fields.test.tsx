import { afterAll, describe, expect, it } from 'vitest';
import { changedFrozenSettings, defaultCycleSettings } from '../../../../src-shared/office/cycle-settings';
import { defaultStageSetup, type StageSetup } from '../../../../src-shared/stages/stage-setup';
import { StageSetupFields } from '../../../../src-renderer/features/office/stage-setup-fields';
import {
  bytesOfMib,
  mibOf,
  moveEntry,
  normaliseStageSetup,
  rubricTotal,
  stageSetupProblems,
} from '../../../../src-renderer/features/office/stage-setup-edit';
import { openTestDatabase } from '../../data/support/test-database';
import { renderStatic, testServices, type TestLang } from '../../support/static-render';

const MiB = 1024 * 1024;

const withRubric: StageSetup = {
  ...defaultStageSetup,
  defenseRubric: [
    { id: 'r1', name: { 'zh-CN': '陈述清晰', en: 'Clarity' }, points: 40 },
    { id: 'r2', name: { 'zh-CN': '回答准确', en: '' }, points: 60 },
  ],
  evidenceMaxBytes: 12 * MiB,
};

describe('editing the stage setup', () => {
  it('moves an entry up or down and leaves the list as is at either end', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('shows the evidence limit in MiB and totals the rubric', () => {
    expect(mibOf(20 * MiB)).toBe(20);
    expect(bytesOfMib(1.5)).toBe(1.5 * MiB);
    expect(rubricTotal(withRubric.defenseRubric)).toBe(100);
  });

  it('finds every problem the form must show before saving', () => {
    expect(stageSetupProblems(defaultStageSetup)).toEqual([]);
    const broken: StageSetup = {
      defenseSegments: [{ id: 's', name: { 'zh-CN': ' ', en: 'x' }, minutes: 0 }],
      defenseRubric: [{ id: 'r', name: { 'zh-CN': '细则', en: '' }, points: 1001 }],
      evidenceMaxBytes: 65 * MiB,
    };
    expect(stageSetupProblems(broken)).toEqual([
      { kind: 'segmentName', n: 1 },
      { kind: 'segmentMinutes', n: 1 },
      { kind: 'rubricPoints', n: 1 },
      { kind: 'evidenceLimit', n: 0 },
    ]);
    expect(stageSetupProblems({ ...defaultStageSetup, defenseSegments: [] })).toEqual([{ kind: 'segmentCount', n: 0 }]);
  });

  it('fills a blank English name from the Chinese one, which the schema requires', () => {
    const normal = normaliseStageSetup(withRubric);
    expect(normal.defenseRubric[1]?.name).toEqual({ 'zh-CN': '回答准确', en: '回答准确' });
    expect(normal.defenseSegments).toEqual(defaultStageSetup.defenseSegments);
  });

  it('is a frozen setting: a change of minutes needs a reason once assignments are issued', () => {
    const settings = defaultCycleSettings(2026);
    const longer = {
      ...settings,
      stageSetup: {
        ...settings.stageSetup,
        defenseSegments: settings.stageSetup.defenseSegments.map((s) => ({ ...s, minutes: 20 })),
      },
    };
    expect(changedFrozenSettings(settings, longer)).toEqual(['stageSetup']);
    expect(
      changedFrozenSettings(settings, { ...settings, stageSetup: normaliseStageSetup(settings.stageSetup) }),
    ).toEqual([]);
  });
});

describe('StageSetupFields', () => {
  const db = openTestDatabase('stage-setup-fields');
  afterAll(() => db.delete());
  const render = (setup: StageSetup, lang: TestLang = 'zh-CN') =>
    renderStatic(<StageSetupFields setup={setup} onChange={() => undefined} />, { lang, services: testServices(db) });

  it('lists the segments in order with their minutes, the rubric with its total and the limit in MiB', () => {
    const html = render(withRubric);
    expect(html).toContain('答辩与现场评审设置');
    expect(html).toContain('aria-label="第 1 个答辩时段"');
    expect(html).toContain('value="陈述"');
    expect(html).toContain('答辩共计 30 分钟。');
    expect(html).toContain('答辩评分细则合计 100 分。');
    expect(html).toContain('value="12"');
    expect(html).toContain('aria-label="上移“答辩提问”"');
  });

  it('keeps the only segment: its remove button is disabled', () => {
    const one = { ...defaultStageSetup, defenseSegments: defaultStageSetup.defenseSegments.slice(0, 1) };
    const html = render(one);
    expect(html).toMatch(/<button type="button" disabled="" aria-label="删除“陈述”"/);
    expect(html).toContain('未设置答辩评分细则');
  });

  it('reads in English', () => {
    const html = render(withRubric, 'en');
    expect(html).toContain('Defense segment 1');
    expect(html).toContain('The defense rubric totals 100 points.');
    expect(html).toContain('Largest evidence file');
  });
});
