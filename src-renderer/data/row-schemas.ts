import { z } from 'zod';
import { cycleSettingsSchema } from '../../src-shared/office/cycle-settings';
import {
  applicantSchema,
  assignmentSchema,
  cycleSchema,
  expertSchema,
  stageSchema,
} from '../../src-shared/assignments/assignment-schema';
import { assignmentPayloadSchema } from '../../src-shared/packages/payload-schemas';

/**
 * Every row carries the version of its own format (`v`), so a later schema version can
 * upgrade rows it recognises and quarantine the rest instead of guessing.
 */
export const commentSchema = z
  .object({
    id: z.string().min(1),
    text: z.string(),
    /** Page of the applicant's material the comment rests on, when there is one. */
    page: z.number().int().positive().nullable(),
    /** Free-text evidence reference (interview, document, section). */
    ref: z.string(),
    /** Set when the comment was carried over from the expert's previous stage (schema version 7). */
    carriedFrom: stageSchema.optional(),
  })
  .strict();
export type Comment = z.infer<typeof commentSchema>;

export const itemRowSchema = z
  .object({
    v: z.literal(1),
    sheetId: z.string().min(1),
    itemId: z.string().min(1),
    percent: z
      .number()
      .int()
      .min(0)
      .max(100)
      .refine((p) => p % 5 === 0)
      .nullable(),
    strengths: z.array(commentSchema),
    ofis: z.array(commentSchema),
    note: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type ItemRow = z.infer<typeof itemRowSchema>;

export const sheetRowSchema = z
  .object({
    v: z.literal(1),
    id: z.string().min(1),
    cycleId: z.string().min(1),
    assignmentId: z.string().min(1),
    applicantId: z.string().min(1),
    stage: stageSchema,
    criteriaId: z.string().min(1),
    /** `submitted`: signed and locked; a revision returns it to `draft` with the reason it will be signed with. */
    status: z.enum(['draft', 'submitted']),
    submittedSeq: z.number().int().min(1).optional(),
    revisionReason: z.string().max(2000).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type SheetRow = z.infer<typeof sheetRowSchema>;

export const auditFieldSchema = z.enum(['percent', 'strengths', 'ofis', 'note']);
export type AuditField = z.infer<typeof auditFieldSchema>;

export const auditRowSchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().positive().optional(),
    sheetId: z.string().min(1),
    itemId: z.string().min(1),
    field: auditFieldSchema,
    /** JSON of the value before and after, so any field's history reads the same way. */
    old: z.string(),
    new: z.string(),
    at: z.string(),
    /** Set when later keystrokes of the same typing burst were folded into this entry. */
    firstAt: z.string(),
  })
  .strict();
export type AuditRow = z.infer<typeof auditRowSchema>;

export const cycleRowSchema = cycleSchema.extend({ v: z.literal(1) }).strict();
export const expertRowSchema = expertSchema.extend({ v: z.literal(1) }).strict();
export const applicantRowSchema = applicantSchema.extend({ v: z.literal(1), cycleId: z.string().min(1) }).strict();
export const assignmentRowSchema = assignmentSchema
  .extend({ v: z.literal(1), importedAt: z.string(), source: z.enum(['demo', 'package']) })
  .strict();
export type CycleRow = z.infer<typeof cycleRowSchema>;
export type ExpertRow = z.infer<typeof expertRowSchema>;
export type ApplicantRow = z.infer<typeof applicantRowSchema>;
export type AssignmentRow = z.infer<typeof assignmentRowSchema>;

export const quarantineRowSchema = z.object({
  id: z.number().int().optional(),
  table: z.string(),
  key: z.string(),
  /** The exact row as it was found, serialised, so nothing of it is lost. */
  row: z.string(),
  problem: z.string(),
  at: z.string(),
});
export type QuarantineRow = z.infer<typeof quarantineRowSchema>;

/** The office-signed assignment a row came from, as main verified it (schema version 2). */
export const assignmentPackageRowSchema = z
  .object({
    v: z.literal(1),
    /** The assignment id. */
    id: z.string().min(1),
    payload: assignmentPayloadSchema,
    /** SHA-256 of the signed payload bytes: every package signed for this assignment names it. */
    assignmentHash: z.string().regex(/^[0-9a-f]{64}$/),
    officeFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    pinned: z.enum(['new', 'same', 'demo']),
    importedAt: z.string(),
  })
  .strict();
export type AssignmentPackageRow = z.infer<typeof assignmentPackageRowSchema>;

/** The office's receipt for an outbox package, as verified in main and matched here (schema version 4). */
export const outboxReceiptSchema = z
  .object({
    receiptId: z.string().min(1),
    status: z.enum(['accepted', 'duplicate']),
    acceptedSeq: z.number().int().min(1).nullable(),
    /** The office's clock when it accepted the package, and ours when the receipt was imported. */
    receivedAt: z.string(),
    importedAt: z.string(),
  })
  .strict();
export type OutboxReceipt = z.infer<typeof outboxReceiptSchema>;

const outboxFields = {
  packageId: z.string().min(1),
  kind: z.enum(['pledge', 'declaration', 'sheet']),
  assignmentId: z.string().min(1),
  applicantId: z.string().nullable(),
  seq: z.number().int().min(1).nullable(),
  fileName: z.string().min(1),
  /** The sealed `.qapkg` file, base64 — kept until a receipt confirms it (a few kilobytes each). */
  base64: z.string(),
  payloadSha256: z.string(),
  status: z.enum(['not-exported', 'exported', 'confirmed']),
  createdAt: z.string(),
  exportedAt: z.string().nullable(),
};

/**
 * A package main signed for the office (schema version 3 added the table with row version 1; version 4 rewrites the
 * rows as version 2 with `receipt`). A version-1 row still reads, as a version-2 row without a receipt.
 */
export const outboxRowSchema = z.union([
  z.object({ v: z.literal(2), ...outboxFields, receipt: outboxReceiptSchema.nullable() }).strict(),
  z
    .object({ v: z.literal(1), ...outboxFields })
    .strict()
    .transform((row) => ({ ...row, v: 2 as const, receipt: null })),
]);
export type OutboxRow = z.output<typeof outboxRowSchema>;

/** One revision of an office cycle's settings, kept when a later one replaces it (schema version 5). */
const cycleRevisionSchema = z
  .object({
    revision: z.number().int().min(1),
    settings: cycleSettingsSchema,
    savedAt: z.string(),
    /** Why this revision was replaced; required for a change of frozen settings after assignments were issued. */
    reason: z.string(),
  })
  .strict();

/** An award cycle the office runs: its current settings, their earlier revisions, and how many assignments use it. */
export const officeCycleRowSchema = z
  .object({
    v: z.literal(1),
    id: z.string().min(1),
    revision: z.number().int().min(1),
    settings: cycleSettingsSchema,
    history: z.array(cycleRevisionSchema),
    assignmentsIssued: z.number().int().min(0),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type OfficeCycleRow = z.infer<typeof officeCycleRowSchema>;
