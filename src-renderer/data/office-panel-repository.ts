import { ok, type Result } from '../../src-shared/contract/result';
import type { ScorebookDb } from './database';
import { officePanelRowSchema, type OfficePanelRow } from './office-rows';
import { keyFields, parseRows } from './quarantine';
import { storageFailure } from './storage-errors';

/** The panels of one cycle, by stage then name; malformed rows are quarantined, never dropped. */
export async function listOfficePanels(db: ScorebookDb, cycleId: string, now: () => Date): Promise<OfficePanelRow[]> {
  const raw = await db.officePanels.where('cycleId').equals(cycleId).toArray();
  const parsed = await parseRows(db, 'officePanels', raw, officePanelRowSchema, keyFields('id'), now);
  return parsed.rows.sort((a, b) => a.stage.localeCompare(b.stage) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Writes a panel as given (the page validates members, leader and conflicts before saving). */
export async function saveOfficePanel(db: ScorebookDb, row: OfficePanelRow): Promise<Result<OfficePanelRow>> {
  try {
    await db.officePanels.put(officePanelRowSchema.parse(row));
    return ok(row);
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
