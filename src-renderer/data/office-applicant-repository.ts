import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ApplicantRecord } from '../../src-shared/office/applicant-schema';
import type { ScorebookDb } from './database';
import { officeApplicantRowSchema, type OfficeApplicantRow } from './office-rows';
import { keyFields, parseRows } from './quarantine';
import { storageFailure } from './storage-errors';

/** The applicants of one cycle in name order (Chinese collation); malformed rows are quarantined, never dropped. */
export async function listOfficeApplicants(
  db: ScorebookDb,
  cycleId: string,
  now: () => Date,
): Promise<OfficeApplicantRow[]> {
  const raw = await db.officeApplicants.where('cycleId').equals(cycleId).toArray();
  const parsed = await parseRows(db, 'officeApplicants', raw, officeApplicantRowSchema, keyFields('id'), now);
  return parsed.rows.sort((a, b) => a.record.name.localeCompare(b.record.name, 'zh-CN'));
}

/** What a save may change: the register record, the summaries and the office's judgements. */
export type ApplicantDraft = Pick<OfficeApplicantRow, 'record' | 'summaries' | 'judgements'>;

/**
 * Adds (no `id` row yet) or updates an applicant. A credit code already registered in the cycle under another row
 * is refused with E_APPLICANT_EXISTS, so one organisation is never registered twice.
 */
export async function saveOfficeApplicant(
  db: ScorebookDb,
  input: { readonly id: string; readonly cycleId: string; readonly draft: ApplicantDraft },
  now: () => Date,
): Promise<Result<OfficeApplicantRow>> {
  try {
    return await db.transaction('rw', db.officeApplicants, db.quarantine, async () => {
      const rows = await listOfficeApplicants(db, input.cycleId, now);
      const clash = rows.find((row) => row.id !== input.id && row.record.uscc === input.draft.record.uscc);
      if (clash !== undefined) {
        return fail('E_APPLICANT_EXISTS', `uscc ${clash.record.uscc} registered`, { uscc: clash.record.uscc });
      }
      const at = now().toISOString();
      const existing = rows.find((row) => row.id === input.id);
      const row: OfficeApplicantRow = {
        v: 1,
        id: input.id,
        cycleId: input.cycleId,
        ...input.draft,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      const parsed = officeApplicantRowSchema.safeParse(row);
      if (!parsed.success) {
        return fail('E_BAD_REQUEST', 'applicant row invalid', { detail: parsed.error.issues[0]?.message ?? '' });
      }
      await db.officeApplicants.put(parsed.data);
      return ok(parsed.data);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Adds imported records (already validated and de-duplicated against the register by the shared import) in one
 * transaction: all of them or, on a storage failure, none.
 */
export async function addOfficeApplicants(
  db: ScorebookDb,
  cycleId: string,
  records: readonly ApplicantRecord[],
  newId: () => string,
  now: () => Date,
): Promise<Result<OfficeApplicantRow[]>> {
  const at = now().toISOString();
  const rows: OfficeApplicantRow[] = records.map((record) => ({
    v: 1,
    id: newId(),
    cycleId,
    record,
    summaries: [],
    judgements: [],
    createdAt: at,
    updatedAt: at,
  }));
  try {
    await db.transaction('rw', db.officeApplicants, async () => {
      await db.officeApplicants.bulkAdd(rows);
    });
    return ok(rows);
  } catch (error) {
    return storageFailure(error);
  }
}

/** Removes an applicant from the cycle (before any assignment names it; the panels page checks that). */
export async function deleteOfficeApplicant(db: ScorebookDb, id: string): Promise<Result<true>> {
  try {
    await db.officeApplicants.delete(id);
    return ok(true);
  } catch (error) {
    return storageFailure(error);
  }
}
