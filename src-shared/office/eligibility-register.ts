import { z } from 'zod';
import { isoDateSchema } from './applicant-dates';
import { usccSchema } from './applicant-schema';

/**
 * The register of winners, bans and revocations (Art. 14–18) as far as the eligibility check reads it.
 *
 * - `award`: won the Quality Award (质量奖) on `date` — may not apply again within 5 years (Art. 15);
 * - `nomination`: won the Nomination Award (质量奖提名奖) — may apply again (Art. 15);
 * - `ban-false-materials`: concealed facts or gave false materials, decided on `date` — no application accepted for
 *   5 years (Art. 18 ¶1);
 * - `revoked-fraud`: award revoked for fraud or bribery on `date` — no application accepted for 10 years
 *   (Art. 18 ¶2);
 * - `revoked-accident`: award revoked on `date` for a major accident, a serious violation or a breach of the
 *   Measures within 5 years of winning (Art. 18 ¶3), which states no period of exclusion.
 */
export const registerEntryKindSchema = z.enum([
  'award',
  'nomination',
  'ban-false-materials',
  'revoked-fraud',
  'revoked-accident',
]);
export type RegisterEntryKind = z.infer<typeof registerEntryKindSchema>;

export const REGISTER_ENTRY_VERSION = 1;

export const registerEntrySchema = z
  .object({
    v: z.literal(REGISTER_ENTRY_VERSION),
    uscc: usccSchema,
    kind: registerEntryKindSchema,
    /** The day of the decision: the award decision (Art. 14), the refusal, or the revocation. */
    date: isoDateSchema,
    /** The cycle or the document of the decision, for people; not read by the check. */
    note: z.string().trim().max(200).nullable(),
  })
  .strict();
export type RegisterEntry = z.infer<typeof registerEntrySchema>;
