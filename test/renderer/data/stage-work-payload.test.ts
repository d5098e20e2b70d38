import { describe, expect, it } from 'vitest';
import { emptyStageWorkRow } from '../../../src-renderer/data/stage-work-repository';
import { buildStageWork } from '../../../src-renderer/data/stage-work-payload';
import type { IssueDraft, StageWorkRow } from '../../../src-renderer/data/stage-rows';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { defaultStageSetup, type StageSetup } from '../../../src-shared/stages/stage-setup';
import { stageWorkSchema } from '../../../src-shared/stages/stage-work';

const itemIds = ['4.1.1', '4.1.2', '4.1.3'];
const at = '2026-05-10T08:00:00.000Z';
const t0 = Date.parse(at);

function row(stage: Stage, patch: Partial<StageWorkRow> = {}): StageWorkRow {
  return { ...emptyStageWorkRow(`a/${stage}`, stage, at), ...patch };
}

function issue(id: string, patch: Partial<IssueDraft> = {}): IssueDraft {
  return {
    id,
    origin: 'own',
    itemIds: ['4.1.1'],
    kind: 'verify',
    text: `问题 ${id}`,
    evidence: '',
    status: 'open',
    finding: '',
    ...patch,
  };
}

function build(
  stage: Stage,
  stored: StageWorkRow | undefined,
  percents: Record<string, number | null> = {},
  setup: StageSetup = defaultStageSetup,
  now = t0,
) {
  return buildStageWork({ stage, row: stored, itemIds, percents: new Map(Object.entries(percents)), setup, now });
}

describe('buildStageWork', () => {
  it('is the empty work of the stage for a sheet without a stage-work row, and schema-valid', () => {
    const { work, problems } = build('material', undefined);
    expect(work).toEqual({ seededFrom: null, changes: [], issues: [], defense: null, site: null, evidence: [] });
    expect(problems).toEqual([]);
    expect(stageWorkSchema.safeParse(work).success).toBe(true);
  });

  it('lists each changed carried percent with its reason, in the criteria order; unchanged and unscored are none', () => {
    const stored = row('defense', {
      seededFrom: 'material',
      carried: { '4.1.1': 70, '4.1.2': 50, '4.1.3': null },
      reasons: { '4.1.2': '  答辩中补充了数据。 ', '4.1.1': '旧理由' },
    });
    const { work, problems } = build('defense', stored, { '4.1.3': 40, '4.1.2': 60, '4.1.1': 70 });
    expect(work.changes).toEqual([
      { itemId: '4.1.2', fromStage: 'material', previousPercent: 50, percent: 60, reason: '答辩中补充了数据。' },
    ]);
    expect(problems).toEqual([]);
    expect(stageWorkSchema.safeParse(work).success).toBe(true);
  });

  it('reports a change without a reason (and a blank one) as a problem that blocks signing', () => {
    const stored = row('defense', {
      seededFrom: 'material',
      carried: { '4.1.1': 70, '4.1.2': 50 },
      reasons: { '4.1.2': '   ' },
    });
    const { problems } = build('defense', stored, { '4.1.1': 75, '4.1.2': 45 });
    expect(problems).toEqual([
      { code: 'change-reason-missing', ref: '4.1.1' },
      { code: 'change-reason-missing', ref: '4.1.2' },
    ]);
  });

  it('drops blank issue drafts, keeps the rest with ids and status, and flags a written issue without items', () => {
    const stored = row('material', {
      issues: [
        issue('i1'),
        issue('blank', { text: '  ' }),
        issue('noitem', { itemIds: [] }),
        issue('panel', { origin: 'panel' }),
      ],
    });
    const { work, problems } = build('material', stored);
    expect(work.issues.map((i) => i.id)).toEqual(['i1', 'panel']);
    expect(problems).toEqual([{ code: 'issue-items-missing', ref: 'noitem' }]);
    expect(stageWorkSchema.safeParse(work).success).toBe(true);
  });

  it('at the defense: segments from the timer events (a running one counts until now), questions, rubric', () => {
    const setup: StageSetup = {
      ...defaultStageSetup,
      defenseRubric: [{ id: 'r1', name: { 'zh-CN': '陈述', en: 'Presentation' }, points: 10 }],
    };
    const stored = row('defense', {
      timer: [
        { type: 'start', segmentId: 'presentation', at: t0 },
        { type: 'start', segmentId: 'questions', at: t0 + 16 * 60_000 },
      ],
      defense: {
        segments: [],
        questions: [
          { id: 'q1', at: '2026-05-10T08:20:00Z', question: '如何分解目标？', answer: '', itemIds: ['4.1.1'] },
          { id: 'q2', at: '2026-05-10T08:21:00Z', question: ' ', answer: '', itemIds: [] },
        ],
        rubric: [{ criterionId: 'r1', points: 8 }],
      },
    });
    const { work, problems } = build('defense', stored, {}, setup, t0 + 20 * 60_000);
    expect(work.defense).toEqual({
      segments: [
        { id: 'presentation', plannedMinutes: 15, usedSeconds: 960 },
        { id: 'questions', plannedMinutes: 15, usedSeconds: 240 },
      ],
      questions: [stored.defense?.questions[0]],
      rubric: [{ criterionId: 'r1', points: 8 }],
    });
    expect(work.site).toBeNull();
    expect(problems).toEqual([]);
    expect(stageWorkSchema.safeParse(work).success).toBe(true);
    // Unscored rubric: a problem.
    const unscored = build('defense', { ...stored, defense: { segments: [], questions: [], rubric: [] } }, {}, setup);
    expect(unscored.problems).toEqual([{ code: 'rubric-missing', ref: 'r1' }]);
  });

  it('at the site visit: blank log rows and themes dropped; open issues and theme counts are problems', () => {
    const theme = (id: string, kind: 'strength' | 'ofi', text = `主题 ${id}`) => ({ id, kind, text });
    const stored = row('site', {
      issues: [issue('i1'), issue('i2', { status: 'confirmed', finding: '属实' })],
      site: {
        interviews: [
          { id: 'v1', role: '质量部经理', at: '2026-05-10T09:00:00Z', topics: '目标', itemIds: [], findings: '' },
          { id: 'v2', role: '', at: '2026-05-10T09:30:00Z', topics: ' ', itemIds: [], findings: '' },
        ],
        documents: [
          { id: 'd1', title: '质量手册', number: 'QM-01', page: 3, itemIds: ['4.1.1'] },
          { id: 'd2', title: '', number: '', page: null, itemIds: [] },
        ],
        themes: [
          theme('s1', 'strength'),
          theme('s2', 'strength'),
          theme('s3', 'strength'),
          theme('o1', 'ofi'),
          theme('o2', 'ofi', ' '),
        ],
      },
    });
    const { work, problems } = build('site', stored);
    expect(work.site?.interviews.map((i) => i.id)).toEqual(['v1']);
    expect(work.site?.documents.map((d) => d.id)).toEqual(['d1']);
    expect(work.site?.themes.map((th) => th.id)).toEqual(['s1', 's2', 's3', 'o1']);
    expect(work.defense).toBeNull();
    expect(problems).toEqual([
      { code: 'issue-open', ref: 'i1' },
      { code: 'themes-ofis', ref: '1' },
    ]);
    expect(stageWorkSchema.safeParse(work).success).toBe(true);
  });
});
