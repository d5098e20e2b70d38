import type { AssignmentBundle } from '../../src-shared/assignments/assignment-schema';
import { ok, type Result } from '../../src-shared/contract/result';
import type { ScorebookDb } from './database';
import { keyFields, parseRows } from './quarantine';
import {
  applicantRowSchema,
  assignmentRowSchema,
  cycleRowSchema,
  expertRowSchema,
  type ApplicantRow,
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

/** The assignment with its cycle, expert and applicants, or undefined when any part is missing. */
export async function loadAssignmentView(
  db: ScorebookDb,
  assignmentId: string,
  now: () => Date,
): Promise<{ view: AssignmentView | undefined; quarantined: number }> {
  const raw = await db.assignments.get(assignmentId);
  const parsedAssignment = await parseRows(
    db,
    'assignments',
    raw === undefined ? [] : [raw],
    assignmentRowSchema,
    keyFields('id'),
    now,
  );
  const assignment = parsedAssignment.rows[0];
  if (assignment === undefined) return { view: undefined, quarantined: parsedAssignment.quarantined };
  const cycleRaw = await db.cycles.get(assignment.cycleId);
  const expertRaw = await db.experts.get(assignment.expertId);
  const cycle = await parseRows(
    db,
    'cycles',
    cycleRaw === undefined ? [] : [cycleRaw],
    cycleRowSchema,
    keyFields('id'),
    now,
  );
  const expert = await parseRows(
    db,
    'experts',
    expertRaw === undefined ? [] : [expertRaw],
    expertRowSchema,
    keyFields('id'),
    now,
  );
  const applicantsRaw = await db.applicants.where('cycleId').equals(assignment.cycleId).toArray();
  const applicants = await parseRows(
    db,
    'applicants',
    applicantsRaw,
    applicantRowSchema,
    keyFields('cycleId', 'id'),
    now,
  );
  const quarantined = parsedAssignment.quarantined + cycle.quarantined + expert.quarantined + applicants.quarantined;
  const cycleRow = cycle.rows[0];
  const expertRow = expert.rows[0];
  if (cycleRow === undefined || expertRow === undefined) return { view: undefined, quarantined };
  const byId = new Map(applicants.rows.map((a) => [a.id, a]));
  const ordered = assignment.applicantIds.flatMap((id) => {
    const applicant = byId.get(id);
    return applicant === undefined ? [] : [applicant];
  });
  return { view: { assignment, cycle: cycleRow, expert: expertRow, applicants: ordered }, quarantined };
}
