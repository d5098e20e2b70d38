import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { Stage } from '../../src-shared/assignments/assignment-schema';
import { emptyStageWork } from '../../src-shared/stages/stage-work';
import type { ScorebookDb } from './database';
import { quarantineInTransaction } from './quarantine';
import { stageWorkRowSchema, type StageWorkRow } from './stage-rows';
import { storageFailure } from './storage-errors';

/** The fields of a stage-work row an editor changes; the key, stage and version stay as stored. */
export type StageWorkEdit = Partial<Omit<StageWorkRow, 'v' | 'sheetId' | 'stage' | 'updatedAt'>>;

/** A new row for a sheet with nothing recorded and nothing carried. */
export function emptyStageWorkRow(sheetId: string, stage: Stage, at: string): StageWorkRow {
  const work = emptyStageWork(stage, null);
  return {
    v: 1,
    sheetId,
    stage,
    seededFrom: null,
    carried: {},
    reasons: {},
    issues: work.issues,
    defense: work.defense,
    timer: [],
    site: work.site,
    evidence: work.evidence,
    updatedAt: at,
  };
}

/** The stage work of a sheet; a stored row failing its schema is quarantined (never lost) and reads as absent. */
export async function loadStageWork(
  db: ScorebookDb,
  sheetId: string,
  now: () => Date,
): Promise<Result<StageWorkRow | undefined>> {
  try {
    return await db.transaction('rw', db.stageWork, db.quarantine, async () => {
      const raw = await db.stageWork.get(sheetId);
      if (raw === undefined) return ok(undefined);
      const parsed = stageWorkRowSchema.safeParse(raw);
      if (parsed.success) return ok(parsed.data);
      await quarantineInTransaction(db, 'stageWork', sheetId, raw, parsed.error.message, now().toISOString());
      await db.stageWork.delete(sheetId);
      return ok(undefined);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * Applies an edit to a sheet's stage work in one transaction (creating the row when there is none) and resolves
 * once it is committed, so what the expert typed survives the app closing. Returns the row as stored.
 */
export async function saveStageWork(
  db: ScorebookDb,
  target: { readonly sheetId: string; readonly stage: Stage },
  edit: StageWorkEdit,
  now: () => Date,
): Promise<Result<StageWorkRow>> {
  const at = now().toISOString();
  try {
    return await db.transaction('rw', db.stageWork, db.quarantine, async () => {
      const raw = await db.stageWork.get(target.sheetId);
      const stored = stageWorkRowSchema.safeParse(raw);
      if (raw !== undefined && !stored.success) {
        await quarantineInTransaction(db, 'stageWork', target.sheetId, raw, stored.error.message, at);
      }
      const before = stored.success ? stored.data : emptyStageWorkRow(target.sheetId, target.stage, at);
      const after = stageWorkRowSchema.safeParse({ ...before, ...edit, updatedAt: at });
      if (!after.success) {
        const detail = after.error.issues.map((issue) => issue.path.join('.')).join(', ');
        return fail('E_BAD_REQUEST', `stage work: ${detail}`, { detail });
      }
      await db.stageWork.put(after.data);
      return ok(after.data);
    });
  } catch (error) {
    return storageFailure(error);
  }
}
