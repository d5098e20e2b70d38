import { describe, expect, it } from 'vitest';
import {
  checkStageWork,
  itemChanges,
  previousStageOf,
  segmentClocks,
  type TimerEvent,
} from '../../../src-shared/stages/stage-rules';
import { defaultStageSetup } from '../../../src-shared/stages/stage-setup';
import { emptyStageWork, type IssueToVerify, type StageWork } from '../../../src-shared/stages/stage-work';

const issue = (over: Partial<IssueToVerify>): IssueToVerify => ({
  id: 'i1',
  origin: 'own',
  itemIds: ['4.1'],
  kind: 'verify',
  text: '核实能源管理体系运行记录',
  evidence: 'p. 12',
  status: 'open',
  finding: '',
  ...over,
});

const themes = (strengths: number, ofis: number): NonNullable<StageWork['site']>['themes'] => [
  ...Array.from({ length: strengths }, (_, n) => ({ id: `s${n}`, kind: 'strength' as const, text: `优势 ${n}` })),
  ...Array.from({ length: ofis }, (_, n) => ({ id: `o${n}`, kind: 'ofi' as const, text: `改进 ${n}` })),
];

describe('previousStageOf', () => {
  it('follows the cycle’s own order, not the default one', () => {
    expect(previousStageOf(['material', 'defense', 'site'], 'site')).toBe('defense');
    expect(previousStageOf(['material', 'site'], 'site')).toBe('material');
    expect(previousStageOf(['material', 'defense', 'site'], 'material')).toBeNull();
    expect(previousStageOf(['material'], 'defense')).toBeNull();
  });
});

describe('itemChanges', () => {
  it('lists only scored items whose percent moved from the carried one, in criteria order, with their reasons', () => {
    const changes = itemChanges({
      fromStage: 'material',
      itemIds: ['4.1', '4.2', '4.3', '4.4'],
      carried: new Map([
        ['4.1', 50],
        ['4.2', 60],
        ['4.3', null],
        ['4.4', 40],
      ]),
      current: new Map([
        ['4.1', 55],
        ['4.2', 60],
        ['4.3', 70],
        ['4.4', null],
      ]),
      reasons: new Map([['4.1', '现场查看了能耗数据']]),
    });
    expect(changes).toEqual([
      { itemId: '4.1', fromStage: 'material', previousPercent: 50, percent: 55, reason: '现场查看了能耗数据' },
    ]);
  });

  it('gives a blank reason for a change not explained yet', () => {
    const [change] = itemChanges({
      fromStage: 'defense',
      itemIds: ['1.1'],
      carried: new Map([['1.1', 30]]),
      current: new Map([['1.1', 25]]),
      reasons: new Map(),
    });
    expect(change?.reason).toBe('');
  });
});

describe('checkStageWork', () => {
  const rubric = defaultStageSetup.defenseRubric;

  it('refuses a changed carried percent without a reason at any stage', () => {
    const work: StageWork = {
      ...emptyStageWork('defense', 'material'),
      changes: [{ itemId: '2.1', fromStage: 'material', previousPercent: 50, percent: 60, reason: '  ' }],
    };
    expect(checkStageWork({ stage: 'defense', work, rubric })).toEqual([{ code: 'change-reason-missing', ref: '2.1' }]);
  });

  it('at the site visit, wants every issue settled with a finding and 3–5 themes of each kind', () => {
    const work: StageWork = {
      ...emptyStageWork('site', 'defense'),
      issues: [
        issue({ id: 'a' }),
        issue({ id: 'b', status: 'confirmed', finding: ' ' }),
        issue({ id: 'c', status: 'new-finding', finding: '发现未记录的改进项目' }),
      ],
      site: { interviews: [], documents: [], themes: themes(2, 6) },
    };
    expect(checkStageWork({ stage: 'site', work, rubric })).toEqual([
      { code: 'issue-open', ref: 'a' },
      { code: 'issue-finding-missing', ref: 'b' },
      { code: 'themes-strengths', ref: '2' },
      { code: 'themes-ofis', ref: '6' },
    ]);
  });

  it('accepts a complete site visit, counting only themes with text', () => {
    const site = {
      interviews: [],
      documents: [],
      themes: [...themes(3, 5), { id: 'x', kind: 'ofi' as const, text: '' }],
    };
    const work: StageWork = { ...emptyStageWork('site', null), site };
    expect(checkStageWork({ stage: 'site', work, rubric })).toEqual([]);
  });

  it('leaves open issues alone before the site visit', () => {
    const work: StageWork = { ...emptyStageWork('material', null), issues: [issue({})] };
    expect(checkStageWork({ stage: 'material', work, rubric })).toEqual([]);
  });

  it('wants every rubric criterion of the cycle scored within its points at the defense', () => {
    const cycleRubric = [
      { id: 'clarity', name: { 'zh-CN': '陈述清晰', en: 'Clarity' }, points: 20 },
      { id: 'answers', name: { 'zh-CN': '回答准确', en: 'Answers' }, points: 30 },
      { id: 'time', name: { 'zh-CN': '时间控制', en: 'Timing' }, points: 10 },
    ];
    const work: StageWork = {
      ...emptyStageWork('defense', 'material'),
      defense: {
        segments: [],
        questions: [],
        rubric: [
          { criterionId: 'clarity', points: 20 },
          { criterionId: 'answers', points: 31 },
        ],
      },
    };
    expect(checkStageWork({ stage: 'defense', work, rubric: cycleRubric })).toEqual([
      { code: 'rubric-over', ref: 'answers' },
      { code: 'rubric-missing', ref: 'time' },
    ]);
  });

  it('refuses evidence linked to neither an item nor an issue', () => {
    const evidence = {
      id: 'e1',
      sha256: 'a'.repeat(64),
      size: 10,
      name: 'photo.jpg',
      mediaType: 'image/jpeg',
      caption: '',
      itemIds: [],
      issueIds: [],
    };
    const work: StageWork = { ...emptyStageWork('material', null), evidence: [evidence] };
    expect(checkStageWork({ stage: 'material', work, rubric })).toEqual([{ code: 'evidence-unlinked', ref: 'e1' }]);
  });
});

describe('segmentClocks', () => {
  const segments = defaultStageSetup.defenseSegments;
  const minute = 60_000;

  it('counts a running segment up to now and the others as stopped', () => {
    const events: TimerEvent[] = [{ type: 'start', segmentId: 'presentation', at: 0 }];
    const [presentation, questions] = segmentClocks(segments, events, 10 * minute);
    expect(presentation).toMatchObject({ usedSeconds: 600, remainingSeconds: 300, overrun: false, running: true });
    expect(questions).toMatchObject({ usedSeconds: 0, remainingSeconds: 900, running: false });
  });

  it('starting the next segment stops the previous one, and an overrun shows as negative remaining time', () => {
    const events: TimerEvent[] = [
      { type: 'start', segmentId: 'presentation', at: 0 },
      { type: 'start', segmentId: 'questions', at: 17 * minute },
      { type: 'pause', segmentId: 'questions', at: 27 * minute },
    ];
    const [presentation, questions] = segmentClocks(segments, events, 60 * minute);
    expect(presentation).toMatchObject({ usedSeconds: 1020, remainingSeconds: -120, overrun: true, running: false });
    expect(questions).toMatchObject({ usedSeconds: 600, overrun: false, running: false });
  });

  it('adds up a paused and resumed segment and reads events in time order whatever order they are stored in', () => {
    const events: TimerEvent[] = [
      { type: 'start', segmentId: 'presentation', at: 5 * minute },
      { type: 'pause', segmentId: 'presentation', at: 2 * minute },
      { type: 'start', segmentId: 'presentation', at: 0 },
    ];
    const [presentation] = segmentClocks(segments, events, 6 * minute);
    expect(presentation?.usedSeconds).toBe(180);
    expect(presentation?.running).toBe(true);
  });
});
