import { describe, expect, it } from 'vitest';
import type { ExpertRecord, InboxPackage } from '../../../../../src-shared/contract/office-channels';
import { defaultCycleSettings } from '../../../../../src-shared/office/cycle-settings';
import type { OfficeApplicantRow, OfficePanelRow } from '../../../../../src-renderer/data/office-rows';
import {
  assignable,
  assignmentCycle,
  declaredConflicts,
  deleteProblem,
  issueRequests,
  panelFindings,
  panelNames,
  panelWorkload,
  saveProblems,
} from '../../../../../src-renderer/features/office/panels/panel-rules';
import { applicant, USCC_MIDONG, USCC_XINSHI } from '../../../../shared/office/applicant-fixtures';

const fingerprint = 'ab12'.repeat(16);

function expert(expertId: string, name: string, workUnit: string, patch: Partial<ExpertRecord> = {}): ExpertRecord {
  return {
    expertId,
    profile: { name, workUnit, title: '高级工程师', phone: '0991 1234567', fields: ['质量管理'] },
    fingerprint,
    signingPublicKey: 'k',
    receivingPublicKey: 'r',
    enrollmentPackageId: `enrollment-${expertId}`,
    enrolledAt: '2026-03-01T08:00:00.000Z',
    status: 'confirmed',
    confirmedBy: '张科长',
    confirmedAt: '2026-03-01T09:00:00.000Z',
    revokedAt: null,
    revokeReason: null,
    ...patch,
  };
}

function row(id: string, cycleId: string, name: string, uscc: string): OfficeApplicantRow {
  return {
    v: 1,
    id,
    cycleId,
    record: applicant({ name, uscc }),
    summaries: [{ categoryId: 'c1', text: '领导作用摘要' }],
    judgements: [],
    createdAt: 't',
    updatedAt: 't',
  };
}

function declaration(cycleId: string, issuer: string, applicantId: string, conflict: boolean): InboxPackage {
  return {
    packageId: `p-${issuer}-${applicantId}`,
    receivedAt: '2026-03-05T08:00:00.000Z',
    payloadSha256: 'c'.repeat(64),
    payload: {
      schema: 'scorebook.declaration/1',
      kind: 'declaration',
      packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
      cycleId,
      issuer,
      keyId: fingerprint,
      createdAt: '2026-03-05T08:00:00.000Z',
      app: { name: 'Scorebook', version: 'test' },
      stage: 'material',
      applicantId,
      assignmentId: 'assignment-1',
      assignmentHash: 'd'.repeat(64),
      seq: 1,
      prevHash: null,
      conflict,
      grounds: conflict ? [{ ground: 'employment', text: '曾在该单位任职' }] : [],
      correctionReason: null,
    },
  };
}

const li = expert('e-li', '李明', '新疆质量研究院');
const wang = expert('e-wang', '王芳', '新疆大学');
const dairy = row('a-dairy', 'cycle-2026', '乌鲁木齐示例乳业有限公司', USCC_MIDONG);
const institute = row('a-institute', 'cycle-2026', '新疆质量研究院', USCC_XINSHI);
const settings = defaultCycleSettings(2026);

function panel(patch: Partial<OfficePanelRow> = {}): OfficePanelRow {
  return {
    v: 1,
    id: 'panel-1',
    cycleId: 'cycle-2026',
    stage: 'material',
    name: '第一评审组',
    leaderId: 'e-li',
    expertIds: ['e-li', 'e-wang'],
    applicantIds: ['a-dairy'],
    createdAt: 't',
    updatedAt: 't',
    ...patch,
  };
}

const input = {
  cycleId: 'cycle-2026',
  settings,
  others: [],
  deadline: '2026-04-30',
  experts: [li, wang],
  applicants: [dairy, institute],
  declared: [],
};

describe('declared conflicts', () => {
  it('are the accepted declarations with a conflict in that cycle, with the credit code from its register', () => {
    const packages = [
      declaration('cycle-2025', 'e-wang', 'old-dairy', true),
      declaration('cycle-2025', 'e-li', 'old-other', true),
      declaration('cycle-2025', 'e-li', 'old-dairy', false),
      declaration('cycle-2024', 'e-li', 'old-dairy', true),
    ];
    const register = [row('old-dairy', 'cycle-2025', '乌鲁木齐示例乳业有限公司', USCC_MIDONG)];
    expect(declaredConflicts('cycle-2025', packages, register)).toEqual([
      { expertId: 'e-wang', cycleId: 'cycle-2025', applicantId: 'old-dairy', uscc: USCC_MIDONG },
      { expertId: 'e-li', cycleId: 'cycle-2025', applicantId: 'old-other', uscc: null },
    ]);
  });
});

describe('conflicts of a panel', () => {
  it('find the work unit, a declaration of this cycle and one of an earlier cycle for the same organisation', () => {
    const declared = [
      { expertId: 'e-wang', cycleId: 'cycle-2026', applicantId: 'a-institute', uscc: USCC_XINSHI },
      { expertId: 'e-wang', cycleId: 'cycle-2025', applicantId: 'old-dairy', uscc: USCC_MIDONG },
    ];
    const draft = { cycleId: 'cycle-2026', expertIds: ['e-li', 'e-wang'], applicantIds: ['a-dairy', 'a-institute'] };
    const findings = panelFindings(draft, [li, wang], [dairy, institute], declared);
    expect(findings.map((f) => [f.params.expert, f.params.applicant, f.reason])).toEqual([
      ['李明', '新疆质量研究院', 'work-unit'],
      ['王芳', '乌鲁木齐示例乳业有限公司', 'earlier'],
      ['王芳', '新疆质量研究院', 'declared'],
    ]);
    expect(panelFindings({ ...draft, applicantIds: [] }, [li, wang], [dairy, institute], declared)).toEqual([]);
  });

  it('block saving with every conflict listed after the panel rules', () => {
    const draft = panel({ leaderId: '', applicantIds: ['a-institute'] });
    const findings = panelFindings(draft, [li, wang], [dairy, institute], []);
    const problems = saveProblems(draft, [], findings, panelNames([li, wang], [dairy, institute]));
    expect(problems.map((p) => p.error.code)).toEqual(['E_PANEL_INVALID', 'E_CONFLICT']);
    expect(problems[1]?.error.params).toMatchObject({ expert: '李明', applicant: '新疆质量研究院' });
  });
});

describe('issuing a panel', () => {
  it('makes one request per expert with the cycle, its rules and the applicants’ expert profiles', () => {
    const result = issueRequests({ ...input, panel: panel() });
    expect(result.problems).toEqual([]);
    expect(result.requests.map((r) => r.expertId)).toEqual(['e-li', 'e-wang']);
    const first = result.requests[0];
    expect(first).toMatchObject({
      cycle: { id: 'cycle-2026', year: 2026, demo: false, stages: ['material', 'defense', 'site'] },
      commentRules: settings.commentRules,
      pledgeText: settings.pledgeText,
      stage: 'material',
      deadline: '2026-04-30',
      panelId: 'panel-1',
      applicants: [{ id: 'a-dairy', name: '乌鲁木齐示例乳业有限公司', district: '米东区', foundedYear: 2011 }],
    });
    expect(first?.applicants[0]).not.toHaveProperty('contact');
  });

  it('issues nothing while a conflict, an unconfirmed or revoked expert or an incomplete applicant remains', () => {
    const pending = expert('e-zhao', '赵强', '新疆大学', { status: 'pending', confirmedBy: null, confirmedAt: null });
    const revoked = expert('e-sun', '孙丽', '新疆大学', { status: 'revoked', revokedAt: 't', revokeReason: '遗失' });
    const noDistrict = { ...dairy, record: { ...dairy.record, district: null } };
    const result = issueRequests({
      ...input,
      experts: [li, wang, pending, revoked],
      applicants: [noDistrict, institute],
      panel: panel({ expertIds: ['e-li', 'e-zhao', 'e-sun'], applicantIds: ['a-dairy', 'a-institute', 'a-gone'] }),
    });
    expect(result.requests).toEqual([]);
    expect(result.problems.map((p) => [p.subject, p.error.code])).toEqual([
      [null, 'E_CONFLICT'],
      [null, 'E_EXPERT_UNCONFIRMED'],
      ['孙丽', 'E_KEY_REVOKED'],
      ['乌鲁木齐示例乳业有限公司', 'E_APPLICANT_REQUIRED'],
      [null, 'E_PANEL_INVALID'],
    ]);
  });

  it('checks the panel rules again against the other panels of the stage', () => {
    const other = panel({ id: 'panel-2', name: '第二评审组', expertIds: ['e-wang'], leaderId: 'e-wang' });
    const result = issueRequests({ ...input, others: [other], panel: panel() });
    expect(result.problems.map((p) => p.error.code)).toEqual(['E_PANEL_INVALID']);
  });
});

describe('the cycle assignments carry', () => {
  it('falls back to the Chinese name when no English one is set, and is never a demo', () => {
    const cycle = assignmentCycle('c', { ...settings, name: { 'zh-CN': '2026年度质量奖', en: ' ' } });
    expect(cycle).toEqual({
      id: 'c',
      name: { 'zh-CN': '2026年度质量奖', en: '2026年度质量奖' },
      year: 2026,
      measuresVersion: settings.measuresVersion,
      criteriaId: 'gbt19580-2012',
      stages: settings.stages,
      demo: false,
    });
  });
});

describe('panel membership and deletion', () => {
  it('lets only confirmed experts be chosen', () => {
    expect(assignable(li)).toBe(true);
    expect(assignable(expert('x', 'x', 'x', { status: 'pending' }))).toBe(false);
    expect(assignable(expert('x', 'x', 'x', { status: 'revoked' }))).toBe(false);
  });

  it('keeps a panel whose assignments are issued', () => {
    expect(deleteProblem(panel(), 0)).toBeUndefined();
    expect(deleteProblem(panel(), 2)?.error).toMatchObject({
      code: 'E_PANEL_INVALID',
      params: { detail: '评审组“第一评审组”已签发任务包，不能删除（可修改后重新签发）。' },
    });
  });
});

describe('the workload chart', () => {
  it('counts each panel’s experts and applicants, and its experts whose assignment is out', () => {
    const second = panel({ id: 'panel-2', name: '第二评审组', expertIds: ['e-zhao'], applicantIds: ['a-2', 'a-3'] });
    const issued = [
      { panelId: 'panel-1', expertId: 'e-li' },
      { panelId: 'panel-1', expertId: 'e-li' },
      { panelId: 'panel-2', expertId: 'e-wang' },
    ];
    expect(panelWorkload([panel(), second], issued)).toEqual([
      { panelId: 'panel-1', name: '第一评审组', experts: 2, applicants: 1, issued: 1 },
      { panelId: 'panel-2', name: '第二评审组', experts: 1, applicants: 2, issued: 0 },
    ]);
  });
});
