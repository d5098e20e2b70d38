import { z } from 'zod';
import { bilingualSchema } from '../criteria/criteria-schema';
import { issueKindSchema } from './stage-work';

/**
 * How a cycle runs its defense and site visit (issue 5), set by the office with the cycle and carried to experts in
 * their assignments: the defense's timed segments, an optional defense rubric scored beside the 1000-point sheet,
 * and the largest evidence file an expert may attach.
 */

const id = z.string().min(1).max(100);
const MiB = 1024 * 1024;

export const defenseSegmentSchema = z
  .object({ id, name: bilingualSchema, minutes: z.number().int().min(1).max(240) })
  .strict();
export type DefenseSegment = z.infer<typeof defenseSegmentSchema>;

export const rubricCriterionSchema = z
  .object({ id, name: bilingualSchema, points: z.number().int().min(1).max(1000) })
  .strict();
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const stageSetupSchema = z
  .object({
    defenseSegments: z.array(defenseSegmentSchema).min(1).max(10),
    /** Empty when the cycle scores the defense on the 1000-point sheet alone. */
    defenseRubric: z.array(rubricCriterionSchema).max(20),
    /** The container caps one entry at 64 MiB (docs/package-format.md §2.4); a cycle may set less. */
    evidenceMaxBytes: z
      .number()
      .int()
      .min(1)
      .max(64 * MiB),
  })
  .strict();
export type StageSetup = z.infer<typeof stageSetupSchema>;

/** The defaults of issue 5: presentation 15 min, questions 15 min, no rubric, evidence files up to 20 MiB. */
export const defaultStageSetup: StageSetup = {
  defenseSegments: [
    { id: 'presentation', name: { 'zh-CN': '陈述', en: 'Presentation' }, minutes: 15 },
    { id: 'questions', name: { 'zh-CN': '答辩提问', en: 'Questions' }, minutes: 15 },
  ],
  defenseRubric: [],
  evidenceMaxBytes: 20 * MiB,
};

/** One of the panel's issues to verify on site, as the office lists it in an assignment. */
export const panelIssueSchema = z
  .object({
    id,
    applicantId: z.string().min(1).max(200),
    itemIds: z.array(z.string().min(1).max(200)).min(1).max(23),
    kind: issueKindSchema,
    text: z.string().min(1).max(2000),
  })
  .strict();
export type PanelIssue = z.infer<typeof panelIssueSchema>;

/** An application file carried in an assignment: its bytes travel as the container's blob of that SHA-256. */
export const assignmentMaterialSchema = z
  .object({
    applicantId: z.string().min(1).max(200),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z
      .number()
      .int()
      .min(1)
      .max(64 * MiB),
    name: z.string().min(1).max(255),
    /** Art. 11 (2): shown watermarked with the expert's name and the time; never exported or printed. */
    commercialSecret: z.boolean(),
  })
  .strict();
export type AssignmentMaterial = z.infer<typeof assignmentMaterialSchema>;
