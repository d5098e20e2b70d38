import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decideSettingsChange, type CycleSettings } from '../../src-shared/office/cycle-settings';
import type { ScorebookDb } from './database';
import { keyFields, parseRows } from './quarantine';
import { officeCycleRowSchema, type OfficeCycleRow } from './row-schemas';
import { storageFailure } from './storage-errors';

/** Every cycle the office runs, newest change first; malformed rows are quarantined, never dropped. */
export async function listOfficeCycles(db: ScorebookDb, now: () => Date): Promise<OfficeCycleRow[]> {
  const parsed = await parseRows(
    db,
    'officeCycles',
    await db.officeCycles.toArray(),
    officeCycleRowSchema,
    keyFields('id'),
    now,
  );
  return parsed.rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function loadOfficeCycle(
  db: ScorebookDb,
  id: string,
  now: () => Date,
): Promise<OfficeCycleRow | undefined> {
  const raw = await db.officeCycles.get(id);
  if (raw === undefined) return undefined;
  const parsed = await parseRows(db, 'officeCycles', [raw], officeCycleRowSchema, keyFields('id'), now);
  return parsed.rows[0];
}

/** Creates a cycle at revision 1 under a new id (the caller's id source, so tests are reproducible). */
export async function createOfficeCycle(
  db: ScorebookDb,
  settings: CycleSettings,
  newId: () => string,
  now: () => Date,
): Promise<Result<OfficeCycleRow>> {
  const checked = decideSettingsChange({ current: settings, next: settings, assignmentsIssued: 0, reason: '' });
  if (!checked.ok) return checked;
  const at = now().toISOString();
  const row: OfficeCycleRow = {
    v: 1,
    id: newId(),
    revision: 1,
    settings,
    history: [],
    assignmentsIssued: 0,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await db.officeCycles.add(row);
    return ok(row);
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Reads the cycle and writes the row `change` makes of it, in one transaction so no other window's change is lost in
 * between; nothing is written when `change` refuses or hands the row back as it was.
 */
async function updateOfficeCycle(
  db: ScorebookDb,
  id: string,
  now: () => Date,
  change: (current: OfficeCycleRow) => Result<OfficeCycleRow>,
): Promise<Result<OfficeCycleRow>> {
  try {
    return await db.transaction('rw', db.officeCycles, db.quarantine, async () => {
      const current = await loadOfficeCycle(db, id, now);
      if (current === undefined) return fail('E_CYCLE', `no cycle ${id}`, { cycleId: id });
      const changed = change(current);
      if (changed.ok && changed.value !== current) await db.officeCycles.put(changed.value);
      return changed;
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Saves new settings as the next revision; the replaced settings move to the history with the reason. Once the cycle
 * has issued assignments, a change to what experts received needs a reason (E_CYCLE_FROZEN). Nothing changes when the
 * settings are the same.
 */
export async function reviseOfficeCycle(
  db: ScorebookDb,
  id: string,
  next: CycleSettings,
  reason: string,
  now: () => Date,
): Promise<Result<OfficeCycleRow>> {
  return updateOfficeCycle(db, id, now, (current) => {
    const decided = decideSettingsChange({
      current: current.settings,
      next,
      assignmentsIssued: current.assignmentsIssued,
      reason,
    });
    if (!decided.ok) return decided;
    if (JSON.stringify(current.settings) === JSON.stringify(next)) return ok(current);
    return ok({
      ...current,
      revision: current.revision + 1,
      settings: next,
      history: [
        ...current.history,
        { revision: current.revision, settings: current.settings, savedAt: current.updatedAt, reason: reason.trim() },
      ],
      updatedAt: now().toISOString(),
    });
  });
}

/** Counts assignments the office signed for the cycle; from the first one on, frozen settings need a reason. */
export async function countAssignmentsIssued(
  db: ScorebookDb,
  id: string,
  issued: number,
  now: () => Date,
): Promise<Result<OfficeCycleRow>> {
  return updateOfficeCycle(db, id, now, (current) =>
    ok({ ...current, assignmentsIssued: current.assignmentsIssued + issued }),
  );
}
