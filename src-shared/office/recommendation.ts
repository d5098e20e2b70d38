import { fail, ok, type Result } from '../contract/result';
import type { CycleSettings } from './cycle-settings';
import type { Recommendation } from './office-schemas';

const listNames = {
  qualityAward: { zh: '质量奖', en: 'Quality Award' },
  nomination: { zh: '提名奖', en: 'Nomination Award' },
} as const;

/** The cycle's limits, as the cycle settings hold them (capped there at Art. 3's 5 and 10). */
export type AwardLimits = Pick<CycleSettings, 'awardLimit' | 'nominationLimit'>;

/**
 * Checks the office's proposed recommendation list against Art. 3 of the Measures: at most
 * `awardLimit` Quality Awards and `nominationLimit` Nomination Awards, fewer or none allowed; an
 * applicant at most once, and never in both lists. Duplicates are reported before lengths, since a
 * duplicate also inflates a length. Errors are E_AWARD_DUPLICATE and E_AWARD_LIMIT, with the list and
 * applicant in the params.
 */
export function validateRecommendation(proposal: Recommendation, limits: AwardLimits): Result<Recommendation> {
  const seen = new Map<string, keyof typeof listNames>();
  for (const list of ['qualityAward', 'nomination'] as const) {
    for (const applicantId of proposal[list]) {
      const earlier = seen.get(applicantId);
      if (earlier !== undefined) {
        const where = earlier === list ? 'twice in the same list' : 'in both lists';
        return fail('E_AWARD_DUPLICATE', `applicant ${applicantId} is ${where}`, {
          applicant: applicantId,
          list,
          otherList: earlier,
        });
      }
      seen.set(applicantId, list);
    }
  }
  for (const list of ['qualityAward', 'nomination'] as const) {
    const count = proposal[list].length;
    const limit = list === 'qualityAward' ? limits.awardLimit : limits.nominationLimit;
    if (count > limit) {
      return fail('E_AWARD_LIMIT', `${listNames[list].en}: ${count} proposed, at most ${limit} allowed`, {
        list,
        listZh: listNames[list].zh,
        listEn: listNames[list].en,
        count,
        limit,
      });
    }
  }
  return ok(proposal);
}
