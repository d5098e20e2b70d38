import type { Cycle } from '../../../../src-shared/assignments/assignment-schema';
import type { ChannelRequest } from '../../../../src-shared/contract/channels';
import type { ExpertRecord, InboxPackage } from '../../../../src-shared/contract/office-channels';
import type { AppError } from '../../../../src-shared/contract/result';
import { toExpertProfile } from '../../../../src-shared/office/applicant-profile';
import { panelConflicts, type ConflictFinding, type DeclaredConflict } from '../../../../src-shared/office/conflicts';
import type { CycleSettings } from '../../../../src-shared/office/cycle-settings';
import { formatFingerprint } from '../../../../src-shared/packages/ed25519';
import { checkPanel, type PanelDraft, type PanelNames } from '../../../data/office-panel-repository';
import type { OfficeApplicantRow, OfficePanelRow } from '../../../data/office-rows';
import { issueExtras } from './issue-payload';

/** A problem that stops a panel from being saved or issued, with what it concerns (an applicant, an expert). */
export interface PanelProblem {
  readonly subject: string | null;
  readonly error: Pick<AppError, 'code' | 'params'>;
}

export type IssueRequest = ChannelRequest<'office:assignment-issue'>;

/**
 * Conflicts experts declared (an accepted declaration with conflict: true) in one cycle, with the applicant's credit
 * code from that cycle's register so a later cycle can find the same organisation (conflicts.ts, `earlier`).
 */
export function declaredConflicts(
  cycleId: string,
  packages: readonly InboxPackage[],
  applicants: readonly OfficeApplicantRow[],
): DeclaredConflict[] {
  const uscc = new Map(applicants.map((row) => [row.id, row.record.uscc]));
  return packages.flatMap(({ payload }) =>
    payload.kind === 'declaration' && payload.conflict && payload.cycleId === cycleId
      ? [
          {
            expertId: payload.issuer,
            cycleId: payload.cycleId,
            applicantId: payload.applicantId,
            uscc: uscc.get(payload.applicantId) ?? null,
          },
        ]
      : [],
  );
}

/** Names for messages: the expert's enrolled name, the applicant's registered name; an unknown id stays an id. */
export function panelNames(experts: readonly ExpertRecord[], applicants: readonly OfficeApplicantRow[]): PanelNames {
  const expertName = new Map(experts.map((e) => [e.expertId, e.profile.name]));
  const applicantName = new Map(applicants.map((a) => [a.id, a.record.name]));
  return {
    expert: (id) => expertName.get(id) ?? id,
    applicant: (id) => applicantName.get(id) ?? id,
  };
}

/** Every conflict between the panel's experts and applicants (the live table of the form and the issue check). */
export function panelFindings(
  panel: Pick<PanelDraft, 'cycleId' | 'expertIds' | 'applicantIds'>,
  experts: readonly ExpertRecord[],
  applicants: readonly OfficeApplicantRow[],
  declared: readonly DeclaredConflict[],
): ConflictFinding[] {
  const members = experts
    .filter((e) => panel.expertIds.includes(e.expertId))
    .map((e) => ({ expertId: e.expertId, name: e.profile.name, workUnit: e.profile.workUnit }));
  const scored = applicants
    .filter((a) => panel.applicantIds.includes(a.id))
    .map((a) => ({ id: a.id, name: a.record.name, uscc: a.record.uscc }));
  return panelConflicts(members, scored, panel.cycleId, declared);
}

/** Only a confirmed expert whose key is not revoked can be put on a panel (issue 4 item 4). */
export function assignable(expert: ExpertRecord): boolean {
  return expert.status === 'confirmed';
}

/**
 * What keeps a panel from being saved: the panel rules (E_PANEL_INVALID), then each conflict (E_CONFLICT) — all
 * conflicts are listed so the office sees every pair to change at once.
 */
export function saveProblems(
  draft: PanelDraft,
  others: readonly OfficePanelRow[],
  findings: readonly ConflictFinding[],
  names: PanelNames,
): PanelProblem[] {
  const checked = checkPanel(draft, others, names);
  const problems: PanelProblem[] = checked.ok ? [] : [{ subject: null, error: checked.error }];
  return [
    ...problems,
    ...findings.map((f) => ({ subject: null, error: { code: 'E_CONFLICT' as const, params: f.params } })),
  ];
}

/** The cycle as assignments carry it; the English name falls back to the Chinese one (the schema needs both). */
export function assignmentCycle(cycleId: string, settings: CycleSettings): Cycle {
  const zh = settings.name['zh-CN'];
  return {
    id: cycleId,
    name: { 'zh-CN': zh, en: settings.name.en.trim() === '' ? zh : settings.name.en },
    year: Number(settings.periodStart.slice(0, 4)),
    measuresVersion: settings.measuresVersion,
    criteriaId: settings.criteriaId,
    stages: settings.stages,
    demo: false,
  };
}

export interface IssueInput {
  readonly cycleId: string;
  readonly settings: CycleSettings;
  readonly panel: OfficePanelRow;
  readonly others: readonly OfficePanelRow[];
  readonly deadline: string;
  readonly experts: readonly ExpertRecord[];
  readonly applicants: readonly OfficeApplicantRow[];
  readonly declared: readonly DeclaredConflict[];
}

/**
 * One office:assignment-issue request per expert of the panel, or every problem that keeps the panel from being
 * issued: the panel rules and conflicts as when saving (the register or the inbox may have changed since), an expert
 * not confirmed or revoked, an applicant without what the expert-facing profile needs (its district); since issue 5
 * also a material whose file is not stored and an incomplete issue to verify (issue-payload.ts).
 */
export function issueRequests(input: IssueInput): { requests: IssueRequest[]; problems: PanelProblem[] } {
  const { panel, experts, applicants } = input;
  const names = panelNames(experts, applicants);
  const problems = saveProblems(panel, input.others, panelFindings(panel, experts, applicants, input.declared), names);
  for (const expertId of panel.expertIds) {
    const expert = experts.find((e) => e.expertId === expertId);
    if (expert === undefined)
      problems.push({ subject: null, error: { code: 'E_EXPERT_UNKNOWN', params: { expertId } } });
    else if (expert.status === 'pending') {
      problems.push({ subject: null, error: { code: 'E_EXPERT_UNCONFIRMED', params: { name: expert.profile.name } } });
    } else if (expert.status === 'revoked') {
      const keyId = formatFingerprint(expert.fingerprint);
      problems.push({ subject: expert.profile.name, error: { code: 'E_KEY_REVOKED', params: { keyId } } });
    }
  }
  const profiles: IssueRequest['applicants'] = [];
  for (const applicantId of panel.applicantIds) {
    const row = applicants.find((a) => a.id === applicantId);
    if (row === undefined) {
      const detail = `申报组织 ${applicantId} 已不在本周期的名单中。`;
      const detailEn = `the applicant ${applicantId} is no longer registered in this cycle.`;
      problems.push({ subject: null, error: { code: 'E_PANEL_INVALID', params: { detail, detailEn } } });
      continue;
    }
    const profile = toExpertProfile(row.record, { id: row.id, summaries: row.summaries });
    if (profile.ok) profiles.push(profile.value);
    else problems.push({ subject: row.record.name, error: profile.error });
  }
  const extras = issueExtras({ settings: input.settings, panel, applicants, names });
  problems.push(...extras.problems);
  if (problems.length > 0) return { requests: [], problems };
  const cycle = assignmentCycle(input.cycleId, input.settings);
  const requests = panel.expertIds.map((expertId) => ({
    cycle,
    commentRules: input.settings.commentRules,
    pledgeText: input.settings.pledgeText,
    stage: panel.stage,
    deadline: input.deadline,
    panelId: panel.id,
    expertId,
    applicants: profiles,
    ...extras.extras,
  }));
  return { requests, problems: [] };
}

/** A panel whose assignments are out stays: the issued packages and the inbox refer to it by id. */
export function deleteProblem(panel: OfficePanelRow, issuedCount: number): PanelProblem | undefined {
  if (issuedCount === 0) return undefined;
  const detail = `评审组“${panel.name}”已签发任务包，不能删除（可修改后重新签发）。`;
  const detailEn = `the panel “${panel.name}” has issued assignments and cannot be deleted (edit it and issue again).`;
  return { subject: null, error: { code: 'E_PANEL_INVALID', params: { detail, detailEn } } };
}

export interface PanelWorkload {
  readonly panelId: string;
  readonly name: string;
  readonly experts: number;
  readonly applicants: number;
  /** Experts of the panel holding at least one issued assignment of it. */
  readonly issued: number;
}

/** Per panel: its size, its load and how many of its experts have their assignment, for balancing the stage. */
export function panelWorkload(
  panels: readonly OfficePanelRow[],
  issued: readonly { readonly panelId: string; readonly expertId: string }[],
): PanelWorkload[] {
  return panels.map((panel) => ({
    panelId: panel.id,
    name: panel.name,
    experts: panel.expertIds.length,
    applicants: panel.applicantIds.length,
    issued: panel.expertIds.filter((id) => issued.some((a) => a.panelId === panel.id && a.expertId === id)).length,
  }));
}
