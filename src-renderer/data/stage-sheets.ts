import type { Stage } from '../../src-shared/assignments/assignment-schema';
import type { ScorebookDb } from './database';
import { assignmentRowSchema, itemRowSchema, sheetRowSchema, type ItemRow, type SheetRow } from './row-schemas';

/**
 * Finding an expert's sheets of the other stages of a cycle for one applicant. Each stage has its own assignment
 * (and so its own sheet); these reads join them by cycle, expert and applicant. Rows that fail their schema are
 * skipped here: they are quarantined when their own sheet is read.
 */

type SafeParser<T> = { safeParse: (raw: unknown) => { success: true; data: T } | { success: false } };

/** A flatMap callback: the parsed row, or nothing. */
export function parsedWith<T>(schema: SafeParser<T>): (raw: unknown) => T[] {
  return (raw) => {
    const result = schema.safeParse(raw);
    return result.success ? [result.data] : [];
  };
}

/** The sheet's own place: its cycle, applicant and assignment (whose expert the other sheets must share). */
export type SheetPlace = Pick<SheetRow, 'cycleId' | 'applicantId' | 'assignmentId'>;

/**
 * The expert's own sheet of `stage` for the same cycle and applicant: of an assignment of that stage for the same
 * expert that lists the applicant, and existing. With several (a re-issued assignment), the place's own assignment
 * first, then the latest edited.
 */
export async function ownSheetOfStage(db: ScorebookDb, place: SheetPlace, stage: Stage): Promise<SheetRow | undefined> {
  const current = parsedWith(assignmentRowSchema)(await db.assignments.get(place.assignmentId))[0];
  if (current === undefined) return undefined;
  const assignmentIds = (await db.assignments.where('cycleId').equals(place.cycleId).toArray())
    .flatMap(parsedWith(assignmentRowSchema))
    .filter((a) => a.stage === stage && a.expertId === current.expertId && a.applicantIds.includes(place.applicantId))
    .map((a) => a.id);
  const sheets = (await db.sheets.where('assignmentId').anyOf(assignmentIds).toArray())
    .flatMap(parsedWith(sheetRowSchema))
    .filter((s) => s.applicantId === place.applicantId && s.stage === stage);
  const rank = (s: SheetRow): number => (s.assignmentId === place.assignmentId ? 1 : 0);
  return sheets.sort((a, b) => rank(b) - rank(a) || b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** The item rows of a sheet that pass their schema. */
export async function validItems(db: ScorebookDb, sheetId: string): Promise<ItemRow[]> {
  return (await db.items.where('sheetId').equals(sheetId).toArray()).flatMap(parsedWith(itemRowSchema));
}

export interface StageSheet {
  readonly stage: Stage;
  readonly sheet: SheetRow;
  /** Percent per item id (items never touched are absent). */
  readonly percents: ReadonlyMap<string, number | null>;
}

/** The expert's sheets of this applicant at each stage of `stages` that has one, in that order (the stage view). */
export async function loadStageSheets(
  db: ScorebookDb,
  place: SheetPlace,
  stages: readonly Stage[],
): Promise<StageSheet[]> {
  const found = await Promise.all(
    stages.map(async (stage): Promise<StageSheet[]> => {
      const sheet = await ownSheetOfStage(db, place, stage);
      if (sheet === undefined) return [];
      const items = await validItems(db, sheet.id);
      return [{ stage, sheet, percents: new Map(items.map((item) => [item.itemId, item.percent])) }];
    }),
  );
  return found.flat();
}
