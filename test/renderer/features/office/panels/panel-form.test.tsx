import { afterEach, describe, expect, it } from 'vitest';
import type { ExpertRecord } from '../../../../../src-shared/contract/office-channels';
import { defaultCycleSettings } from '../../../../../src-shared/office/cycle-settings';
import type { OfficeApplicantRow } from '../../../../../src-renderer/data/office-rows';
import { IssueStatus } from '../../../../../src-renderer/features/office/panels/issue-status';
import type { PanelsData } from '../../../../../src-renderer/features/office/panels/load-panels-data';
import { PanelForm } from '../../../../../src-renderer/features/office/panels/panel-form';
import { applicant, USCC_MIDONG, USCC_XINSHI } from '../../../../shared/office/applicant-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderStatic, testServices, type TestLang } from '../../../support/static-render';

const db = openTestDatabase('panel-form');
afterEach(async () => {
  await db.delete();
});

const services = { ...testServices(db), newId: () => 'new-id' };

function expert(expertId: string, name: string, workUnit: string, status: ExpertRecord['status']): ExpertRecord {
  return {
    expertId,
    profile: { name, workUnit, title: '', phone: '', fields: [] },
    fingerprint: 'ab'.repeat(32),
    signingPublicKey: 'k',
    receivingPublicKey: 'r',
    enrollmentPackageId: 'p',
    enrolledAt: 't',
    status,
    confirmedBy: null,
    confirmedAt: null,
    revokedAt: null,
    revokeReason: null,
  };
}

function row(id: string, name: string, uscc: string): OfficeApplicantRow {
  const at = '2026-03-01T08:00:00.000Z';
  const record = applicant({ name, uscc });
  return { v: 1, id, cycleId: 'c', record, summaries: [], judgements: [], createdAt: at, updatedAt: at };
}

const data: PanelsData = {
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
  applicants: [row('a-dairy', '乌鲁木齐示例乳业有限公司', USCC_MIDONG), row('a-inst', '新疆质量研究院', USCC_XINSHI)],
  panels: [],
  experts: [
    expert('e-li', '李明', '新疆质量研究院', 'confirmed'),
    expert('e-wang', '王芳', '新疆大学', 'pending'),
    expert('e-zhao', '赵强', '新疆大学', 'revoked'),
    expert('e-sun', '孙丽', '新疆财经大学', 'revoked'),
  ],
  declared: [],
  issued: [],
  reviewIssues: [],
  items: [],
};

function renderForm(expertIds: string[], applicantIds: string[], lang: TestLang = 'zh-CN'): string {
  const initial = {
    id: 'p1',
    cycleId: 'c',
    stage: 'material' as const,
    name: '第一评审组',
    leaderId: '',
    expertIds,
    applicantIds,
  };
  return renderStatic(
    <PanelForm
      initial={initial}
      isNew
      issuedBefore={false}
      data={data}
      onSaved={() => undefined}
      onCancel={() => undefined}
    />,
    { lang, services },
  );
}

describe('the panel form', () => {
  it('offers confirmed experts, keeps a revoked member listed to be taken off, and hides pending ones', () => {
    const html = renderForm(['e-sun'], []);
    expect(html).toContain('李明');
    expect(html).not.toContain('王芳');
    expect(html).not.toContain('赵强');
    expect(html).toContain('孙丽');
    expect(html).toContain('（已吊销，请移出本组）');
    expect(html).toContain('新建评审组（材料评审）');
  });

  it('lets only a member be chosen as leader', () => {
    const html = renderForm(['e-sun'], []);
    const leaders = html.match(/<input type="radio"[^>]*>/g) ?? [];
    expect(leaders).toHaveLength(2);
    expect(leaders.filter((input) => input.includes('disabled'))).toHaveLength(1);
    expect(html).toContain('李明 任组长');
  });

  it('shows each conflicting pair with its reason, live, in the UI language', () => {
    const clean = renderForm(['e-li'], ['a-dairy']);
    expect(clean).toContain('所选专家与申报组织之间未发现利益冲突。');
    const zh = renderForm(['e-li'], ['a-dairy', 'a-inst']);
    expect(zh).toContain('发现 1 处利益冲突，须调整后才能保存：');
    expect(zh).toContain('<td>李明</td><td>新疆质量研究院</td><td>专家的工作单位即为该申报组织</td>');
    const en = renderForm(['e-li'], ['a-inst'], 'en');
    expect(en).toContain('the expert’s work unit is this applicant');
  });
});

describe('the issue status', () => {
  it('says how many were issued, offers each file again and lists main’s refusals with their messages', () => {
    const html = renderStatic(
      <IssueStatus
        state={{
          phase: 'done',
          files: [{ fileName: 'assignment-c-material-李明-1.qapkg', base64: 'AA==', expertId: 'e-li', panelId: 'p1' }],
          problems: [{ subject: '王芳', error: { code: 'E_EXPERT_UNCONFIRMED', params: { name: '王芳' } } }],
          folder: null,
        }}
      />,
    );
    expect(html).toContain('已签发 1 份任务包。');
    expect(html).toContain('下载 assignment-c-material-李明-1.qapkg');
    expect(html).toContain('专家“王芳”的密钥指纹尚未经人工核对确认，暂不能分配任务。');
  });

  it('shows progress while issuing', () => {
    const html = renderStatic(<IssueStatus state={{ phase: 'busy', done: 2, total: 5 }} />, { lang: 'en' });
    expect(html).toContain('Issuing: 2 / 5');
    expect(html).toMatch(/<progress[^>]*max="5"[^>]*value="2"/);
  });
});
