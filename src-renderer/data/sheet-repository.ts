import { ok, fail, type Result } from '../../src-shared/contract/result';
import { validatePercent } from '../../src-shared/scoring/percent';
import type { ScorebookDb } from './database';
import { keyFields, parseRows, quarantineInTransaction } from './quarantine';
import {
  auditRowSchema,
  itemRowSchema,
  sheetRowSchema,
  type AuditField,
  type AuditRow,
  type Comment,
  type ItemRow,
  type SheetRow,
} from './row-schemas';
import { seedSheetInTransaction, seedTables } from './stage-seed';
import { storageFailure } from './storage-errors';

/**
 * Keystrokes in one comment or note within this window fold into one audit entry (keeping the
 * value before the burst), so an item's history reads as edits, not as single characters.
 */
export const auditFoldMs = 120_000;

export type ItemChange =
  | { readonly field: 'percent'; readonly value: number | null }
  | { readonly field: 'strengths' | 'ofis'; readonly value: readonly Comment[] }
  | { readonly field: 'note'; readonly value: string };

/** One sheet per (assignment, applicant): the stage comes with the assignment. */
export function sheetIdOf(assignmentId: string, applicantId: string): string {
  return `${assignmentId}/${applicantId}`;
}

export function emptyItem(sheetId: string, itemId: string, at: string): ItemRow {
  return { v: 1, sheetId, itemId, percent: null, strengths: [], ofis: [], note: '', updatedAt: at };
}

/** What a sheet is created from: everything but the version, status and times. */
export type NewSheet = Omit<SheetRow, 'v' | 'createdAt' | 'updatedAt' | 'status'>;

/** The sheet of one applicant of an assignment (its id from sheetIdOf), created and seeded on first open. */
export function ensureApplicantSheet(
  db: ScorebookDb,
  target: Omit<NewSheet, 'id'>,
  now: () => Date,
): Promise<Result<SheetRow>> {
  return ensureSheet(db, { id: sheetIdOf(target.assignmentId, target.applicantId), ...target }, now);
}

/**
 * Creates the sheet row the first time an applicant is opened, seeded from the expert's own previous stage in the
 * same transaction (stage-seed.ts), so a half-seeded sheet cannot exist. An existing sheet is left as it is.
 */
export async function ensureSheet(db: ScorebookDb, sheet: NewSheet, now: () => Date): Promise<Result<SheetRow>> {
  try {
    return await db.transaction('rw', [db.sheets, ...seedTables(db)], async () => {
      const raw = await db.sheets.get(sheet.id);
      const existing = sheetRowSchema.safeParse(raw);
      if (existing.success) return ok(existing.data);
      const at = now().toISOString();
      if (raw !== undefined) await quarantineInTransaction(db, 'sheets', sheet.id, raw, existing.error.message, at);
      const row: SheetRow = { ...sheet, v: 1, status: 'draft', createdAt: at, updatedAt: at };
      await db.sheets.put(row);
      await seedSheetInTransaction(db, row, at);
      return ok(row);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** The item rows of a sheet keyed by item id; rows failing their schema are quarantined and counted. */
export async function loadSheetItems(
  db: ScorebookDb,
  sheetId: string,
  now: () => Date,
): Promise<{ items: Map<string, ItemRow>; quarantined: number }> {
  const raw = await db.items.where('sheetId').equals(sheetId).toArray();
  const parsed = await parseRows(db, 'items', raw, itemRowSchema, keyFields('sheetId', 'itemId'), now);
  return { items: new Map(parsed.rows.map((row) => [row.itemId, row])), quarantined: parsed.quarantined };
}

function applyChange(row: ItemRow, change: ItemChange): ItemRow {
  switch (change.field) {
    case 'percent':
      return { ...row, percent: change.value };
    case 'strengths':
      return { ...row, strengths: [...change.value] };
    case 'ofis':
      return { ...row, ofis: [...change.value] };
    case 'note':
      return { ...row, note: change.value };
  }
}

function currentValue(row: ItemRow, field: AuditField): string {
  return JSON.stringify(row[field]);
}

/**
 * Writes one item change, the sheet's updatedAt and the audit entry in a single transaction.
 * Resolves only after the transaction committed (strict durability); a failure leaves the
 * stored sheet exactly as it was and returns the reason.
 */
export async function saveItemChange(
  db: ScorebookDb,
  target: { sheetId: string; itemId: string },
  change: ItemChange,
  now: () => Date,
): Promise<Result<{ savedAt: string; row: ItemRow }>> {
  if (change.field === 'percent' && change.value !== null) {
    const valid = validatePercent(change.value);
    if (!valid.ok) return valid;
  }
  const at = now().toISOString();
  try {
    return await db.transaction('rw', [db.items, db.sheets, db.audit, db.quarantine], async () => {
      const sheet = await db.sheets.get(target.sheetId);
      if (sheet === undefined) return fail('E_SHEET_NOT_FOUND', `no sheet ${target.sheetId}`);
      const raw = await db.items.get([target.sheetId, target.itemId]);
      const stored = itemRowSchema.safeParse(raw);
      // A stored row that fails its schema goes to quarantine before it is replaced: never lost.
      if (raw !== undefined && !stored.success) {
        await quarantineInTransaction(db, 'items', [target.sheetId, target.itemId], raw, stored.error.message, at);
      }
      const before = stored.success ? stored.data : emptyItem(target.sheetId, target.itemId, at);
      const after = { ...applyChange(before, change), updatedAt: at };
      const oldValue = currentValue(before, change.field);
      const newValue = currentValue(after, change.field);
      await db.items.put(after);
      await db.sheets.update(target.sheetId, { updatedAt: at });
      if (oldValue !== newValue)
        await recordAudit(db, { ...target, field: change.field, old: oldValue, new: newValue, at });
      return ok({ savedAt: at, row: after });
    });
  } catch (error) {
    return storageFailure(error);
  }
}

async function recordAudit(
  db: ScorebookDb,
  entry: { sheetId: string; itemId: string; field: AuditField; old: string; new: string; at: string },
): Promise<void> {
  const last = await db.audit.where('[sheetId+itemId]').equals([entry.sheetId, entry.itemId]).last();
  const foldable =
    last !== undefined &&
    last.seq !== undefined &&
    entry.field !== 'percent' &&
    last.field === entry.field &&
    Date.parse(entry.at) - Date.parse(last.at) < auditFoldMs;
  if (foldable) {
    if (last.old === entry.new) await db.audit.delete(last.seq as number);
    else await db.audit.update(last.seq as number, { new: entry.new, at: entry.at });
    return;
  }
  await db.audit.add({ v: 1, ...entry, firstAt: entry.at });
}

/** The change history of one item, oldest first, parsed from the audit entries. */
export async function itemHistory(
  db: ScorebookDb,
  sheetId: string,
  itemId: string,
  now: () => Date,
): Promise<AuditRow[]> {
  const raw = await db.audit.where('[sheetId+itemId]').equals([sheetId, itemId]).toArray();
  return (await parseRows(db, 'audit', raw, auditRowSchema, keyFields('seq'), now)).rows;
}

/** The percents of several sheets at once, for the applicant list's progress (one query). */
export async function percentsBySheet(
  db: ScorebookDb,
  sheetIds: readonly string[],
  now: () => Date,
): Promise<Map<string, Map<string, number | null>>> {
  const raw = await db.items
    .where('sheetId')
    .anyOf([...sheetIds])
    .toArray();
  const parsed = await parseRows(db, 'items', raw, itemRowSchema, keyFields('sheetId', 'itemId'), now);
  const result = new Map<string, Map<string, number | null>>(sheetIds.map((id) => [id, new Map()]));
  for (const row of parsed.rows) result.get(row.sheetId)?.set(row.itemId, row.percent);
  return result;
}
