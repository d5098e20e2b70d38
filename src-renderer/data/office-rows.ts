import { z } from 'zod';
import { stageSchema } from '../../src-shared/assignments/assignment-schema';
import { applicantRecordSchema } from '../../src-shared/office/applicant-schema';
import { consensusRecordSchema, recommendationSchema } from '../../src-shared/office/office-schemas';
import { issueKindSchema } from '../../src-shared/stages/stage-work';

/**
 * Rows of the office's working data (Dexie schema 6, unchanged in 7). Every row is parsed with these schemas when read; a row that
 * does not parse is quarantined (quarantine.ts), never dropped. `v` is the row format's version.
 */

const id = z.string().min(1);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One applicant of a cycle: the register record, and the per-category summaries experts score from. */
export const officeApplicantRowSchema = z
  .object({
    v: z.literal(1),
    id,
    cycleId: id,
    record: applicantRecordSchema,
    /** The application's summary per criteria category, sent to experts in the assignment profile. */
    summaries: z.array(z.object({ categoryId: id, text: z.string().min(1) }).strict()),
    /** The office's judgement on rules the eligibility check leaves open (Art. 9 own method, Art. 9 (2) district). */
    judgements: z.array(z.object({ rule: id, outcome: z.enum(['pass', 'fail']), note: z.string() }).strict()),
    /**
     * Issue 5: the SHA-256 of each material whose bytes main holds (office:material-add), so assignments can carry it.
     * Absent on rows saved before: their materials were recorded by name, size and hash only.
     */
    storedMaterials: z.array(hex64).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type OfficeApplicantRow = z.infer<typeof officeApplicantRowSchema>;

/**
 * One of a site-visit panel's issues to verify (待核实问题) for one applicant, as the office edits it; issuing sends it
 * as a PanelIssue (src-shared/stages/stage-setup.ts). `source` names the expert's material-review issue it was
 * collected from (null: typed by the office), so collecting again adds nothing twice.
 */
export const officePanelIssueSchema = z
  .object({
    id,
    applicantId: id,
    itemIds: z.array(id).max(23),
    kind: issueKindSchema,
    text: z.string().max(2000),
    source: z.object({ expertId: id, issueId: id }).strict().nullable(),
  })
  .strict();
export type OfficePanelIssue = z.infer<typeof officePanelIssueSchema>;

/** A panel (评审组) of one stage: its experts with one leader (组长), and the applicants it scores. */
export const officePanelRowSchema = z
  .object({
    v: z.literal(1),
    id,
    cycleId: id,
    stage: stageSchema,
    name: z.string().min(1).max(100),
    leaderId: z.string(),
    expertIds: z.array(id),
    applicantIds: z.array(id),
    /** Issue 5: the panel's issues to verify on site; absent on rows saved before (and on panels with none). */
    issues: z.array(officePanelIssueSchema).max(500).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type OfficePanelRow = z.infer<typeof officePanelRowSchema>;

/** The office key's signature over a record's canonical JSON (office:sign-record). */
export const officeSignatureSchema = z
  .object({ sha256: z.string(), signature: z.string(), keyId: z.string(), signedAt: z.string() })
  .strict();
export type OfficeSignature = z.infer<typeof officeSignatureSchema>;

const signedConsensusSchema = z
  .object({ record: consensusRecordSchema, signature: officeSignatureSchema, reason: z.string() })
  .strict();

/** The consensus of one applicant at one stage (id `cycleId|stage|applicantId`), each signed version kept. */
export const officeConsensusRowSchema = z
  .object({
    v: z.literal(1),
    id,
    cycleId: id,
    stage: stageSchema,
    applicantId: id,
    current: signedConsensusSchema,
    /** Earlier signed versions, oldest first; a new version needs a reason. */
    history: z.array(signedConsensusSchema),
    updatedAt: z.string(),
  })
  .strict();
export type OfficeConsensusRow = z.infer<typeof officeConsensusRowSchema>;

const signedRecommendationSchema = z
  .object({ recommendation: recommendationSchema, signature: officeSignatureSchema, reason: z.string() })
  .strict();

/** The office's recommendation list of a cycle (id = the cycle's id), each signed version kept. */
export const officeDecisionRowSchema = z
  .object({
    v: z.literal(1),
    id,
    current: signedRecommendationSchema,
    history: z.array(signedRecommendationSchema),
    updatedAt: z.string(),
  })
  .strict();
export type OfficeDecisionRow = z.infer<typeof officeDecisionRowSchema>;
