import type { ExpertRecord, IssuedAssignment } from '../../../../src-shared/contract/office-channels';
import { ok, type Result } from '../../../../src-shared/contract/result';
import type { DeclaredConflict } from '../../../../src-shared/office/conflicts';
import type { AppServices } from '../../../components/services';
import { listOfficeApplicants } from '../../../data/office-applicant-repository';
import { listOfficeCycles } from '../../../data/office-cycle-repository';
import { listOfficePanels } from '../../../data/office-panel-repository';
import type { OfficeApplicantRow, OfficePanelRow } from '../../../data/office-rows';
import type { OfficeCycleRow } from '../../../data/row-schemas';
import { declaredConflicts } from './panel-rules';

/** Everything the panels page decides from: the cycle, its register and panels, the experts, conflicts, issues. */
export interface PanelsData {
  readonly cycle: OfficeCycleRow;
  readonly applicants: readonly OfficeApplicantRow[];
  readonly panels: readonly OfficePanelRow[];
  readonly experts: readonly ExpertRecord[];
  /** Declared conflicts of this cycle and of every other cycle of this office (the `earlier` rule). */
  readonly declared: readonly DeclaredConflict[];
  readonly issued: readonly IssuedAssignment[];
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
  // This cycle first; then the others, whose declarations name the same organisations by credit code.
  for (const other of [cycle, ...cycles.filter((c) => c.id !== cycleId)]) {
    const inbox = await client.call('office:inbox-list', { cycleId: other.id });
    if (!inbox.ok) return inbox;
    const register = await listOfficeApplicants(db, other.id, now);
    if (other.id === cycleId) applicants = register;
    declared.push(...declaredConflicts(other.id, inbox.value.packages, register));
  }
  const panels = await listOfficePanels(db, cycleId, now);
  return ok({ cycle, applicants, panels, experts: experts.value, declared, issued: issued.value });
}
