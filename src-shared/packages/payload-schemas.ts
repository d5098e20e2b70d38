import { z } from 'zod';
import { decodeBase64Strict } from './base64';
import { applicantSchema, assignmentSchema, cycleSchema, stageSchema } from '../assignments/assignment-schema';
import { assignmentMaterialSchema, panelIssueSchema, stageSetupSchema } from '../stages/stage-setup';
import { stageWorkSchema } from '../stages/stage-work';

/** Every kind of package (docs/package-format.md). */
export const packageKinds = ['enrollment', 'assignment', 'pledge', 'declaration', 'sheet', 'receipt'] as const;
export type PackageKind = (typeof packageKinds)[number];

/** The DSSE payloadType of a kind: `application/vnd.scorebook.<kind>.v1+json`. */
export function payloadTypeOf(kind: PackageKind): string {
  return `application/vnd.scorebook.${kind}.v1+json`;
}

/** The kind a payloadType names, or undefined for a type we do not know. */
export function kindOfPayloadType(payloadType: string): PackageKind | undefined {
  return packageKinds.find((kind) => payloadTypeOf(kind) === payloadType);
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** A raw 32-byte public key (Ed25519 or X25519) in canonical base64. */
const publicKey32 = z
  .string()
  .refine((text) => decodeBase64Strict(text)?.byteLength === 32, 'a 32-byte key in canonical base64');
/** UUIDv7 (RFC 9562): version nibble 7, variant 10xx. */
const uuidV7 = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
/** UTC with a Z, at most milliseconds, and a real calendar time (not 2026-13-45T99:99:99Z). */
const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/)
  .refine((text) => {
    const time = Date.parse(text);
    return Number.isFinite(time) && new Date(time).toISOString().slice(0, 19) === text.slice(0, 19);
  }, 'not a real UTC time');
const id = z.string().min(1).max(200);
const shortText = z.string().max(200);
const longText = z.string().max(20_000);

/** Fields every payload carries. `createdAt` is informative only: the office trusts its own clock. */
const common = {
  packageId: uuidV7,
  cycleId: id,
  issuer: id,
  /** The signer's fingerprint: a hint for the registry lookup, never trusted on its own. */
  keyId: hex64,
  createdAt: isoTime,
  app: z.object({ name: z.string().max(50), version: z.string().max(50) }).strict(),
};

/** Fields of packages that belong to one (expert, cycle, stage, applicant) version chain. */
const chained = {
  stage: stageSchema,
  applicantId: id,
  assignmentId: id,
  /** SHA-256 of the office-signed assignment payload the expert worked from. */
  assignmentHash: hex64,
  /** Counts per (expert, cycle, stage, applicant) from 1; a revision is seq + 1. */
  seq: z.number().int().min(1).max(1_000_000),
  /** SHA-256 of the previous accepted payload bytes of the chain; null for seq 1. */
  prevHash: hex64.nullable(),
};

export const evidenceCommentSchema = z
  .object({ text: longText, page: z.number().int().positive().nullable(), ref: shortText })
  .strict();

export const attachmentRefSchema = z
  .object({
    sha256: hex64,
    size: z.number().int().nonnegative(),
    name: z.string().min(1).max(255),
    mediaType: z.string().min(1).max(100),
  })
  .strict();
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const sheetPayloadSchema = z
  .object({
    schema: z.literal('scorebook.sheet/1'),
    kind: z.literal('sheet'),
    ...common,
    ...chained,
    criteria: z.object({ id, version: z.string().min(1).max(50) }).strict(),
    items: z
      .array(
        z
          .object({
            itemId: id,
            percent: z.number().int().min(0).max(100).multipleOf(5),
            strengths: z.array(evidenceCommentSchema).max(50),
            ofis: z.array(evidenceCommentSchema).max(50),
          })
          .strict(),
      )
      .max(200),
    /** The totals the expert saw; the office recomputes them and must get the same (E_TOTALS). */
    totals: z
      .object({
        hundredths: z.number().int().nonnegative(),
        categories: z.array(z.object({ categoryId: id, hundredths: z.number().int().nonnegative() }).strict()),
      })
      .strict(),
    attachments: z.array(attachmentRefSchema).max(200),
    /** Why this version replaces the previous one; required from seq 2 on. */
    revisionReason: z.string().max(2000).nullable(),
    /**
     * The stage's work beyond the scores (issue 5): changes from the previous stage with reasons, issues to verify,
     * the defense session, the site visit and evidence. Optional: sheets of apps before issue 5 have none.
     */
    work: stageWorkSchema.optional(),
  })
  .strict()
  .refine((p) => (p.seq === 1) === (p.revisionReason === null) && (p.seq === 1 || p.revisionReason?.trim() !== ''), {
    message: 'a revision (seq ≥ 2) needs a reason; the first version has none',
    path: ['revisionReason'],
  })
  .refine((p) => (p.work?.evidence ?? []).every((e) => p.attachments.some((a) => a.sha256 === e.sha256)), {
    message: 'every evidence file is one of the attachments',
    path: ['work', 'evidence'],
  });
export type SheetPayload = z.infer<typeof sheetPayloadSchema>;

/** Art. 19 of the Measures: the grounds of a conflict of interest an expert can declare. */
export const conflictGroundSchema = z.enum(['employment', 'consulting', 'financial', 'relative', 'business', 'other']);
export type ConflictGround = z.infer<typeof conflictGroundSchema>;

export const declarationPayloadSchema = z
  .object({
    schema: z.literal('scorebook.declaration/1'),
    kind: z.literal('declaration'),
    ...common,
    ...chained,
    conflict: z.boolean(),
    grounds: z.array(z.object({ ground: conflictGroundSchema, text: z.string().max(2000) }).strict()).max(6),
    /** Why a new version corrects an earlier declaration; required from seq 2 on. */
    correctionReason: z.string().max(2000).nullable(),
  })
  .strict()
  .refine((p) => p.conflict === p.grounds.length > 0, {
    message: 'a conflict needs at least one ground, none needs none',
  });
export type DeclarationPayload = z.infer<typeof declarationPayloadSchema>;

export const pledgePayloadSchema = z
  .object({
    schema: z.literal('scorebook.pledge/1'),
    kind: z.literal('pledge'),
    ...common,
    /** SHA-256 of the exact pledge text the expert accepted (UTF-8). */
    pledgeTextSha256: hex64,
    accepted: z.literal(true),
  })
  .strict();
export type PledgePayload = z.infer<typeof pledgePayloadSchema>;

const notBlank = (text: string): boolean => text.trim().length > 0;

/** The expert's profile as enrolled and as kept with the keys (one schema for both). */
export const expertProfileSchema = z
  .object({
    name: z.string().min(1).max(50).refine(notBlank),
    workUnit: z.string().min(1).max(100).refine(notBlank),
    title: z.string().max(50),
    /** Digits, spaces, + and - only. */
    phone: z
      .string()
      .max(30)
      .regex(/^[0-9 +-]*$/),
    fields: z.array(z.string().min(1).max(30).refine(notBlank)).max(10),
  })
  .strict();
export type ExpertProfile = z.infer<typeof expertProfileSchema>;

export const enrollmentPayloadSchema = z
  .object({
    schema: z.literal('scorebook.enrollment/1'),
    kind: z.literal('enrollment'),
    ...common,
    profile: expertProfileSchema,
    /** Raw 32-byte Ed25519 and X25519 public keys, base64. */
    signingPublicKey: publicKey32,
    receivingPublicKey: publicKey32,
  })
  .strict();
export type EnrollmentPayload = z.infer<typeof enrollmentPayloadSchema>;

export const receiptPayloadSchema = z
  .object({
    schema: z.literal('scorebook.receipt/1'),
    kind: z.literal('receipt'),
    ...common,
    /** The package this receipt answers, and the hash of the payload bytes the office accepted. */
    receiptFor: uuidV7,
    payloadSha256: hex64,
    status: z.enum(['accepted', 'duplicate']),
    acceptedSeq: z.number().int().min(1).nullable(),
    receivedAt: isoTime,
  })
  .strict();
export type ReceiptPayload = z.infer<typeof receiptPayloadSchema>;

/** A cycle's comment rules (issue 3): thresholds that make a comment required, or null when the cycle does not require it. */
export const commentRulesSchema = z
  .object({
    /** Items at or above this percent need a strength with evidence. */
    strengthWithEvidenceFrom: z.number().int().min(0).max(100).nullable(),
    /** Items at or below this percent need an opportunity for improvement. */
    ofiUpTo: z.number().int().min(0).max(100).nullable(),
  })
  .strict();
export type CommentRules = z.infer<typeof commentRulesSchema>;

export const assignmentPayloadSchema = z
  .object({
    schema: z.literal('scorebook.assignment/1'),
    kind: z.literal('assignment'),
    ...common,
    /** The expert this assignment is for, by id and by signing-key fingerprint: another expert's is refused. */
    expertId: id,
    expertFingerprint: hex64,
    cycle: cycleSchema,
    commentRules: commentRulesSchema,
    /** The pledge (保密承诺) text of the cycle, accepted before anything of the cycle opens. */
    pledgeText: z.string().min(1).max(20_000),
    assignment: assignmentSchema,
    applicants: z.array(applicantSchema).min(1).max(500),
    /** The office's public keys: the signing key is pinned at the first import; packages are sealed to the receiving key. */
    office: z
      .object({ name: z.string().min(1).max(100), signingPublicKey: publicKey32, receivingPublicKey: publicKey32 })
      .strict(),
    /** Issue 5, optional (absent: the default setup): defense segments and rubric, the evidence size limit. */
    stageSetup: stageSetupSchema.optional(),
    /** The applicants' PDFs, each a blob of the container by SHA-256 (checked at import, E_ATTACHMENT). */
    materials: z.array(assignmentMaterialSchema).max(200).optional(),
    /** The panel's issues to verify on site, seeding each expert's site visit. */
    panelIssues: z.array(panelIssueSchema).max(500).optional(),
  })
  .strict()
  .refine((p) => (p.materials ?? []).every((m) => p.applicants.some((a) => a.id === m.applicantId)), {
    message: 'every material belongs to an applicant of the assignment',
    path: ['materials'],
  });
export type AssignmentPayload = z.infer<typeof assignmentPayloadSchema>;

/** The payload schema of each kind. */
export const payloadSchemas = {
  enrollment: enrollmentPayloadSchema,
  assignment: assignmentPayloadSchema,
  pledge: pledgePayloadSchema,
  declaration: declarationPayloadSchema,
  sheet: sheetPayloadSchema,
  receipt: receiptPayloadSchema,
} as const;
