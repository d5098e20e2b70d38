import { z } from 'zod';
import { stageSchema, type Stage } from '../../src-shared/assignments/assignment-schema';
import { commentRulesSchema } from '../../src-shared/packages/payload-schemas';
import { assignmentMaterialSchema, defaultStageSetup, stageSetupSchema } from '../../src-shared/stages/stage-setup';
import type { SecretFile } from './secret-file';
import { createJsonStore, type JsonStore } from './json-store';

/**
 * Main's record of each imported assignment and of what the expert signed under it, in `<dataDir>/assignments.json`
 * (docs/package-format.md §4: "the writer keeps its sequence counter with its key, in the app's main process").
 * The last chain entry of a (kind, cycle, stage, applicant) is the head: the next version's seq and prevHash come
 * from it. Assignments are recorded at import (assignment-handlers.ts), after the package verified; a later import
 * of the same assignment id replaces its fields (the office re-issued it) and keeps the signed history.
 *
 * A file that does not read or parse is reported as E_KEY_FILE_CORRUPT naming the file and is NEVER overwritten:
 * starting over would restart every chain at seq 1, which the office refuses (E_ROLLBACK / E_FORK).
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** The office's ids: the assignment schema bounds them only by the file's size, so neither does this. */
const id = z.string().min(1);
const time = z.string().min(1).max(40);

/** What a record written before criteriaId and commentRules were kept reads as. */
export const legacyCriteriaId = 'gbt19580-2012';
export const legacyCommentRules = { strengthWithEvidenceFrom: null, ofiUpTo: null } as const;
/** What a record written before issue 5 reads as: the Measures' three stages in order (Art. 11). */
export const legacyStages = ['material', 'defense', 'site'] as const;

export const assignmentRecordSchema = z
  .object({
    assignmentId: id,
    cycleId: id,
    stage: stageSchema,
    expertId: id,
    applicantIds: z.array(id).min(1),
    /** SHA-256 of the office-signed assignment payload bytes (the chain packages' `assignmentHash`). */
    assignmentHash: hex64,
    /** The office's X25519 receiving key (raw 32 bytes, base64): pledges, declarations and sheets are sealed to it. */
    officeReceivingKey: z.string().min(1).max(100),
    /** SHA-256 of the UTF-8 of the assignment's pledge text. */
    pledgeTextSha256: hex64,
    demo: z.boolean(),
    /**
     * The criteria the cycle scores against (`cycle.criteriaId`) and its comment rules (`commentRules`): sheets are
     * checked with them. Records written before these were kept lack them; they read as the shipped criteria and no
     * rules (what those early assignments used), and the next import of the assignment writes the real ones.
     */
    criteriaId: id.default(legacyCriteriaId),
    commentRules: commentRulesSchema.default({ ...legacyCommentRules }),
    /**
     * Issue 5, kept the same way (a default on read, the real values from the next import): the cycle's stages in
     * order (a sheet's `work.seededFrom` must be the stage before this one), the stage setup (defense rubric,
     * evidence size limit; the defaults when the assignment carries none), and the applicants' PDFs it carried,
     * stored by SHA-256 in `<dataDir>/materials/` (materials:read serves only these).
     */
    stages: z
      .array(stageSchema)
      .min(1)
      .default(() => [...legacyStages]),
    stageSetup: stageSetupSchema.default(defaultStageSetup),
    materials: z.array(assignmentMaterialSchema).max(200).default([]),
  })
  .strict();
export type AssignmentRecord = z.infer<typeof assignmentRecordSchema>;

const pledgeEntrySchema = z.object({ cycleId: id, packageId: id, payloadSha256: hex64, signedAt: time }).strict();
export type PledgeEntry = z.infer<typeof pledgeEntrySchema>;

const chainEntrySchema = z
  .object({
    kind: z.enum(['declaration', 'sheet']),
    cycleId: id,
    stage: stageSchema,
    applicantId: id,
    seq: z.number().int().min(1).max(1_000_000),
    payloadSha256: hex64,
    /** Declarations only: whether the expert declared a conflict of interest (a recusal). */
    conflict: z.boolean().optional(),
    signedAt: time,
  })
  .strict();
export type ChainEntry = z.infer<typeof chainEntrySchema>;

export const assignmentRecordsFileSchema = z
  .object({
    format: z.literal('scorebook.assignments/1'),
    version: z.literal(1),
    /** One per assignment id (an array, not an object: ids come from the office and may be any string). */
    assignments: z.array(assignmentRecordSchema).max(100_000),
    pledges: z.array(pledgeEntrySchema).max(1_000_000),
    chains: z.array(chainEntrySchema).max(1_000_000),
  })
  .strict()
  .refine((file) => new Set(file.assignments.map((a) => a.assignmentId)).size === file.assignments.length, {
    message: 'an assignment id repeats',
  });
export type AssignmentRecordsFile = z.infer<typeof assignmentRecordsFileSchema>;

export const emptyAssignmentRecords: AssignmentRecordsFile = {
  format: 'scorebook.assignments/1',
  version: 1,
  assignments: [],
  pledges: [],
  chains: [],
};

export function findAssignment(records: AssignmentRecordsFile, assignmentId: string): AssignmentRecord | undefined {
  return records.assignments.find((record) => record.assignmentId === assignmentId);
}

/** The records with `record` added, or replacing the one of its id; undefined when nothing changes (idempotent). */
export function withAssignment(
  records: AssignmentRecordsFile,
  record: AssignmentRecord,
): AssignmentRecordsFile | undefined {
  const existing = findAssignment(records, record.assignmentId);
  if (existing !== undefined && JSON.stringify(existing) === JSON.stringify(record)) return undefined;
  const others = records.assignments.filter((a) => a.assignmentId !== record.assignmentId);
  return { ...records, assignments: [...others, record] };
}

/** The head (last entry) of one chain, or undefined before its first version. */
export function chainHead(
  records: AssignmentRecordsFile,
  kind: ChainEntry['kind'],
  cycleId: string,
  stage: Stage,
  applicantId: string,
): ChainEntry | undefined {
  return records.chains.findLast(
    (entry) =>
      entry.kind === kind && entry.cycleId === cycleId && entry.stage === stage && entry.applicantId === applicantId,
  );
}

/** Whether a pledge was signed for the cycle. */
export function isPledged(records: AssignmentRecordsFile, cycleId: string): boolean {
  return records.pledges.some((pledge) => pledge.cycleId === cycleId);
}

/**
 * Whether the expert is recused from `applicantId` under the assignment: the latest declaration about the applicant,
 * in any stage of the assignment's cycle, declares a conflict (the office, too, recuses per cycle and applicant:
 * `OfficeState.isRecused`). A correction to "no conflict" in that chain lifts it. An unknown assignment, or an
 * applicant not in it, gives false: the caller refuses those as E_NOT_ASSIGNED first.
 */
export function isRecused(records: AssignmentRecordsFile, assignmentId: string, applicantId: string): boolean {
  const record = findAssignment(records, assignmentId);
  if (record === undefined || !record.applicantIds.includes(applicantId)) return false;
  return stageSchema.options.some(
    (stage) => chainHead(records, 'declaration', record.cycleId, stage, applicantId)?.conflict === true,
  );
}

/** The records store: see JsonStore (one change at a time, never writes a corrupt or invalid file). */
export type AssignmentRecordStore = JsonStore<AssignmentRecordsFile>;

export function createAssignmentRecordStore(file: SecretFile, fileName: string): AssignmentRecordStore {
  return createJsonStore(file, {
    fileName,
    label: 'assignment records',
    format: 'scorebook.assignments/1',
    schema: assignmentRecordsFileSchema,
    empty: emptyAssignmentRecords,
  });
}
