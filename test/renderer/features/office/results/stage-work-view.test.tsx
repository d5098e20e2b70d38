import { afterAll, describe, expect, it } from 'vitest';
import type { OfficePanelRow } from '../../../../../src-renderer/data/office-rows';
import { StageView } from '../../../../../src-renderer/features/office/results/applicant-stage-page';
import { EvidenceFiles } from '../../../../../src-renderer/features/office/results/evidence-files';
import { ItemFindings } from '../../../../../src-renderer/features/office/results/item-findings';
import type { SheetWork } from '../../../../../src-renderer/features/office/results/sheet-works';
import { itemFindings } from '../../../../../src-renderer/features/office/results/sheet-works';
import { StageWorkSection } from '../../../../../src-renderer/features/office/results/stage-work-section';
import type { CycleData } from '../../../../../src-renderer/features/office/results/use-cycle-results';
import { defaultCycleSettings } from '../../../../../src-shared/office/cycle-settings';
import type { StageSetup } from '../../../../../src-shared/stages/stage-setup';
import { criteria, flatSheet } from '../../../../shared/office/office-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { evidence, issue, work } from '../support/stage-work-fixtures';
import { renderHtml } from './render-support';

const db = openTestDatabase('stage-work-view');
afterAll(() => db.delete());

const at = '2026-06-02T08:00:00.000Z';
const setup: StageSetup = {
  ...defaultCycleSettings(2026).stageSetup,
  defenseRubric: [
    { id: 'r1', name: { 'zh-CN': '陈述清晰', en: 'Clarity' }, points: 40 },
    { id: 'r2', name: { 'zh-CN': '回答准确', en: 'Accuracy' }, points: 60 },
  ],
};

const photo = evidence('ph1', '1', { caption: '能源计量台账', issueIds: ['i1'] });
const scan = evidence('doc1', '2', { itemIds: ['4.1.1'], mediaType: 'application/pdf', name: '制度.pdf' });

const defenseWork = (points: number, used: number): SheetWork => ({
  expertId: points === 30 ? 'E1' : 'E2',
  applicantId: 'A',
  stage: 'defense',
  attachments: [],
  work: work('defense', {
    changes: [{ itemId: '4.1.1', fromStage: 'material', previousPercent: 60, percent: 70, reason: '答辩补充了数据' }],
    defense: {
      segments: [{ id: 'presentation', plannedMinutes: 15, usedSeconds: used }],
      questions: [
        {
          id: 'q1',
          at: '2026-06-02T03:10Z',
          question: '如何测量顾客满意度？',
          answer: '第三方调查',
          itemIds: ['4.1.1'],
        },
      ],
      rubric: [{ criterionId: 'r1', points }],
    },
  }),
});

const siteWork: SheetWork = {
  expertId: 'E1',
  applicantId: 'A',
  stage: 'site',
  attachments: [],
  work: work('site', {
    issues: [issue('i1', { status: 'not-confirmed', finding: '台账缺 3 个月', text: '核实能源计量' })],
    site: {
      interviews: [
        {
          id: 'v1',
          role: '能源主管',
          at: '2026-06-03T02:00Z',
          topics: '计量',
          itemIds: ['4.1.1'],
          findings: '口径一致',
        },
      ],
      documents: [{ id: 'd1', title: '能源管理制度', number: 'EM-02', page: 3, itemIds: ['4.1.1'] }],
      themes: [
        { id: 't1', kind: 'strength', text: '领导重视质量' },
        { id: 't2', kind: 'ofi', text: '数据分析不足' },
      ],
    },
    evidence: [photo, scan],
  }),
};

describe('StageWorkSection', () => {
  const expertName = (id: string): string => ({ E1: '张一', E2: '王二' })[id] ?? id;

  it('shows each expert’s defense beside the plan, with overrun, questions, rubric points and the panel’s means', () => {
    const html = renderHtml(
      <StageWorkSection
        works={[defenseWork(30, 1000), defenseWork(34, 600)]}
        setup={setup}
        expertName={expertName}
        itemName={(id) => id}
      />,
      db,
    );
    expect(html).toContain('各专家的阶段记录');
    expect(html).toContain('评审组答辩评分细则平均分');
    expect(html).toContain('陈述清晰：平均 32 分（满分 40，2 位专家评分）');
    expect(html).toContain('回答准确：平均 — 分（满分 60，0 位专家评分）');
    expect(html).toContain('张一');
    expect(html).toContain('超时 1:40');
    expect(html.match(/超时/g)).toHaveLength(1);
    expect(html).toContain('如何测量顾客满意度？');
    expect(html).toContain('30 / 40 分');
    expect(html).toContain('材料评审：60% → 70%');
    expect(html).toContain('答辩补充了数据');
  });

  it('shows the site visit: issues with status and finding, interviews, documents and key themes', () => {
    const html = renderHtml(
      <StageWorkSection works={[siteWork]} setup={setup} expertName={expertName} itemName={(id) => id} />,
      db,
      'en',
    );
    expect(html).toContain('Not confirmed');
    expect(html).toContain('台账缺 3 个月');
    expect(html).toContain('能源主管');
    expect(html).toContain('EM-02');
    expect(html).toContain('Key strengths (1)');
    expect(html).toContain('Evidence files (2)');
  });

  it('stays usable for sheets sent before stage work existed', () => {
    const old: SheetWork = { ...siteWork, work: null };
    const html = renderHtml(
      <StageWorkSection works={[old]} setup={setup} expertName={expertName} itemName={(id) => id} />,
      db,
    );
    expect(html).toContain('本阶段的评分表没有附阶段记录');
  });
});

describe('evidence and item findings', () => {
  it('shows photos as thumbnails being read and other files as named links, each with what it is linked to', () => {
    const work = siteWork.work;
    if (work === null) throw new Error('fixture');
    const html = renderHtml(<EvidenceFiles evidence={work.evidence} issues={work.issues} />, db);
    expect(html).toContain('正在读取照片…');
    expect(html).toContain('能源计量台账');
    expect(html).toContain('关联核实问题：核实能源计量');
    expect(html).toContain('打开文件“制度.pdf”（2 KB）');
    expect(html).toContain('关联评分项：4.1.1');
  });

  it('lists every expert’s findings on the item', () => {
    const html = renderHtml(
      <ItemFindings
        findings={itemFindings([siteWork, defenseWork(30, 100)], '4.1.1')}
        expertName={(id) => `专家${id}`}
      />,
      db,
    );
    expect(html).toContain('专家E1');
    expect(html).toContain('核实：核实能源计量（未证实）');
    expect(html).toContain('核实情况：台账缺 3 个月');
    expect(html).toContain('访谈（能源主管，2026-06-03 02:00 UTC）：口径一致');
    expect(html).toContain('查阅文件：能源管理制度（EM-02，第 3 页）');
    expect(html).toContain('答辩提问：如何测量顾客满意度？；回答：第三方调查');
  });
});

describe('StageView with stage work', () => {
  const panel: OfficePanelRow = {
    v: 1,
    id: 'panel-site',
    cycleId: 'C',
    stage: 'site',
    name: '现场组',
    leaderId: 'E1',
    expertIds: ['E1'],
    applicantIds: ['A'],
    createdAt: at,
    updatedAt: at,
  };
  const data = (works: readonly SheetWork[]): CycleData => ({
    cycle: {
      v: 1,
      id: 'C',
      revision: 1,
      settings: { ...defaultCycleSettings(2026), stageSetup: setup },
      history: [],
      assignmentsIssued: 1,
      createdAt: at,
      updatedAt: at,
    },
    criteria,
    applicantNames: new Map([['A', '甲公司']]),
    expertNames: new Map([['E1', '张一']]),
    panels: [panel],
    inbox: { sheets: [{ ...flatSheet('E1', 70, 'A'), stage: 'site' }], skipped: [], recusals: [] },
    works,
    consensusRows: [],
    decision: undefined,
    warnings: [],
  });

  it('lets each item row expand to the evidence and findings, and shows the experts’ records', () => {
    const html = renderHtml(
      <StageView data={data([siteWork])} stage="site" applicantId="A" reload={() => undefined} />,
      db,
    );
    expect(html.match(/aria-expanded="false"/g)).toHaveLength(criteria.categories.flatMap((c) => c.items).length);
    expect(html).toContain('aria-label="显示或收起评分项 4.1.2 的证据与发现"');
    expect(html).toContain('data-testid="work-张一"');
  });

  it('works as before when no sheet carries stage work', () => {
    const html = renderHtml(
      <StageView data={data([{ ...siteWork, work: null }])} stage="site" applicantId="A" reload={() => undefined} />,
      db,
    );
    expect(html).toContain('专家评分矩阵');
    expect(html).not.toContain('aria-expanded');
    expect(html).toContain('本阶段的评分表没有附阶段记录');
  });
});
