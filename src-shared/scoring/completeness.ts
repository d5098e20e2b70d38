import type { Criteria } from '../criteria/criteria-schema';

/** What completeness needs to know of one item of a sheet. */
export interface ItemProgress {
  readonly percent: number | null;
  readonly strengthCount: number;
  readonly ofiCount: number;
}

export interface Completeness {
  /** Item ids in criteria order that have no percent yet. */
  readonly missingScore: readonly string[];
  /** Item ids in criteria order with neither a strength nor an improvement opportunity. */
  readonly missingComment: readonly string[];
  readonly complete: boolean;
}

/** Which items still lack a score or any comment; a sheet is complete when neither list has entries. */
export function completeness(criteria: Criteria, progress: ReadonlyMap<string, ItemProgress>): Completeness {
  const missingScore: string[] = [];
  const missingComment: string[] = [];
  for (const category of criteria.categories) {
    for (const item of category.items) {
      const entry = progress.get(item.id);
      if (entry === undefined || entry.percent === null) missingScore.push(item.id);
      if (entry === undefined || entry.strengthCount + entry.ofiCount === 0) missingComment.push(item.id);
    }
  }
  return { missingScore, missingComment, complete: missingScore.length === 0 && missingComment.length === 0 };
}
