import { describe, expect, it } from 'vitest';
import type { ExpertRecord } from '../../../../../src-shared/contract/office-channels';
import type { Material } from '../../../../../src-shared/office/applicant-schema';
import { defaultCycleSettings } from '../../../../../src-shared/office/cycle-settings';
import type {
  OfficeApplicantRow,
  OfficePanelIssue,
  OfficePanelRow,
} from '../../../../../src-renderer/data/office-rows';
import { panelMaterials } from '../../../../../src-renderer/features/office/panels/issue-payload';
import { issueRequests } from '../../../../../src-renderer/features/office/panels/panel-rules';
import { applicant, USCC_MIDONG, USCC_XINSHI } from '../../../../shared/office/applicant-fixtures';

const li: ExpertRecord = {
  expertId: 'e-li',
  profile: { name: '李明', workUnit: '新疆大学', title: '', phone: '0991 1234567', fields: [] },
  fingerprint: 'ab'.repeat(32),
  signingPublicKey: 'k',
  receivingPublicKey: 'r',
  enrollmentPackageId: 'p',
  enrolledAt: 't',
  status: 'confirmed',
  confirmedBy: '张科长',
  confirmedAt: 't',
  revokedAt: null,
  revokeReason: null,
};

const pdf = (name: string, c: string, commercialSecret = false): Material => ({
  fileName: name,
  sha256: c.repeat(64),
  size: 1000,
  commercialSecret,
});

function row(id: string, name: string, uscc: string, materials: Material[], stored?: string[]): OfficeApplicantRow {
  return {
    v: 1,
    id,
    cycleId: 'c',
    record: applicant({ name, uscc, materials }),
    summaries: [],
    judgements: [],
    ...(stored === undefined ? {} : { storedMaterials: stored }),
    createdAt: 't',
    updatedAt: 't',
  };
}

const dairy = row(
  'a-dairy',
  '乳业公司',
  USCC_MIDONG,
  [pdf('申报书.pdf', 'a', true), pdf('附件.pdf', 'b')],
  ['a'.repeat(64), 'b'.repeat(64)],
);
const institute = row('a-inst', '研究院', USCC_XINSHI, [pdf('研究院申报书.pdf', 'c')], ['c'.repeat(64)]);
const settings = {
  ...defaultCycleSettings(2026),
  stageSetup: { ...defaultCycleSettings(2026).stageSetup, evidenceMaxBytes: 8 * 1024 * 1024 },
};

function panelIssue(id: string, applicantId: string, patch: Partial<OfficePanelIssue> = {}): OfficePanelIssue {
  return { id, applicantId, itemIds: ['4.1.1'], kind: 'verify', text: `核实 ${id}`, source: null, ...patch };
}

function panel(patch: Partial<OfficePanelRow> = {}): OfficePanelRow {
  return {
    v: 1,
    id: 'panel-site',
    cycleId: 'c',
    stage: 'site',
    name: '现场组',
    leaderId: 'e-li',
    expertIds: ['e-li'],
    applicantIds: ['a-dairy'],
    issues: [panelIssue('p1', 'a-dairy', { source: { expertId: 'e-x', issueId: 'i9' } }), panelIssue('p2', 'a-inst')],
    createdAt: 't',
    updatedAt: 't',
    ...patch,
  };
}

const input = {
  cycleId: 'c',
  settings,
  others: [],
  deadline: '2026-06-30',
  experts: [li],
  applicants: [dairy, institute],
  declared: [],
};

describe('issuing carries the cycle’s stage setup, the materials and the panel’s issues', () => {
  it('includes only the panel’s applicants’ materials and issues, without the office’s own fields', () => {
    const { requests, problems } = issueRequests({ ...input, panel: panel() });
    expect(problems).toEqual([]);
    expect(requests).toHaveLength(1);
    const request = requests[0];
    expect(request?.stageSetup).toEqual(settings.stageSetup);
    expect(request?.materials).toEqual([
      { applicantId: 'a-dairy', sha256: 'a'.repeat(64), size: 1000, name: '申报书.pdf', commercialSecret: true },
      { applicantId: 'a-dairy', sha256: 'b'.repeat(64), size: 1000, name: '附件.pdf', commercialSecret: false },
    ]);
    expect(request?.panelIssues).toEqual([
      { id: 'p1', applicantId: 'a-dairy', itemIds: ['4.1.1'], kind: 'verify', text: '核实 p1' },
    ]);
  });

  it('sends issues only at the site visit, and no empty lists', () => {
    const material = issueRequests({ ...input, panel: panel({ stage: 'material', applicantIds: ['a-inst'] }) });
    expect(material.requests[0]).not.toHaveProperty('panelIssues');
    expect(material.requests[0]?.materials).toHaveLength(1);
    const bare = issueRequests({
      ...input,
      applicants: [row('a-dairy', '乳业公司', USCC_MIDONG, [])],
      panel: panel({ issues: [] }),
    });
    expect(bare.requests[0]).not.toHaveProperty('materials');
    expect(bare.requests[0]).not.toHaveProperty('panelIssues');
    expect(bare.requests[0]?.stageSetup).toEqual(settings.stageSetup);
  });

  it('blocks issuing while a material’s file was never stored, naming it', () => {
    const old = row('a-dairy', '乳业公司', USCC_MIDONG, [pdf('旧申报书.pdf', 'd')]);
    const { requests, problems } = issueRequests({ ...input, applicants: [old, institute], panel: panel() });
    expect(requests).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.subject).toBe('乳业公司');
    expect(problems[0]?.error.code).toBe('E_PANEL_INVALID');
    expect(String(problems[0]?.error.params?.detail)).toContain('旧申报书.pdf');
    expect(String(problems[0]?.error.params?.detailEn)).toContain('旧申报书.pdf');
  });

  it('blocks issuing an incomplete issue to verify', () => {
    const { requests, problems } = issueRequests({
      ...input,
      panel: panel({ issues: [panelIssue('p1', 'a-dairy', { itemIds: [] })] }),
    });
    expect(requests).toEqual([]);
    expect(problems.map((p) => p.error.code)).toEqual(['E_PANEL_INVALID']);
  });

  it('lists a stored material once per applicant, in the panel’s order', () => {
    const both = panelMaterials({ applicantIds: ['a-inst', 'a-dairy'] }, [dairy, institute]);
    expect(both.problems).toEqual([]);
    expect(both.materials.map((m) => m.name)).toEqual(['研究院申报书.pdf', '申报书.pdf', '附件.pdf']);
  });
});
