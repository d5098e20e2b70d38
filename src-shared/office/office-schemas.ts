import { z } from 'zod';
import { stageSchema, type Stage } from '../assignments/assignment-schema';
import { stageCombinationSchema, type CycleSettings } from './cycle-settings';

/**
 * The plain data the office's aggregation works on (issue 4 items 7–9). Each schema is the check at a
 * boundary — a file the office loads, a request from the renderer; the functions of this folder take
 * the parsed types and never parse again.
 */

const id = z.string().min(1);

/**
 * One expert's latest sheet for one applicant at one stage, as the office accepted it. `percents` maps
 * item id → integer percent; null or an absent id means "not scored". The grid (multiples of the
 * criteria's step) is checked against the criteria by `aggregateStage`, which knows the step.
 */
export const officeSheetSchema = z
  .object({
    expertId: id,
    applicantId: id,
    stage: stageSchema,
    percents: z.record(z.string(), z.number().int().min(0).max(100).nullable()),
  })
  .strict();
export type OfficeSheet = z.infer<typeof officeSheetSchema>;

/** Who scores one applicant at one stage, with the team leader (组长) who leads the consensus. */
export const panelSchema = z
  .object({
    applicantId: id,
    stage: stageSchema,
    expertIds: z.array(id).min(1),
    leaderId: id,
  })
  .strict()
  .refine((panel) => new Set(panel.expertIds).size === panel.expertIds.length, {
    message: 'an expert is listed twice in the panel',
    path: ['expertIds'],
  })
  .refine((panel) => panel.expertIds.includes(panel.leaderId), {
    message: 'the leader is not a member of the panel',
    path: ['leaderId'],
  });
export type Panel = z.infer<typeof panelSchema>;

/** Who goes on to the next stage: the first `count` of the ranking, or everyone at or above a total. */
export const advanceRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('top'), count: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('threshold'), minHundredths: z.number().int().min(0) }).strict(),
]);
export type AdvanceRule = z.infer<typeof advanceRuleSchema>;

export const stageSettingsSchema = z
  .object({
    stage: stageSchema,
    combination: stageCombinationSchema,
    /** Relative weight in the combined ranking; weights are divided by their sum, so 3/2/5 = 30/20/50 %. */
    weight: z.number().int().min(0).max(1000),
    /** Null for the last stage, or when the office decides the advance list by hand. */
    advance: advanceRuleSchema.nullable(),
  })
  .strict();
export type StageSettings = z.infer<typeof stageSettingsSchema>;

/**
 * How the office's results are formed for a cycle: the spread threshold, and per stage in the cycle's
 * order its combination, weight and advance rule. The cycle's own settings (cycle-settings.ts) hold one
 * combination and percent weights; {@link resultsSettingsFromCycle} derives these from them, and an office
 * that combines stages differently (e.g. consensus on site, trimmed mean at the defense) sets them here.
 */
export const resultsSettingsSchema = z
  .object({
    /** Items whose spread (max − min, percentage points) is at or above this go to consensus. */
    spreadThreshold: z.number().int().min(0).max(100),
    /** In the cycle's order (Art. 11: material → defense → site; some awards visit before the defense). */
    stages: z.array(stageSettingsSchema).min(1),
  })
  .strict()
  .refine((s) => new Set(s.stages.map((x) => x.stage)).size === s.stages.length, {
    message: 'a stage is listed twice',
    path: ['stages'],
  })
  .refine((s) => s.stages.some((x) => x.weight > 0), {
    message: 'at least one stage needs a positive weight',
    path: ['stages'],
  });
export type ResultsSettings = z.infer<typeof resultsSettingsSchema>;

/**
 * The results settings a cycle's settings imply: its spread threshold, its one combination and its
 * weights at every stage (a stage without a weight weighs 0), and the advance rules given here, if any.
 */
export function resultsSettingsFromCycle(
  cycle: Pick<CycleSettings, 'spreadThreshold' | 'stages' | 'stageWeights' | 'combination'>,
  advance: Partial<Record<Stage, AdvanceRule>> = {},
): ResultsSettings {
  return {
    spreadThreshold: cycle.spreadThreshold,
    stages: cycle.stages.map((stage) => ({
      stage,
      combination: cycle.combination,
      weight: cycle.stageWeights[stage] ?? 0,
      advance: advance[stage] ?? null,
    })),
  };
}

/** One item of a consensus: the agreed percent and, when it differs from the seed, why. */
export const consensusItemSchema = z.object({ itemId: id, percent: z.number().int(), reason: z.string() }).strict();
export type ConsensusItem = z.infer<typeof consensusItemSchema>;

/** The consensus a panel's leader records for one applicant at one stage (one percent per item). */
export const consensusRecordSchema = z
  .object({
    applicantId: id,
    stage: stageSchema,
    /** The team leader (组长); empty is caught by the validator with its own problem, not by the schema. */
    leaderId: z.string(),
    items: z.array(consensusItemSchema),
  })
  .strict();
export type ConsensusRecord = z.infer<typeof consensusRecordSchema>;

/** The office's proposed recommendation list (Art. 11 (7)), in the order proposed. */
export const recommendationSchema = z.object({ qualityAward: z.array(id), nomination: z.array(id) }).strict();
export type Recommendation = z.infer<typeof recommendationSchema>;
