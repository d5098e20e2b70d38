import { z } from 'zod';
import { stageSchema } from '../../src-shared/assignments/assignment-schema';
import {
  defenseWorkSchema,
  evidenceSchema,
  issueDraftSchema,
  siteWorkSchema,
} from '../../src-shared/stages/stage-work';

/**
 * One row per sheet (schema version 7): what the expert records at the stage beyond the scores, kept while it is
 * typed so nothing is lost if the app closes mid-session (issue 5). `carried` is what the previous stage handed
 * over when the sheet was seeded; the reasons say why a carried percent changed. At submission these become the
 * signed `work` of the sheet (src-shared/stages/stage-work.ts).
 */
export const timerEventSchema = z
  .object({ type: z.enum(['start', 'pause']), segmentId: z.string().min(1), at: z.number().int().nonnegative() })
  .strict();

export const stageWorkRowSchema = z
  .object({
    v: z.literal(1),
    sheetId: z.string().min(1),
    stage: stageSchema,
    /** The expert's own previous stage the sheet was seeded from; null at the first stage or with none to seed. */
    seededFrom: stageSchema.nullable(),
    /** Percent per item as carried from `seededFrom` (null: not scored there). */
    carried: z.record(z.string(), z.number().int().min(0).max(100).nullable()),
    /** Why a carried percent changed, per item. */
    reasons: z.record(z.string(), z.string().max(2000)),
    issues: z.array(issueDraftSchema),
    defense: defenseWorkSchema.nullable(),
    timer: z.array(timerEventSchema),
    site: siteWorkSchema.nullable(),
    evidence: z.array(evidenceSchema),
    updatedAt: z.string(),
  })
  .strict();
export type StageWorkRow = z.infer<typeof stageWorkRowSchema>;
export type TimerEventRow = z.infer<typeof timerEventSchema>;
/** An issue to verify as kept while it is written (the signed form needs text, items and, once settled, a finding). */
export type IssueDraft = z.infer<typeof issueDraftSchema>;
