import { stageSchema } from '../../src-shared/assignments/assignment-schema';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ScorebookDb } from './database';
import { officePanelRowSchema, type OfficePanelIssue, type OfficePanelRow } from './office-rows';
import { keyFields, parseRows } from './quarantine';
import { storageFailure } from './storage-errors';

/**
 * The panels of one cycle: by stage in the order of Art. 11, then in the order the office created them (names such as
 * 第一组, 第二组 do not sort by Chinese collation); malformed rows are quarantined, never dropped.
 */
export async function listOfficePanels(db: ScorebookDb, cycleId: string, now: () => Date): Promise<OfficePanelRow[]> {
  const raw = await db.officePanels.where('cycleId').equals(cycleId).toArray();
  const parsed = await parseRows(db, 'officePanels', raw, officePanelRowSchema, keyFields('id'), now);
  return parsed.rows.sort(
    (a, b) =>
      stageSchema.options.indexOf(a.stage) - stageSchema.options.indexOf(b.stage) ||
      a.createdAt.localeCompare(b.createdAt) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

/** What the panels page edits; the repository keeps `createdAt` and stamps `updatedAt`. */
export type PanelDraft = Pick<
  OfficePanelRow,
  'id' | 'cycleId' | 'stage' | 'name' | 'leaderId' | 'expertIds' | 'applicantIds'
>;

/** Display names for the messages (ids mean nothing to the office). */
export interface PanelNames {
  readonly expert: (expertId: string) => string;
  readonly applicant: (applicantId: string) => string;
}

function invalid(detail: string, detailEn: string): Result<never> {
  return fail('E_PANEL_INVALID', `panel: ${detailEn}`, { detail, detailEn });
}

function repeated(ids: readonly string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/**
 * The rules of one panel among the other panels of its cycle (issue 4 item 5): a name, at least one expert, exactly
 * one leader (组长) who is one of them, at least one applicant, nothing listed twice; and within a stage every
 * applicant is scored by one panel only, so no expert scores an applicant twice. Conflicts of interest are checked by
 * the page (they need the register and the inbox) before it saves.
 */
export function checkPanel(draft: PanelDraft, others: readonly OfficePanelRow[], names: PanelNames): Result<true> {
  if (draft.name.trim() === '') return invalid('请填写评审组名称。', 'enter the panel’s name.');
  if (draft.expertIds.length === 0) return invalid('请至少选择一名专家。', 'choose at least one expert.');
  if (draft.leaderId === '') return invalid('请指定一名组长。', 'choose one leader.');
  if (!draft.expertIds.includes(draft.leaderId)) {
    return invalid(
      `组长“${names.expert(draft.leaderId)}”须是本组的专家。`,
      `the leader “${names.expert(draft.leaderId)}” must be one of the panel’s experts.`,
    );
  }
  if (draft.applicantIds.length === 0) return invalid('请至少选择一个申报组织。', 'choose at least one applicant.');
  if (repeated(draft.expertIds) || repeated(draft.applicantIds)) {
    return invalid('同一专家或申报组织列出了两次。', 'an expert or an applicant is listed twice.');
  }
  const sameStage = others.filter(
    (other) => other.id !== draft.id && other.cycleId === draft.cycleId && other.stage === draft.stage,
  );
  for (const applicantId of draft.applicantIds) {
    const other = sameStage.find((panel) => panel.applicantIds.includes(applicantId));
    if (other === undefined) continue;
    const applicant = names.applicant(applicantId);
    const twice = draft.expertIds.find((expertId) => other.expertIds.includes(expertId));
    if (twice !== undefined) {
      const expert = names.expert(twice);
      return invalid(
        `专家“${expert}”已在本阶段的评审组“${other.name}”中评审“${applicant}”，同一专家不能评审同一组织两次。`,
        `the expert “${expert}” already scores “${applicant}” in the panel “${other.name}” of this stage; nobody scores an applicant twice.`,
      );
    }
    return invalid(
      `申报组织“${applicant}”已在本阶段的评审组“${other.name}”中；每个申报组织在一个阶段只由一个评审组评审。`,
      `the applicant “${applicant}” is already in the panel “${other.name}” of this stage; each applicant has one panel per stage.`,
    );
  }
  return ok(true);
}

/**
 * Adds or updates a panel after checking it against the cycle's other panels in the same transaction, so two saves
 * cannot both place one applicant in a stage.
 */
export async function saveOfficePanel(
  db: ScorebookDb,
  draft: PanelDraft,
  names: PanelNames,
  now: () => Date,
): Promise<Result<OfficePanelRow>> {
  try {
    return await db.transaction('rw', db.officePanels, db.quarantine, async () => {
      const panels = await listOfficePanels(db, draft.cycleId, now);
      const checked = checkPanel(draft, panels, names);
      if (!checked.ok) return checked;
      const at = now().toISOString();
      const existing = panels.find((panel) => panel.id === draft.id);
      const parsed = officePanelRowSchema.safeParse({
        v: 1,
        // The form edits members only: the issues to verify stay as the office last saved them.
        ...(existing?.issues === undefined ? {} : { issues: existing.issues }),
        ...draft,
        name: draft.name.trim(),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      if (!parsed.success) {
        const detail = parsed.error.issues[0]?.message ?? '';
        return invalid(detail, detail);
      }
      await db.officePanels.put(parsed.data);
      return ok(parsed.data);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * What keeps a panel's issues to verify from being saved: an issue of an applicant the panel does not score, or one
 * without an item or without its text (an expert could not act on it). Issues name their applicant in the message.
 */
export function checkPanelIssues(
  panel: Pick<OfficePanelRow, 'applicantIds'>,
  issues: readonly OfficePanelIssue[],
  names: Pick<PanelNames, 'applicant'>,
): Result<true> {
  for (const [index, issue] of issues.entries()) {
    const applicant = names.applicant(issue.applicantId);
    const n = index + 1;
    if (!panel.applicantIds.includes(issue.applicantId)) {
      return invalid(
        `第 ${n} 条核实问题所属的“${applicant}”不在本评审组。`,
        `issue ${n} belongs to “${applicant}”, which this panel does not score.`,
      );
    }
    if (issue.itemIds.length === 0) {
      return invalid(
        `“${applicant}”的第 ${n} 条核实问题须选择至少一个评分项。`,
        `issue ${n} of “${applicant}” needs at least one item.`,
      );
    }
    if (issue.text.trim() === '') {
      return invalid(`“${applicant}”的第 ${n} 条核实问题须填写内容。`, `issue ${n} of “${applicant}” needs its text.`);
    }
  }
  return ok(true);
}

/**
 * Replaces a panel's issues to verify (site visit, issue 5), leaving its members as stored; checked against the panel
 * as it is in the same transaction, so an applicant taken out meanwhile is noticed.
 */
export async function saveOfficePanelIssues(
  db: ScorebookDb,
  input: { readonly panelId: string; readonly issues: readonly OfficePanelIssue[] },
  names: Pick<PanelNames, 'applicant'>,
  now: () => Date,
): Promise<Result<OfficePanelRow>> {
  try {
    return await db.transaction('rw', db.officePanels, db.quarantine, async () => {
      const raw = await db.officePanels.get(input.panelId);
      const found =
        raw === undefined
          ? []
          : (await parseRows(db, 'officePanels', [raw], officePanelRowSchema, keyFields('id'), now)).rows;
      const current = found[0];
      if (current === undefined) return invalid('该评审组已不存在。', 'the panel no longer exists.');
      const issues = input.issues.map((issue) => ({ ...issue, text: issue.text.trim() }));
      const checked = checkPanelIssues(current, issues, names);
      if (!checked.ok) return checked;
      const parsed = officePanelRowSchema.safeParse({ ...current, issues, updatedAt: now().toISOString() });
      if (!parsed.success) {
        const detail = parsed.error.issues[0]?.message ?? '';
        return invalid(detail, detail);
      }
      await db.officePanels.put(parsed.data);
      return ok(parsed.data);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

export async function deleteOfficePanel(db: ScorebookDb, id: string): Promise<Result<true>> {
  try {
    await db.officePanels.delete(id);
    return ok(true);
  } catch (error) {
    return storageFailure(error);
  }
}
