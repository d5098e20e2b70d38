import { afterAll, describe, expect, it } from 'vitest';
import { defaultCycleSettings } from '../../../../../src-shared/office/cycle-settings';
import type { ExpertRecord } from '../../../../../src-shared/contract/office-channels';
import type { OfficeApplicantRow, OfficePanelRow } from '../../../../../src-renderer/data/office-rows';
import type { PanelsData } from '../../../../../src-renderer/features/office/panels/load-panels-data';
import { PanelCard } from '../../../../../src-renderer/features/office/panels/panel-card';
import { applicant, USCC_MIDONG, USCC_XINSHI } from '../../../../shared/office/applicant-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderStatic, testServices, type TestLang } from '../../../support/static-render';

const db = openTestDatabase('panel-issues-editor');
afterAll(() => db.delete());

const li: ExpertRecord = {
  expertId: 'e-li',
  profile: { name: '李明', workUnit: '新疆大学', title: '', phone: '', fields: [] },
  fingerprint: 'ab'.repeat(32),
  signingPublicKey: 'k',
  receivingPublicKey: 'r',
  enrollmentPackageId: 'p',
  enrolledAt: 't',
  status: 'confirmed',
  confirmedBy: null,
  confirmedAt: null,
  revokedAt: null,
  revokeReason: null,
};

function row(id: string, name: string, uscc: string): OfficeApplicantRow {
  return {
    v: 1,
    id,
    cycleId: 'c',
    record: applicant({ name, uscc }),
    summaries: [],
    judgements: [],
    createdAt: 't',
    updatedAt: 't',
  };
}

function panel(stage: OfficePanelRow['stage']): OfficePanelRow {
  return {
    v: 1,
    id: `panel-${stage}`,
    cycleId: 'c',
    stage,
    name: `${stage} 组`,
    leaderId: 'e-li',
    expertIds: ['e-li'],
    applicantIds: ['a-dairy', 'a-inst'],
    issues: [
      {
        id: 'p1',
        applicantId: 'a-dairy',
        itemIds: ['4.1.2', '4.6.2'],
        kind: 'clarify',
        text: '请说明能耗数据口径',
        source: { expertId: 'e-li', issueId: 'i1' },
      },
    ],
    createdAt: 't',
    updatedAt: 't',
  };
}

function data(items: PanelsData['items']): PanelsData {
  return {
    cycle: {
      v: 1,
      id: 'c',
      revision: 1,
      settings: defaultCycleSettings(2026),
      history: [],
      assignmentsIssued: 0,
      createdAt: 't',
      updatedAt: 't',
    },
    applicants: [row('a-dairy', '乳业公司', USCC_MIDONG), row('a-inst', '研究院', USCC_XINSHI)],
    panels: [],
    experts: [li],
    declared: [],
    issued: [],
    reviewIssues: [],
    items,
  };
}

const items = [
  { id: '4.1.2', name: { 'zh-CN': '高层领导的作用', en: 'Senior leaders' } },
  { id: '4.6.2', name: { 'zh-CN': '测量、分析和评价', en: 'Measurement' } },
];

function render(
  stage: OfficePanelRow['stage'],
  itemList: PanelsData['items'] = items,
  lang: TestLang = 'zh-CN',
): string {
  const noop = () => undefined;
  return renderStatic(
    <PanelCard
      panel={panel(stage)}
      data={data(itemList)}
      busy={false}
      onEdit={noop}
      onDelete={noop}
      onIssue={noop}
      onIssuesSaved={noop}
    />,
    { lang, services: testServices(db) },
  );
}

describe('a site-visit panel’s issues to verify', () => {
  it('are listed per applicant with kind, text, items and where they were collected from', () => {
    const html = render('site');
    expect(html).toContain('现场评审核实问题清单（1 条）');
    expect(html).toContain('从材料评审汇总');
    expect(html).toContain('aria-label="“乳业公司”的第 1 条核实问题"');
    expect(html).toContain('<option value="clarify" selected="">澄清</option>');
    expect(html).toContain('请说明能耗数据口径');
    expect(html).toContain('评分项：4.1.2、4.6.2');
    expect(html).toContain('来自 李明 的材料评审');
    expect(html).toContain('为“研究院”添加核实问题');
    expect(html).toContain('尚无核实问题。');
    // Nothing changed yet: nothing to save.
    expect(html).toMatch(/<button type="button" class="primary" disabled="">保存核实问题<\/button>/);
  });

  it('take typed item numbers when the criteria could not be read', () => {
    const html = render('site', []);
    expect(html).toContain('评分项编号（用逗号分隔');
    expect(html).toContain('value="4.1.2, 4.6.2"');
  });

  it('are not offered for panels of other stages', () => {
    expect(render('material')).not.toContain('核实问题清单');
  });

  it('read in English', () => {
    const html = render('site', items, 'en');
    expect(html).toContain('Issues to verify on site (1)');
    expect(html).toContain('Collect from material review');
  });
});
