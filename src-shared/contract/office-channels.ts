import { z } from 'zod';
import { applicantSchema, cycleSchema, stageSchema } from '../assignments/assignment-schema';
import {
  commentRulesSchema,
  declarationPayloadSchema,
  expertProfileSchema,
  pledgePayloadSchema,
  sheetPayloadSchema,
} from '../packages/payload-schemas';
import { assignmentMaterialSchema, panelIssueSchema, stageSetupSchema } from '../stages/stage-setup';

/**
 * The office workstation's channels (issue 4): its expert registry, issuing assignments, the verifying inbox, the
 * receipts and the office signature on a consensus. Main owns this state because main verifies, archives and signs:
 * acceptance, the archived bytes and the index entry are written together (docs/architecture.md, "Office").
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const recordId = z.string().min(1).max(200);
const isoTime = z.string().min(1).max(40);
/** The parameters of an error code's message (error-messages.ts fills them in). */
const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** Files picked by the user, as base64; the renderer sends them in batches under the web host's 16 MiB body cap. */
export const officeFilesRequestSchema = z
  .object({
    files: z
      .array(
        z
          .object({
            name: z.string().min(1).max(255),
            // 120 MiB of base64 (90 MiB of file): a site-visit sheet with its photos, sent alone.
            base64: z
              .string()
              .min(1)
              .max(120 * 1024 * 1024),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

/** An expert as the office's key registry knows them. Only a confirmed, unrevoked expert is assigned and trusted. */
export const expertRecordSchema = z
  .object({
    /** The `issuer` of the expert's enrollment package: the id every later package of theirs names. */
    expertId: recordId,
    profile: expertProfileSchema,
    /** SHA-256 of the raw Ed25519 signing key (the keyId of their packages), lower-case hex. */
    fingerprint: hex64,
    signingPublicKey: z.string(),
    receivingPublicKey: z.string(),
    enrollmentPackageId: z.string(),
    /** The office's clock when the enrollment was imported. */
    enrolledAt: isoTime,
    status: z.enum(['pending', 'confirmed', 'revoked']),
    /** Who compared the fingerprint with the expert (a person's name), and when. */
    confirmedBy: z.string().nullable(),
    confirmedAt: isoTime.nullable(),
    revokedAt: isoTime.nullable(),
    revokeReason: z.string().nullable(),
  })
  .strict();
export type ExpertRecord = z.infer<typeof expertRecordSchema>;

/** One file that was not taken, with its code and the parameters of its message. */
export const fileRejectionSchema = z
  .object({
    name: z.string(),
    code: z.string(),
    params: messageParams,
  })
  .strict();
export type FileRejection = z.infer<typeof fileRejectionSchema>;

/** An assignment the office signed: what the inbox checks sheets against (`isAssigned`). */
export const issuedAssignmentSchema = z
  .object({
    assignmentId: recordId,
    cycleId: recordId,
    stage: stageSchema,
    expertId: recordId,
    panelId: recordId,
    applicantIds: z.array(recordId).min(1),
    packageId: z.string(),
    /** SHA-256 of the signed assignment payload: the `assignmentHash` the expert's sheets carry. */
    payloadSha256: hex64,
    fileName: z.string(),
    issuedAt: isoTime,
  })
  .strict();
export type IssuedAssignment = z.infer<typeof issuedAssignmentSchema>;

/** One entry of the inbox: a package accepted (or answered as a duplicate) or refused. */
export const inboxResultSchema = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.enum(['accepted', 'duplicate']),
      name: z.string(),
      packageId: z.string(),
      kind: z.enum(['pledge', 'declaration', 'sheet']),
      expertId: z.string(),
      cycleId: z.string(),
      stage: stageSchema.nullable(),
      applicantId: z.string().nullable(),
      seq: z.number().int().min(1).nullable(),
      payloadSha256: hex64,
      /** The receipt's own packageId; a duplicate gets the original receipt again. */
      receiptId: z.string(),
    })
    .strict(),
  z
    .object({
      outcome: z.literal('rejected'),
      name: z.string(),
      /** SHA-256 of the file's bytes: the name it is kept under, unchanged, in inbox/rejected/. */
      sha256: hex64,
      code: z.string(),
      params: messageParams,
    })
    .strict(),
]);
export type InboxResult = z.infer<typeof inboxResultSchema>;

/** An accepted package's payload, as the office's screens read it (the latest version of each chain). */
export const inboxPackageSchema = z
  .object({
    packageId: z.string(),
    receivedAt: isoTime,
    payloadSha256: hex64,
    payload: z.union([sheetPayloadSchema, declarationPayloadSchema, pledgePayloadSchema]),
  })
  .strict();
export type InboxPackage = z.infer<typeof inboxPackageSchema>;

export const inboxRejectionSchema = z
  .object({
    name: z.string(),
    sha256: hex64,
    code: z.string(),
    params: messageParams,
    at: isoTime,
  })
  .strict();
export type InboxRejection = z.infer<typeof inboxRejectionSchema>;

const cycleRequest = z.object({ cycleId: recordId }).strict();

/** What an assignment states besides its expert and applicants: issuing one and loading the demo both send it. */
const assignmentFields = {
  cycle: cycleSchema,
  commentRules: commentRulesSchema,
  pledgeText: z.string().min(1).max(20_000),
  stage: stageSchema,
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  panelId: recordId,
  /** Issue 5: the cycle's defense and evidence setup (absent: the defaults). */
  stageSetup: stageSetupSchema.optional(),
  /** The applicants' PDFs to carry, each stored first with office:material-add (E_MATERIAL_MISSING otherwise). */
  materials: z.array(assignmentMaterialSchema).max(200).optional(),
  /** The panel's issues to verify on site (site-visit assignments). */
  panelIssues: z.array(panelIssueSchema).max(500).optional(),
};

/** A table cell problem, as src-shared/office/csv.ts `TableError` (line and column 1-based, header = line 1). */
export const tableErrorSchema = z
  .object({
    line: z.number().int().min(1),
    column: z.number().int().min(1).nullable(),
    field: z.string().nullable(),
    code: z.string(),
    message: z.string(),
    params: messageParams,
  })
  .strict();

/** A table as text rows (line = the spreadsheet's row number), the form both CSV and XLSX imports validate. */
const tableRowsSchema = z.array(z.object({ line: z.number().int().min(1), cells: z.array(z.string()) }).strict());

export const officeContract = {
  /** The key registry: every expert whose enrollment was imported, with its confirmation and revocation. */
  'office:experts-list': { request: z.object({}).strict(), response: z.array(expertRecordSchema) },
  /**
   * Imports self-signed enrollment packages (.qapkg). Each verifies on its own; a new expert is `pending` until a
   * person confirms the fingerprint. The same key again, or another expert with the same key, is refused.
   */
  'office:experts-import': {
    request: officeFilesRequestSchema,
    response: z.object({ imported: z.array(expertRecordSchema), rejected: z.array(fileRejectionSchema) }).strict(),
  },
  /** A person compared the fingerprint with the expert (by phone, in person): the full fingerprint is sent back. */
  'office:expert-confirm': {
    request: z.object({ expertId: recordId, fingerprint: hex64, confirmedBy: z.string().min(1).max(50) }).strict(),
    response: expertRecordSchema,
  },
  /** The office corrects the work unit, fields and phone it keeps (the signed enrollment stays as received). */
  'office:expert-update': {
    request: z
      .object({
        expertId: recordId,
        workUnit: expertProfileSchema.shape.workUnit,
        fields: expertProfileSchema.shape.fields,
        phone: expertProfileSchema.shape.phone,
      })
      .strict(),
    response: expertRecordSchema,
  },
  /** Revokes the expert's key: every package signed with it and received from now on is refused (E_KEY_REVOKED). */
  'office:expert-revoke': {
    request: z.object({ expertId: recordId, reason: z.string().min(1).max(2000) }).strict(),
    response: expertRecordSchema,
  },
  /**
   * Signs one expert's assignment for one stage and seals it to the expert's receiving key. Main refuses an expert
   * who is not confirmed or is revoked, and an applicant the expert declared a conflict for or whose name is the
   * expert's work unit (E_CONFLICT).
   */
  'office:assignment-issue': {
    request: z
      .object({ ...assignmentFields, expertId: recordId, applicants: z.array(applicantSchema).min(1).max(500) })
      .strict(),
    response: issuedAssignmentSchema.extend({ base64: z.string() }),
  },
  'office:assignments-list': { request: cycleRequest, response: z.array(issuedAssignmentSchema) },
  /** Verifies, archives and indexes experts' packages; each gets a receipt, a duplicate the original one. */
  'office:inbox-import': { request: officeFilesRequestSchema, response: z.array(inboxResultSchema) },
  /** The latest accepted version of every chain of a cycle, every pledge, and the files refused. */
  'office:inbox-list': {
    request: cycleRequest,
    response: z
      .object({
        packages: z.array(inboxPackageSchema),
        rejected: z.array(inboxRejectionSchema),
        /** Accepted packages of the cycle counted with every version, not only the latest. */
        acceptedCount: z.number().int().min(0),
      })
      .strict(),
  },
  /** Every receipt of one expert in a cycle as one receipts file (.qarcpt) the expert's outbox imports. */
  'office:receipts-export': {
    request: z.object({ cycleId: recordId, expertId: recordId }).strict(),
    response: z.object({ fileName: z.string(), base64: z.string(), count: z.number().int().min(0) }).strict(),
  },
  /**
   * Signs a record the office keeps (a consensus, a recommendation): SHA-256 of its canonical JSON (RFC 8785), signed
   * with the office key. The record stays in the renderer's database with the signature.
   */
  'office:sign-record': {
    request: z
      .object({ recordType: z.enum(['consensus', 'recommendation']), record: z.record(z.string(), z.unknown()) })
      .strict(),
    response: z.object({ sha256: hex64, signature: z.string(), keyId: hex64, signedAt: isoTime }).strict(),
  },
  /**
   * The office's demo (issue 4: "the demo offers both roles"): five fictional experts with keys made for the demo only,
   * registered and confirmed as 示例 (demo) data, assigned to the given panel, whose pledges, declarations (one
   * recusal) and score sheets are signed, sealed and taken in through the real inbox. Refused unless the cycle's name
   * marks it as a demo (the renderer creates that cycle); nothing of it can reach a real expert.
   */
  'office:demo-load': {
    request: z.object({ ...assignmentFields, applicants: z.array(applicantSchema).min(1).max(10) }).strict(),
    response: z
      .object({
        experts: z.array(expertRecordSchema),
        issued: z.number().int().min(0),
        inbox: z.array(inboxResultSchema),
      })
      .strict(),
  },
  /** The first sheet of an .xlsx workbook as text rows; unreadable cells are listed and their rows left out. */
  'office:xlsx-read': {
    request: z
      .object({
        base64: z
          .string()
          .min(1)
          .max(28 * 1024 * 1024),
      })
      .strict(),
    response: z.object({ rows: tableRowsSchema, errors: z.array(tableErrorSchema) }).strict(),
  },
  /** Writes rows of text as an .xlsx workbook with one sheet; the first row is the (bold, frozen) header. */
  'office:xlsx-write': {
    request: z
      .object({
        sheetName: z.string().min(1).max(31),
        rows: z
          .array(z.array(z.string().max(32_767)).max(200))
          .min(1)
          .max(100_000),
      })
      .strict(),
    response: z.object({ base64: z.string() }).strict(),
  },
} as const;
