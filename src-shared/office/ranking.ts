import type { AdvanceRule } from './office-schemas';

/** An applicant's total at hundredth-of-a-point precision, as ranked. */
export interface Scored {
  readonly applicantId: string;
  readonly hundredths: number;
}

export interface Ranked extends Scored {
  /** Standard competition ranking: equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
  /** Another applicant has the same total: the office decides the order between them. */
  readonly tied: boolean;
}

/**
 * Ranks totals descending. Totals are integers (hundredths of a point), so "equal" is exact equality at
 * hundredth precision, the precision every total is shown at (a combined total after its one rounding).
 * Tied applicants are listed by id (code-unit order, not locale) only so the output is deterministic;
 * that order means nothing, and `tied` says so. One entry per applicant is expected.
 */
export function rankByTotal(entries: readonly Scored[]): Ranked[] {
  const sorted = [...entries].sort(
    (a, b) =>
      b.hundredths - a.hundredths || (a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0),
  );
  const ranked: Ranked[] = [];
  sorted.forEach((entry, index) => {
    const previous = sorted[index - 1];
    const next = sorted[index + 1];
    const sharesRank = previous !== undefined && previous.hundredths === entry.hundredths;
    const rank = sharesRank ? (ranked[index - 1]?.rank ?? index + 1) : index + 1;
    const tied = sharesRank || (next !== undefined && next.hundredths === entry.hundredths);
    ranked.push({ applicantId: entry.applicantId, hundredths: entry.hundredths, rank, tied });
  });
  return ranked;
}

export interface AdvanceList {
  /** In ranking order. */
  readonly applicantIds: readonly string[];
  /**
   * For a top-N rule, the applicants tied on the last rank that makes the cut when taking them all makes
   * the list longer than N (e.g. ranks 1, 2, 2 for N = 2). They all advance: dropping one would decide a
   * tie by the order of ids. The office sees the flag and may confirm or cut by hand. Empty otherwise.
   */
  readonly tiedAtCut: readonly string[];
}

/**
 * Who goes on to the next stage (Art. 11 (4)–(6): a list for the defense, then for the site visit):
 * every applicant whose rank is at most N, or whose total is at or above the threshold.
 */
export function advanceList(ranking: readonly Ranked[], rule: AdvanceRule): AdvanceList {
  if (rule.kind === 'threshold') {
    return {
      applicantIds: ranking.filter((r) => r.hundredths >= rule.minHundredths).map((r) => r.applicantId),
      tiedAtCut: [],
    };
  }
  const chosen = ranking.filter((r) => r.rank <= rule.count);
  const lastRank = chosen[chosen.length - 1]?.rank;
  const tiedAtCut =
    chosen.length > rule.count ? chosen.filter((r) => r.rank === lastRank).map((r) => r.applicantId) : [];
  return { applicantIds: chosen.map((r) => r.applicantId), tiedAtCut };
}
