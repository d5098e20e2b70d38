import type { Criteria } from '../criteria/criteria-schema';
import { pointsInHundredths } from './percent';

/** A percent per item id; a missing id or null means "not scored yet". */
export type PercentByItem = ReadonlyMap<string, number | null>;

export interface CategoryTotal {
  readonly categoryId: string;
  readonly hundredths: number;
  readonly maxHundredths: number;
  readonly scoredItems: number;
  readonly itemCount: number;
}

export interface SheetTotals {
  readonly categories: readonly CategoryTotal[];
  readonly hundredths: number;
  readonly maxHundredths: number;
  readonly scoredItems: number;
  readonly itemCount: number;
}

/**
 * Category and total points as exact sums of item points in hundredths. Unscored items count
 * zero; `scoredItems` tells how far the sheet is. Ids not in the criteria are ignored.
 */
export function computeTotals(criteria: Criteria, percents: PercentByItem): SheetTotals {
  let hundredths = 0;
  let scoredItems = 0;
  let itemCount = 0;
  const categories = criteria.categories.map((category) => {
    let categoryHundredths = 0;
    let categoryScored = 0;
    for (const item of category.items) {
      const percent = percents.get(item.id);
      if (percent !== undefined && percent !== null) {
        categoryHundredths += pointsInHundredths(item.points, percent);
        categoryScored += 1;
      }
    }
    hundredths += categoryHundredths;
    scoredItems += categoryScored;
    itemCount += category.items.length;
    return {
      categoryId: category.id,
      hundredths: categoryHundredths,
      maxHundredths: category.points * 100,
      scoredItems: categoryScored,
      itemCount: category.items.length,
    };
  });
  return { categories, hundredths, maxHundredths: criteria.totalPoints * 100, scoredItems, itemCount };
}
