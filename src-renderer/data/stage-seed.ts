import type { Stage } from '../../src-shared/assignments/assignment-schema';
import { previousStageOf } from '../../src-shared/stages/stage-rules';
import type { ScorebookDb } from './database';
import { quarantineInTransaction } from './quarantine';
import { assignmentPackageRowSchema, cycleRowSchema, type Comment, type ItemRow, type SheetRow } from './row-schemas';
import { ownSheetOfStage, parsedWith, validItems } from './stage-sheets';
import { stageWorkRowSchema, type IssueDraft, type StageWorkRow } from './stage-rows';
import { emptyStageWorkRow } from './stage-work-repository';

/**
 * Seeding a stage's sheet from the expert's own previous stage (issue 5 item 1). The sheet, its carried item rows
 * and its stage-work row are written in the one transaction that creates the sheet, so a half-seeded sheet cannot
 * exist; a sheet that exists already is never touched.
 */

/** The panel's issues for this applicant from the sheet's assignment, as open drafts of origin `panel`. */
async function panelIssuesOf(db: ScorebookDb, sheet: SheetRow): Promise<IssueDraft[]> {
  const signed = parsedWith(assignmentPackageRowSchema)(await db.assignmentPackages.get(sheet.assignmentId))[0];
  return (signed?.payload.panelIssues ?? [])
    .filter((issue) => issue.applicantId === sheet.applicantId)
    .map((issue) => ({
      id: issue.id,
      origin: 'panel' as const,
      itemIds: [...issue.itemIds],
      kind: issue.kind,
      text: issue.text,
      evidence: '',
      status: 'open' as const,
      finding: '',
    }));
}

/** Issues in order, each id once: the first occurrence wins (a carried issue keeps its status). */
function withoutDuplicates(issues: readonly IssueDraft[]): IssueDraft[] {
  const seen = new Set<string>();
  const kept: IssueDraft[] = [];
  for (const issue of issues) {
    if (seen.has(issue.id)) continue;
    seen.add(issue.id);
    kept.push(issue);
  }
  return kept;
}

interface Carried {
  readonly seededFrom: Stage | null;
  readonly items: readonly ItemRow[];
  readonly issues: readonly IssueDraft[];
}

async function carriedFrom(db: ScorebookDb, sheet: SheetRow, stages: readonly Stage[]): Promise<Carried> {
  const stage = previousStageOf(stages, sheet.stage);
  const previous = stage === null ? undefined : await ownSheetOfStage(db, sheet, stage);
  if (stage === null || previous === undefined) return { seededFrom: null, items: [], issues: [] };
  const items = await validItems(db, previous.id);
  const work = parsedWith(stageWorkRowSchema)(await db.stageWork.get(previous.id))[0];
  // A draft never given its text was never an issue; the rest go on with their ids, origin and status.
  const issues = (work?.issues ?? []).filter((issue) => issue.text.trim() !== '');
  return { seededFrom: stage, items, issues };
}

/**
 * Seeds a sheet just created (call in its transaction, with `seedTables`): from the expert's own sheet of the
 * previous stage in the cycle's order, each item's percent, strengths and opportunities (marked `carriedFrom`, with
 * ids of their own) and note, the carried percents and the issues to verify; at the site visit also the panel's
 * issues for this applicant. No previous sheet: nothing carried, seeded from nothing. The stage-work row is written
 * either way, so every sheet created from now on has one.
 */
export async function seedSheetInTransaction(db: ScorebookDb, sheet: SheetRow, at: string): Promise<void> {
  const cycle = parsedWith(cycleRowSchema)(await db.cycles.get(sheet.cycleId))[0];
  const carried = await carriedFrom(db, sheet, cycle?.stages ?? []);
  // Ids derived from the originals: unique in the new sheet as they were in the old one, and the same every time.
  const mark = (comments: readonly Comment[], stage: Stage): Comment[] =>
    comments.map((c) => ({ id: `${c.id}~${stage}`, text: c.text, page: c.page, ref: c.ref, carriedFrom: stage }));
  if (carried.seededFrom !== null) {
    const stage = carried.seededFrom;
    for (const item of carried.items) {
      // Item rows can outlive a quarantined sheet row; what is there stays.
      if ((await db.items.get([sheet.id, item.itemId])) !== undefined) continue;
      await db.items.put({
        v: 1,
        sheetId: sheet.id,
        itemId: item.itemId,
        percent: item.percent,
        strengths: mark(item.strengths, stage),
        ofis: mark(item.ofis, stage),
        note: item.note,
        updatedAt: at,
      });
    }
  }
  const panel = sheet.stage === 'site' ? await panelIssuesOf(db, sheet) : [];
  const carriedPercents = Object.fromEntries(carried.items.map((item) => [item.itemId, item.percent]));

  // A stage-work row written before the sheet existed (a session opened first) keeps what was typed into it.
  const raw = await db.stageWork.get(sheet.id);
  const stored = stageWorkRowSchema.safeParse(raw);
  if (raw !== undefined && !stored.success) {
    await quarantineInTransaction(db, 'stageWork', sheet.id, raw, stored.error.message, at);
  }
  const base: StageWorkRow = stored.success ? stored.data : emptyStageWorkRow(sheet.id, sheet.stage, at);
  const keepCarried = Object.keys(base.carried).length > 0;
  await db.stageWork.put({
    ...base,
    seededFrom: base.seededFrom ?? carried.seededFrom,
    carried: keepCarried ? base.carried : carriedPercents,
    issues: withoutDuplicates([...base.issues, ...carried.issues, ...panel]),
    updatedAt: at,
  });
}

/** The tables `seedSheetInTransaction` reads and writes, for the transaction that creates a sheet. */
export function seedTables(db: ScorebookDb) {
  return [db.items, db.stageWork, db.assignments, db.assignmentPackages, db.cycles, db.quarantine];
}
