import type { ZodType } from 'zod';
import type { AssignmentBundle } from '../../src-shared/assignments/assignment-schema';
import type { AssignmentPayload } from '../../src-shared/packages/payload-schemas';
import { ok, type Result } from '../../src-shared/contract/result';
import type { ScorebookDb } from './database';
import { keyFields, parseRows } from './quarantine';
import {
  applicantRowSchema,
  assignmentPackageRowSchema,
  assignmentRowSchema,
  cycleRowSchema,
  expertRowSchema,
  type ApplicantRow,
  type AssignmentPackageRow,
  type AssignmentRow,
  type CycleRow,
  type ExpertRow,
} from './row-schemas';
import { storageFailure } from './storage-errors';

export interface AssignmentView {
  readonly assignment: AssignmentRow;
  readonly cycle: CycleRow;
  readonly expert: ExpertRow;
  /** In the order the assignment lists them. */
  readonly applicants: readonly ApplicantRow[];
}

/** Stores an assignment bundle (cycle, expert, applicants, assignment) in one transaction; importing again is harmless. */
export async function importAssignmentBundle(
  db: ScorebookDb,
  bundle: AssignmentBundle,
  source: AssignmentRow['source'],
  now: () => Date,
): Promise<Result<string>> {
  try {
    await db.transaction('rw', [db.cycles, db.experts, db.applicants, db.assignments], async () => {
      await db.cycles.put({ ...bundle.cycle, v: 1 });
      await db.experts.put({ ...bundle.expert, v: 1 });
      await db.applicants.bulkPut(bundle.applicants.map((a) => ({ ...a, v: 1 as const, cycleId: bundle.cycle.id })));
      const existing = await db.assignments.get(bundle.assignment.id);
      await db.assignments.put({
        ...bundle.assignment,
        v: 1,
        source,
        importedAt: existing?.importedAt ?? now().toISOString(),
      });
    });
    return ok(bundle.assignment.id);
  } catch (error) {
    return storageFailure(error);
  }
}

/** What main answers for a verified assignment import (`assignments:import`). */
export interface VerifiedAssignment {
  readonly payload: AssignmentPayload;
  readonly assignmentHash: string;
  readonly officeFingerprint: string;
  readonly pinned: 'new' | 'same' | 'demo';
}

/**
 * Stores a verified, office-signed assignment: the cycle, the expert (with the profile the expert gave), the
 * applicants and the assignment as working rows, and the signed payload with its hash — one transaction.
 */
export async function storeVerifiedAssignment(
  db: ScorebookDb,
  verified: VerifiedAssignment,
  expert: { name: string; workUnit: string; title: string },
  now: () => Date,
): Promise<Result<string>> {
  const { payload } = verified;
  const bundle: AssignmentBundle = {
    format: 'scorebook.assignment-bundle/1',
    cycle: payload.cycle,
    expert: { id: payload.expertId, ...expert },
    assignment: payload.assignment,
    applicants: payload.applicants,
  };
  try {
    await db.transaction(
      'rw',
      [db.cycles, db.experts, db.applicants, db.assignments, db.assignmentPackages],
      async () => {
        const stored = await importAssignmentBundle(db, bundle, verified.pinned === 'demo' ? 'demo' : 'package', now);
        if (!stored.ok) throw new Error(stored.error.message);
        await db.assignmentPackages.put({
          v: 1,
          id: payload.assignment.id,
          ...verified,
          importedAt: now().toISOString(),
        });
      },
    );
    return ok(payload.assignment.id);
  } catch (error) {
    return storageFailure(error);
  }
}

/** Every assignment on this machine, newest first; malformed rows are quarantined and counted. */
export async function listAssignments(
  db: ScorebookDb,
  now: () => Date,
): Promise<{ assignments: AssignmentRow[]; cycles: CycleRow[]; quarantined: number }> {
  const assignments = await parseRows(
    db,
    'assignments',
    await db.assignments.toArray(),
    assignmentRowSchema,
    keyFields('id'),
    now,
  );
  const cycles = await parseRows(db, 'cycles', await db.cycles.toArray(), cycleRowSchema, keyFields('id'), now);
  const sorted = [...assignments.rows].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  return { assignments: sorted, cycles: cycles.rows, quarantined: assignments.quarantined + cycles.quarantined };
}

/** One row by key, parsed; a row failing its schema is quarantined and reads as missing. */
async function parseOne<T>(
  db: ScorebookDb,
  table: string,
  raw: unknown,
  schema: ZodType<T>,
  keyOf: (row: unknown) => unknown,
  now: () => Date,
): Promise<{ row: T | undefined; quarantined: number }> {
  const parsed = await parseRows(db, table, raw === undefined ? [] : [raw], schema, keyOf, now);
  return { row: parsed.rows[0], quarantined: parsed.quarantined };
}

export interface AssignmentHeader {
  readonly assignment: AssignmentRow;
  readonly cycle: CycleRow;
  readonly expert: ExpertRow;
}

/** The assignment with its cycle and expert (three small reads), or undefined when any part is missing. */
export async function loadAssignmentHeader(
  db: ScorebookDb,
  assignmentId: string,
  now: () => Date,
): Promise<{ header: AssignmentHeader | undefined; quarantined: number }> {
  const assignment = await parseOne(
    db,
    'assignments',
    await db.assignments.get(assignmentId),
    assignmentRowSchema,
    keyFields('id'),
    now,
  );
  if (assignment.row === undefined) return { header: undefined, quarantined: assignment.quarantined };
  const [cycleRaw, expertRaw] = await Promise.all([
    db.cycles.get(assignment.row.cycleId),
    db.experts.get(assignment.row.expertId),
  ]);
  const cycle = await parseOne(db, 'cycles', cycleRaw, cycleRowSchema, keyFields('id'), now);
  const expert = await parseOne(db, 'experts', expertRaw, expertRowSchema, keyFields('id'), now);
  const quarantined = assignment.quarantined + cycle.quarantined + expert.quarantined;
  if (cycle.row === undefined || expert.row === undefined) return { header: undefined, quarantined };
  return { header: { assignment: assignment.row, cycle: cycle.row, expert: expert.row }, quarantined };
}

/**
 * The assignment's applicants in its order — or only those of `onlyIds` (the scorebook needs one,
 * and reading and validating 200 profiles to show one would cost most of a cold start).
 */
export async function loadAssignmentApplicants(
  db: ScorebookDb,
  header: AssignmentHeader,
  now: () => Date,
  onlyIds?: readonly string[],
): Promise<{ applicants: ApplicantRow[]; quarantined: number }> {
  const ids = header.assignment.applicantIds.filter((id) => onlyIds === undefined || onlyIds.includes(id));
  const raw = await db.applicants.bulkGet(ids.map((id): [string, string] => [header.cycle.id, id]));
  const parsed = await parseRows(
    db,
    'applicants',
    raw.filter((row) => row !== undefined),
    applicantRowSchema,
    keyFields('cycleId', 'id'),
    now,
  );
  const byId = new Map(parsed.rows.map((a) => [a.id, a]));
  const applicants = ids.flatMap((id) => {
    const applicant = byId.get(id);
    return applicant === undefined ? [] : [applicant];
  });
  return { applicants, quarantined: parsed.quarantined };
}

/** The assignment with its cycle, expert and applicants, or undefined when any part is missing. */
export async function loadAssignmentView(
  db: ScorebookDb,
  assignmentId: string,
  now: () => Date,
): Promise<{ view: AssignmentView | undefined; quarantined: number }> {
  const { header, quarantined } = await loadAssignmentHeader(db, assignmentId, now);
  if (header === undefined) return { view: undefined, quarantined };
  const applicants = await loadAssignmentApplicants(db, header, now);
  return { view: { ...header, applicants: applicants.applicants }, quarantined: quarantined + applicants.quarantined };
}

/** The verified package an assignment came from (absent for assignments stored before schema version 2). */
export async function loadAssignmentPackage(
  db: ScorebookDb,
  assignmentId: string,
  now: () => Date,
): Promise<AssignmentPackageRow | undefined> {
  return (
    await parseOne(
      db,
      'assignmentPackages',
      await db.assignmentPackages.get(assignmentId),
      assignmentPackageRowSchema,
      keyFields('id'),
      now,
    )
  ).row;
}
