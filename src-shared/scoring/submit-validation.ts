import type { Criteria } from '../criteria/criteria-schema';
import { pointsInHundredths } from './percent';
import { computeTotals } from './totals';

/** A comment as submitted: text with its evidence (page of the material and/or a free-text reference). */
export interface SubmitComment {
  readonly text: string;
  readonly page: number | null;
  readonly ref: string;
}

export interface SubmitItem {
  readonly percent: number | null;
  readonly strengths: readonly SubmitComment[];
  readonly ofis: readonly SubmitComment[];
}

/** The cycle's comment rules; null thresholds are not required by the cycle. */
export interface SubmitRules {
  readonly strengthWithEvidenceFrom: number | null;
  readonly ofiUpTo: number | null;
}

export type SubmitIssueCode =
  | 'missing-score'
  | 'missing-comment'
  | 'strength-evidence-required'
  | 'ofi-required'
  | 'empty-comment'
  | 'comment-without-evidence';

export interface SubmitIssue {
  readonly itemId: string;
  readonly code: SubmitIssueCode;
}

export interface SubmitCheck {
  /** Block submission. */
  readonly errors: readonly SubmitIssue[];
  /** Shown in the summary; the expert may submit anyway. */
  readonly warnings: readonly SubmitIssue[];
}

const hasEvidence = (c: SubmitComment): boolean => c.page !== null || c.ref.trim() !== '';
const hasText = (c: SubmitComment): boolean => c.text.trim() !== '';

/**
 * Issue 3's submission rules: every item scored and with a strength or an opportunity (errors);
 * the cycle's thresholds — a strength with evidence at or above one percent, an opportunity at or
 * below another — are errors when the cycle sets them; blank comments and comments without
 * evidence are warnings. Issues are listed in criteria order.
 */
export function checkForSubmit(
  criteria: Criteria,
  items: ReadonlyMap<string, SubmitItem>,
  rules: SubmitRules,
): SubmitCheck {
  const errors: SubmitIssue[] = [];
  const warnings: SubmitIssue[] = [];
  for (const category of criteria.categories) {
    for (const { id: itemId } of category.items) {
      const item = items.get(itemId);
      const strengths = item?.strengths.filter(hasText) ?? [];
      const ofis = item?.ofis.filter(hasText) ?? [];
      if (item === undefined || item.percent === null) errors.push({ itemId, code: 'missing-score' });
      if (strengths.length + ofis.length === 0) errors.push({ itemId, code: 'missing-comment' });
      const percent = item?.percent ?? null;
      if (percent !== null && rules.strengthWithEvidenceFrom !== null && percent >= rules.strengthWithEvidenceFrom) {
        if (!strengths.some(hasEvidence)) errors.push({ itemId, code: 'strength-evidence-required' });
      }
      if (percent !== null && rules.ofiUpTo !== null && percent <= rules.ofiUpTo && ofis.length === 0) {
        errors.push({ itemId, code: 'ofi-required' });
      }
      const all = [...(item?.strengths ?? []), ...(item?.ofis ?? [])];
      if (all.some((c) => !hasText(c))) warnings.push({ itemId, code: 'empty-comment' });
      if (all.some((c) => hasText(c) && !hasEvidence(c))) warnings.push({ itemId, code: 'comment-without-evidence' });
    }
  }
  return { errors, warnings };
}

/** The scored content of a sheet in criteria order, with the totals the expert saw (for the signed payload). */
export function sheetContent(
  criteria: Criteria,
  items: ReadonlyMap<string, SubmitItem>,
): {
  items: { itemId: string; percent: number; strengths: SubmitComment[]; ofis: SubmitComment[] }[];
  totals: { hundredths: number; categories: { categoryId: string; hundredths: number }[] };
} {
  const scored = criteria.categories.flatMap((category) =>
    category.items.flatMap((criteriaItem) => {
      const item = items.get(criteriaItem.id);
      if (item === undefined || item.percent === null) return [];
      const clean = (c: SubmitComment): SubmitComment => ({ text: c.text.trim(), page: c.page, ref: c.ref.trim() });
      return [
        {
          itemId: criteriaItem.id,
          percent: item.percent,
          strengths: item.strengths.filter(hasText).map(clean),
          ofis: item.ofis.filter(hasText).map(clean),
          points: pointsInHundredths(criteriaItem.points, item.percent),
        },
      ];
    }),
  );
  const totals = computeTotals(criteria, new Map(scored.map((i) => [i.itemId, i.percent])));
  return {
    items: scored.map(({ itemId, percent, strengths, ofis }) => ({ itemId, percent, strengths, ofis })),
    totals: {
      hundredths: totals.hundredths,
      categories: totals.categories.map((c) => ({ categoryId: c.categoryId, hundredths: c.hundredths })),
    },
  };
}
