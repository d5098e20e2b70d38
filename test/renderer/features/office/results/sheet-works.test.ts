import { describe, expect, it } from 'vitest';
import {
  evidenceForItem,
  hasWork,
  isThumbnailType,
  itemFindings,
  rubricMeans,
  segmentRuns,
  sheetWorksFromInbox,
  type SheetWork,
} from '../../../../../src-renderer/features/office/results/sheet-works';
import { defaultStageSetup } from '../../../../../src-shared/stages/stage-setup';
import { attachmentOf, evidence, issue, sheetPackage, work } from '../support/stage-work-fixtures';

const photo = evidence('ph1', '1', { issueIds: ['i1'] });
const scan = evidence('doc1', '2', { itemIds: ['6.1'], mediaType: 'application/pdf', name: '制度.pdf' });
const siteWork = work('site', {
  changes: [{ itemId: '4.1.1', fromStage: 'defense', previousPercent: 60, percent: 50, reason: '现场未见落实记录' }],
  issues: [issue('i1', { status: 'confirmed', finding: '已查看台账' }), issue('i2', { itemIds: ['6.1'] })],
  site: {
    interviews: [
      {
        id: 'v1',
        role: '车间主任',
        at: '2026-06-01T02:00Z',
        topics: '班组建设',
        itemIds: ['4.1.1'],
        findings: '有记录',
      },
    ],
    documents: [{ id: 'd1', title: '质量手册', number: 'QM-01', page: 12, itemIds: ['6.1'] }],
    themes: [],
  },
  evidence: [photo, scan],
});

function sheetWork(expertId: string, patch: Partial<SheetWork> = {}): SheetWork {
  return { expertId, applicantId: 'A', stage: 'site', work: siteWork, attachments: [], ...patch };
}

describe('stage work from the inbox', () => {
  it('keeps the latest accepted version per expert, applicant and stage of the cycle, and marks sheets without work', () => {
    const packages = [
      sheetPackage('E1', 'A', { stage: 'site', work: work('site') }),
      sheetPackage('E1', 'A', {
        stage: 'site',
        seq: 2,
        work: siteWork,
        attachments: [attachmentOf(photo), attachmentOf(scan)],
      }),
      sheetPackage('E2', 'A', { stage: 'site' }),
      sheetPackage('E3', 'A', { stage: 'site', cycleId: 'other', work: siteWork }),
    ];
    const works = sheetWorksFromInbox(packages, 'C');
    expect(works.map((w) => [w.expertId, w.work === null])).toEqual([
      ['E1', false],
      ['E2', true],
    ]);
    expect(works[0]?.work).toBe(siteWork);
    expect(works[0]?.attachments.map((a) => a.name)).toEqual(['ph1.jpg', '制度.pdf']);
    expect(hasWork(works)).toBe(true);
    expect(hasWork([sheetWork('E2', { work: null }), sheetWork('E3', { work: work('site') })])).toBe(false);
  });
});

describe('evidence and findings for one item', () => {
  it('gathers each expert’s change, issues, interviews, documents and the evidence linked directly or by an issue', () => {
    expect(evidenceForItem(siteWork, '4.1.1')).toEqual([photo]);
    expect(evidenceForItem(siteWork, '6.1')).toEqual([scan]);
    const findings = itemFindings([sheetWork('E1'), sheetWork('E2', { work: null })], '4.1.1');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      expertId: 'E1',
      change: { previousPercent: 60, percent: 50 },
      issues: [{ id: 'i1' }],
      interviews: [{ id: 'v1' }],
      documents: [],
      evidence: [photo],
    });
    expect(itemFindings([sheetWork('E1')], '7.1')).toEqual([]);
  });
});

describe('the defense as run', () => {
  it('names each segment from the cycle and says by how much it overran', () => {
    const defense = work('defense', {
      defense: {
        segments: [
          { id: 'presentation', plannedMinutes: 15, usedSeconds: 1000 },
          { id: 'questions', plannedMinutes: 15, usedSeconds: 600 },
          { id: 'dropped', plannedMinutes: 5, usedSeconds: 10 },
        ],
        questions: [],
        rubric: [],
      },
    });
    expect(segmentRuns(defense, defaultStageSetup.defenseSegments)).toEqual([
      {
        id: 'presentation',
        name: { 'zh-CN': '陈述', en: 'Presentation' },
        plannedMinutes: 15,
        usedSeconds: 1000,
        overrunSeconds: 100,
      },
      {
        id: 'questions',
        name: { 'zh-CN': '答辩提问', en: 'Questions' },
        plannedMinutes: 15,
        usedSeconds: 600,
        overrunSeconds: 0,
      },
      { id: 'dropped', name: null, plannedMinutes: 5, usedSeconds: 10, overrunSeconds: 0 },
    ]);
  });

  it('averages the rubric points over the experts who scored each criterion', () => {
    const rubric = [
      { id: 'r1', name: { 'zh-CN': '陈述', en: 'Talk' }, points: 40 },
      { id: 'r2', name: { 'zh-CN': '回答', en: 'Answers' }, points: 60 },
    ];
    const scored = (points: Record<string, number>): SheetWork =>
      sheetWork('E', {
        stage: 'defense',
        work: work('defense', {
          defense: {
            segments: [],
            questions: [],
            rubric: Object.entries(points).map(([criterionId, p]) => ({ criterionId, points: p })),
          },
        }),
      });
    const means = rubricMeans([scored({ r1: 30 }), scored({ r1: 35 }), scored({ r1: 31 })], rubric);
    expect(means.map((m) => [m.criterion.id, m.mean, m.scoredBy])).toEqual([
      ['r1', 32, 3],
      ['r2', null, 0],
    ]);
  });
});

describe('thumbnails', () => {
  it('are for raster photos only', () => {
    expect(isThumbnailType('image/jpeg')).toBe(true);
    expect(isThumbnailType('image/png')).toBe(true);
    expect(isThumbnailType('image/svg+xml')).toBe(false);
    expect(isThumbnailType('application/pdf')).toBe(false);
  });
});
