import { afterAll, describe, expect, it } from 'vitest';
import type { OfficePanelRow } from '../../../../../src-renderer/data/office-rows';
import { StageView } from '../../../../../src-renderer/features/office/results/applicant-stage-page';
import { ResultsView } from '../../../../../src-renderer/features/office/results/results-page';
import type { CycleData } from '../../../../../src-renderer/features/office/results/use-cycle-results';
import { defaultCycleSettings } from '../../../../../src-shared/office/cycle-settings';
import { criteria, FIVE, flatSheet, sheet } from '../../../../shared/office/office-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderHtml } from './render-support';

const db = openTestDatabase('results-page');
afterAll(() => db.delete());

const at = '2026-03-02T08:00:00.000Z';

function panelRow(
  stage: OfficePanelRow['stage'],
  applicantIds: string[],
  expertIds: readonly string[],
): OfficePanelRow {
  return {
    v: 1,
    id: `panel-${stage}`,
    cycleId: 'C',
    stage,
    name: `${stage} 组`,
    leaderId: expertIds[0] ?? '',
    expertIds: [...expertIds],
    applicantIds,
    createdAt: at,
    updatedAt: at,
  };
}

/** One material panel of five on A and B; A's sheets all in, B's three of five; the inbox and registry answered. */
function data(overrides: Partial<CycleData> = {}): CycleData {
  return {
    cycle: {
      v: 1,
      id: 'C',
      revision: 1,
      settings: {
        ...defaultCycleSettings(2026),
        stages: ['material'],
        stageWeights: { material: 100 },
        combination: 'mean',
      },
      history: [],
      assignmentsIssued: 2,
      createdAt: at,
      updatedAt: at,
    },
    criteria,
    applicantNames: new Map([
      ['A', '甲公司'],
      ['B', '乙公司'],
    ]),
    expertNames: new Map([['E1', '张一']]),
    panels: [panelRow('material', ['A', 'B'], FIVE)],
    inbox: {
      sheets: [
        ...FIVE.map((e) => flatSheet(e, 70, 'A')),
        ...['E1', 'E2', 'E3'].map((e) => sheet(e, { '4.1.2': e === 'E1' ? 20 : 60 }, 60, 'B')),
      ],
      skipped: [],
      recusals: [],
    },
    works: [],
    consensusRows: [],
    decision: undefined,
    warnings: [],
    ...overrides,
  };
}

describe('ResultsView', () => {
  it('puts the stage table, ranking, severity, recommendation and export on one page', () => {
    const html = renderHtml(<ResultsView data={data()} reload={() => undefined} />, db);
    expect(html).toContain('已接收 8 份评分表');
    expect(html).toContain('>甲公司</a>');
    expect(html).toContain('3/5 份');
    expect(html).toContain('1 项：4.1.2');
    expect(html).toContain('综合排名');
    expect(html).toContain('专家评分宽严度');
    expect(html).toContain('质量奖 0/5 个，提名奖 0/10 个');
    expect(html).toContain('导出 CSV');
  });

  it('shows what main could not give, and the way to the panels page before any panel exists', () => {
    const html = renderHtml(
      <ResultsView
        data={data({
          panels: [],
          inbox: { sheets: [], skipped: [], recusals: [] },
          warnings: [{ code: 'E_LOCKED', message: 'locked' }],
        })}
        reload={() => undefined}
      />,
      db,
    );
    expect(html).toContain('E_LOCKED');
    expect(html).toContain('尚未组建评审组');
    expect(html).toContain('href="#/office/cycles/C/panels"');
  });
});

describe('StageView', () => {
  it('shows the facts, matrix and consensus form of one applicant at one stage', () => {
    const html = renderHtml(<StageView data={data()} stage="material" applicantId="B" reload={() => undefined} />, db);
    expect(html).toContain('乙公司（材料评审）');
    expect(html).toContain('未收到：E4、E5');
    expect(html).toContain('专家评分矩阵');
    expect(html).toContain('组长：张一');
  });

  it('says when the panel has no sheets yet, and when the applicant has no panel at the stage', () => {
    const empty = renderHtml(
      <StageView
        data={data({ inbox: { sheets: [], skipped: [], recusals: [] } })}
        stage="material"
        applicantId="A"
        reload={() => undefined}
      />,
      db,
    );
    expect(empty).toContain('尚未收到此评审组的评分表');
    expect(empty).not.toContain('专家评分矩阵');
    const none = renderHtml(<StageView data={data()} stage="material" applicantId="Z" reload={() => undefined} />, db);
    expect(none).toContain('此申报组织在该阶段没有评审组');
  });
});
