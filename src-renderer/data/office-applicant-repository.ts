import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ApplicantRecord } from '../../src-shared/office/applicant-schema';
import type { EligibilityRule } from '../../src-shared/office/eligibility-reasons';
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

/**
 * What a save may change: the register record, the summaries and the office's judgements; and, when given, which
 * materials main holds the bytes of (left out: kept as stored).
 */
export type ApplicantDraft = Pick<OfficeApplicantRow, 'record' | 'summaries' | 'judgements'> & {
  readonly storedMaterials?: readonly string[];
};

/**
 * The stored materials a row keeps: those still in its record (a material removed takes its mark with it, so the
 * same file registered again must be chosen again) — undefined stays undefined, so old rows keep their shape.
 */
export function keptStoredMaterials(
  record: OfficeApplicantRow['record'],
  stored: readonly string[] | undefined,
): string[] | undefined {
  if (stored === undefined) return undefined;
  const registered = new Set(record.materials.map((m) => m.sha256));
  return [...new Set(stored)].filter((sha256) => registered.has(sha256));
}

/** Whether main holds the bytes of one of the applicant's materials (issue 5: only those can be issued). */
export function isMaterialStored(row: Pick<OfficeApplicantRow, 'storedMaterials'>, sha256: string): boolean {
  return (row.storedMaterials ?? []).includes(sha256);
}

/** The office's own verdict on a rule the eligibility check leaves open. */
export type ApplicantJudgement = OfficeApplicantRow['judgements'][number];

function parsedRow(row: OfficeApplicantRow): Result<OfficeApplicantRow> {
  const parsed = officeApplicantRowSchema.safeParse(row);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  return fail('E_BAD_REQUEST', 'applicant row invalid', {
    detail: `${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`,
  });
}

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
      const { record, summaries, judgements } = input.draft;
      const stored = keptStoredMaterials(record, input.draft.storedMaterials ?? existing?.storedMaterials);
      const checked = parsedRow({
        v: 1,
        id: input.id,
        cycleId: input.cycleId,
        record,
        summaries,
        judgements,
        ...(stored === undefined ? {} : { storedMaterials: stored }),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      if (checked.ok) await db.officeApplicants.put(checked.value);
      return checked;
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Adds imported records (validated by the shared import) in one transaction: all of them or none. The register is
 * read again inside the transaction, so a code registered since the file was checked — or twice in the batch — is
 * refused with E_APPLICANT_EXISTS rather than registered a second time.
 */
export async function addOfficeApplicants(
  db: ScorebookDb,
  cycleId: string,
  records: readonly ApplicantRecord[],
  newId: () => string,
  now: () => Date,
): Promise<Result<OfficeApplicantRow[]>> {
  const at = now().toISOString();
  try {
    return await db.transaction('rw', db.officeApplicants, db.quarantine, async () => {
      const seen = new Set((await listOfficeApplicants(db, cycleId, now)).map((row) => row.record.uscc));
      const rows: OfficeApplicantRow[] = [];
      for (const record of records) {
        if (seen.has(record.uscc)) {
          return fail('E_APPLICANT_EXISTS', `uscc ${record.uscc} registered`, { uscc: record.uscc });
        }
        seen.add(record.uscc);
        const checked = parsedRow({
          v: 1,
          id: newId(),
          cycleId,
          record,
          summaries: [],
          judgements: [],
          createdAt: at,
          updatedAt: at,
        });
        if (!checked.ok) return checked;
        rows.push(checked.value);
      }
      await db.officeApplicants.bulkAdd(rows);
      return ok(rows);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Records (or, with `judgement` null, withdraws) the office's judgement on one eligibility rule of an applicant,
 * leaving the rest of the row as stored: one judgement per rule, the newest replacing the earlier one.
 */
export async function setOfficeApplicantJudgement(
  db: ScorebookDb,
  input: {
    readonly id: string;
    readonly rule: EligibilityRule;
    readonly judgement: Omit<ApplicantJudgement, 'rule'> | null;
  },
  now: () => Date,
): Promise<Result<OfficeApplicantRow>> {
  try {
    return await db.transaction('rw', db.officeApplicants, db.quarantine, async () => {
      const raw = await db.officeApplicants.get(input.id);
      const found =
        raw === undefined
          ? []
          : (await parseRows(db, 'officeApplicants', [raw], officeApplicantRowSchema, keyFields('id'), now)).rows;
      const current = found[0];
      if (current === undefined) return fail('E_BAD_REQUEST', 'no such applicant', { detail: input.id });
      const others = current.judgements.filter((judgement) => judgement.rule !== input.rule);
      const judgements =
        input.judgement === null
          ? others
          : [...others, { rule: input.rule, outcome: input.judgement.outcome, note: input.judgement.note.trim() }];
      const checked = parsedRow({ ...current, judgements, updatedAt: now().toISOString() });
      if (checked.ok) await db.officeApplicants.put(checked.value);
      return checked;
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Removes an applicant from the cycle (before any assignment names it; the panels page checks that). */
export async function deleteOfficeApplicant(db: ScorebookDb, id: string): Promise<Result<true>> {
  try {
    return await db.transaction('rw', db.officeApplicants, db.officePanels, async () => {
      // A panel names its applicants by id: deleting one a panel scores would leave that panel (and the assignments
      // issued from it) pointing at nothing. The office takes the applicant out of the panel first.
      const applicant = await db.officeApplicants.get(id);
      const panels =
        applicant === undefined ? [] : await db.officePanels.where('cycleId').equals(applicant.cycleId).toArray();
      const panel = panels.find((row) => Array.isArray(row.applicantIds) && row.applicantIds.includes(id));
      if (panel !== undefined) {
        return fail('E_APPLICANT_IN_PANEL', `applicant ${id} is in panel ${panel.id}`, { panel: panel.name });
      }
      await db.officeApplicants.delete(id);
      return ok(true as const);
    });
  } catch (error) {
    return storageFailure(error);
  }
}
