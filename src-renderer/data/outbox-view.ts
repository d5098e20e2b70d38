import type { Stage } from '../../src-shared/assignments/assignment-schema';
import type { ScorebookDb } from './database';
import { loadAssignmentView } from './assignment-repository';
import { listOutbox } from './outbox-repository';
import type { OutboxRow } from './row-schemas';

/** An outbox row with what the expert reads in the list: the applicant's name, the stage and the cycle's name. */
export type OutboxEntry = OutboxRow & {
  readonly applicantName: string | null;
  readonly stage: Stage | null;
  readonly cycleName: { readonly 'zh-CN': string; readonly en: string } | null;
};

/**
 * Every outbox package, newest first, with names from the assignment it was signed under (one read per assignment).
 * A package whose assignment is gone from this machine still lists, with its ids in place of names.
 */
export async function loadOutboxEntries(db: ScorebookDb, now: () => Date): Promise<OutboxEntry[]> {
  const rows = await listOutbox(db, now);
  const assignmentIds = [...new Set(rows.map((row) => row.assignmentId))];
  const views = new Map(
    await Promise.all(assignmentIds.map(async (id) => [id, (await loadAssignmentView(db, id, now)).view] as const)),
  );
  return rows.map((row) => {
    const view = views.get(row.assignmentId);
    const applicant = view?.applicants.find((a) => a.id === row.applicantId);
    return {
      ...row,
      applicantName: applicant?.name ?? null,
      stage: view?.assignment.stage ?? null,
      cycleName: view?.cycle.name ?? null,
    };
  });
}
