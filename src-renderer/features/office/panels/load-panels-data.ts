import type { ExpertRecord, IssuedAssignment } from '../../../../src-shared/contract/office-channels';
import { ok, type Result } from '../../../../src-shared/contract/result';
import type { BilingualText } from '../../../../src-shared/criteria/criteria-schema';
import { allItems } from '../../../../src-shared/criteria/load-criteria';
import type { DeclaredConflict } from '../../../../src-shared/office/conflicts';
import type { AppServices } from '../../../components/services';
import { listOfficeApplicants } from '../../../data/office-applicant-repository';
import { listOfficeCycles } from '../../../data/office-cycle-repository';
import { listOfficePanels } from '../../../data/office-panel-repository';
import type { OfficeApplicantRow, OfficePanelRow } from '../../../data/office-rows';
import type { OfficeCycleRow } from '../../../data/row-schemas';
import { reviewIssuesFromInbox, type ReviewIssue } from './panel-issues';
import { declaredConflicts } from './panel-rules';

/** A criteria item as the issues editor lists it. */
export interface ItemName {
  readonly id: string;
  readonly name: BilingualText;
}

/** Everything the panels page decides from: the cycle, its register and panels, the experts, conflicts, issues. */
export interface PanelsData {
  readonly cycle: OfficeCycleRow;
  readonly applicants: readonly OfficeApplicantRow[];
  readonly panels: readonly OfficePanelRow[];
  readonly experts: readonly ExpertRecord[];
  /** Declared conflicts of this cycle and of every other cycle of this office (the `earlier` rule). */
  readonly declared: readonly DeclaredConflict[];
  readonly issued: readonly IssuedAssignment[];
  /** Issue 5: the experts' own issues to verify from this cycle's accepted material-review sheets. */
  readonly reviewIssues: readonly ReviewIssue[];
  /** The cycle's criteria items, for linking issues; empty when the criteria could not be read (ids are typed). */
  readonly items: readonly ItemName[];
}

/**
 * Loads the page's data. Declarations come from main's inbox (only main verified them); a cycle's answer that fails
 * fails the page, since a conflict the office cannot see must not be missed. Undefined: no such cycle.
 */
export async function loadPanelsData(
  { client, db, now }: Pick<AppServices, 'client' | 'db' | 'now'>,
  cycleId: string,
): Promise<Result<PanelsData | undefined>> {
  const cycles = await listOfficeCycles(db, now);
  const cycle = cycles.find((c) => c.id === cycleId);
  if (cycle === undefined) return ok(undefined);
  const experts = await client.call('office:experts-list', {});
  if (!experts.ok) return experts;
  const issued = await client.call('office:assignments-list', { cycleId });
  if (!issued.ok) return issued;
  const declared: DeclaredConflict[] = [];
  let applicants: OfficeApplicantRow[] = [];
  let reviewIssues: ReviewIssue[] = [];
  // This cycle first; then the others, whose declarations name the same organisations by credit code.
  for (const other of [cycle, ...cycles.filter((c) => c.id !== cycleId)]) {
    const inbox = await client.call('office:inbox-list', { cycleId: other.id });
    if (!inbox.ok) return inbox;
    const register = await listOfficeApplicants(db, other.id, now);
    if (other.id === cycleId) {
      applicants = register;
      reviewIssues = reviewIssuesFromInbox(inbox.value.packages, cycleId);
    }
    declared.push(...declaredConflicts(other.id, inbox.value.packages, register));
  }
  const panels = await listOfficePanels(db, cycleId, now);
  // The items only help to pick ids: without the criteria the page still works, and ids are typed instead.
  const criteria = await client.call('criteria:get', { id: cycle.settings.criteriaId });
  const items = criteria.ok ? allItems(criteria.value).map(({ id, name }) => ({ id, name })) : [];
  return ok({ cycle, applicants, panels, experts: experts.value, declared, issued: issued.value, reviewIssues, items });
}
