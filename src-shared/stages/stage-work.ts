import { z } from 'zod';
import { stageSchema } from '../assignments/assignment-schema';

/**
 * What an expert records at each stage beside the 1000-point sheet (issue 5): issues to verify on site (material
 * review), the defense session (segments used, questions and answers, rubric points), the site visit (interviews,
 * documents, key themes) and photo or file evidence bound by SHA-256. The same shapes are kept in the expert's
 * database and travel in the signed sheet package (`work`, sheet schema 2; docs/package-format.md §3.8).
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);
/** Items a record bears on: at least one, the criteria's item ids. */
const itemIds = z.array(id).max(23);
/** UTC with a Z: when something happened in the session, by the expert's clock. */
const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/);

/** An item whose percent differs from the one carried from the expert's previous stage, and why. */
export const itemChangeSchema = z
  .object({
    itemId: id,
    fromStage: stageSchema,
    previousPercent: z.number().int().min(0).max(100).multipleOf(5),
    percent: z.number().int().min(0).max(100).multipleOf(5),
    reason: text(2000).refine((reason) => reason.trim() !== '', 'a changed carried percent needs a reason'),
  })
  .strict();
export type ItemChange = z.infer<typeof itemChangeSchema>;

/** 待核实问题: "verify" checks a claim on site, "clarify" asks the applicant to explain. */
export const issueKindSchema = z.enum(['verify', 'clarify']);
export type IssueKind = z.infer<typeof issueKindSchema>;
/** How a site visit settles an issue; `open` until it is looked at. */
export const issueStatusSchema = z.enum(['open', 'confirmed', 'not-confirmed', 'new-finding']);
export type IssueStatus = z.infer<typeof issueStatusSchema>;

/** An issue as it is being written (kept while typed); the signed form below also needs text and findings. */
export const issueDraftSchema = z
  .object({
    id,
    /** `own`: written by this expert at material review; `panel`: the panel's list, from the assignment. */
    origin: z.enum(['own', 'panel']),
    itemIds,
    kind: issueKindSchema,
    text: text(2000),
    /** Where in the materials the doubt comes from (page, section). */
    evidence: text(2000),
    status: issueStatusSchema,
    /** What the site visit found; required once the status is not `open`. */
    finding: text(4000),
  })
  .strict();

export const issueToVerifySchema = issueDraftSchema
  .refine((issue) => issue.itemIds.length > 0 && issue.text.trim() !== '', {
    message: 'an issue names at least one item and has its text',
    path: ['text'],
  })
  .refine((issue) => issue.status === 'open' || issue.finding.trim() !== '', {
    message: 'a settled issue needs its finding',
    path: ['finding'],
  });
export type IssueToVerify = z.infer<typeof issueToVerifySchema>;

/** A defense segment as run: the planned minutes (from the cycle) and the seconds actually used. */
export const segmentUseSchema = z
  .object({ id, plannedMinutes: z.number().int().min(1).max(240), usedSeconds: z.number().int().min(0).max(86_400) })
  .strict();
export type SegmentUse = z.infer<typeof segmentUseSchema>;

export const defenseQuestionSchema = z
  .object({ id, at: isoTime, question: text(4000), answer: text(4000), itemIds })
  .strict();
export type DefenseQuestion = z.infer<typeof defenseQuestionSchema>;

export const rubricScoreSchema = z.object({ criterionId: id, points: z.number().min(0).max(1000) }).strict();
export type RubricScore = z.infer<typeof rubricScoreSchema>;

export const defenseWorkSchema = z
  .object({
    segments: z.array(segmentUseSchema).max(10),
    questions: z.array(defenseQuestionSchema).max(200),
    rubric: z.array(rubricScoreSchema).max(20),
  })
  .strict();
export type DefenseWork = z.infer<typeof defenseWorkSchema>;

/** An interview on site: the interviewee by role only (no personal names required), the topics and findings. */
export const interviewSchema = z
  .object({ id, role: text(200), at: isoTime, topics: text(2000), itemIds, findings: text(4000) })
  .strict();
export type Interview = z.infer<typeof interviewSchema>;

/** A document seen on site: its title, number (文号) and page. */
export const documentSeenSchema = z
  .object({ id, title: text(500), number: text(200), page: z.number().int().positive().nullable(), itemIds })
  .strict();
export type DocumentSeen = z.infer<typeof documentSeenSchema>;

export const themeSchema = z.object({ id, kind: z.enum(['strength', 'ofi']), text: text(2000) }).strict();
export type Theme = z.infer<typeof themeSchema>;

export const siteWorkSchema = z
  .object({
    interviews: z.array(interviewSchema).max(200),
    documents: z.array(documentSeenSchema).max(500),
    /** Key themes (关键主题): 3–5 overall strengths and 3–5 opportunities for improvement at submission. */
    themes: z.array(themeSchema).max(10),
  })
  .strict();
export type SiteWork = z.infer<typeof siteWorkSchema>;

/** A photo or file the expert took as evidence: bound by SHA-256 to an attachment of the package. */
export const evidenceSchema = z
  .object({
    id,
    sha256: hex64,
    size: z.number().int().nonnegative(),
    name: z.string().min(1).max(255),
    mediaType: z.string().min(1).max(100),
    caption: text(2000),
    itemIds,
    issueIds: z.array(id).max(200),
  })
  .strict();
export type Evidence = z.infer<typeof evidenceSchema>;

/** Everything of one stage beyond the scores; `defense` and `site` only at those stages. */
export const stageWorkSchema = z
  .object({
    /** The stage the sheet was seeded from (the expert's own previous stage), or null at the first stage. */
    seededFrom: stageSchema.nullable(),
    changes: z.array(itemChangeSchema).max(23),
    issues: z.array(issueToVerifySchema).max(200),
    defense: defenseWorkSchema.nullable(),
    site: siteWorkSchema.nullable(),
    evidence: z.array(evidenceSchema).max(200),
  })
  .strict();
export type StageWork = z.infer<typeof stageWorkSchema>;

/** The work of a stage with nothing recorded yet. */
export function emptyStageWork(stage: z.infer<typeof stageSchema>, seededFrom: StageWork['seededFrom']): StageWork {
  return {
    seededFrom,
    changes: [],
    issues: [],
    defense: stage === 'defense' ? { segments: [], questions: [], rubric: [] } : null,
    site: stage === 'site' ? { interviews: [], documents: [], themes: [] } : null,
    evidence: [],
  };
}
