import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import type { Criteria } from '../../../src-shared/criteria/criteria-schema';
import { itemIds } from '../../../src-shared/criteria/load-criteria';
import { aggregateStage, type StageAggregation } from '../../../src-shared/office/aggregate-stage';
import type { OfficeSheet, Panel } from '../../../src-shared/office/office-schemas';
import { shippedCriteria } from '../../support/shipped-criteria';

/** GB/T 19580-2012 as shipped: 23 items, 1000 points, 5 % steps. */
export const criteria: Criteria = shippedCriteria();
export const ids: readonly string[] = itemIds(criteria);

/** A sheet with every item at `base` percent, except the items given in `overrides` (null = unscored). */
export function sheet(
  expertId: string,
  overrides: Readonly<Record<string, number | null>> = {},
  base = 50,
  applicantId = 'A1',
  stage: Stage = 'material',
): OfficeSheet {
  const percents: Record<string, number | null> = Object.fromEntries(ids.map((id) => [id, base]));
  return { expertId, applicantId, stage, percents: { ...percents, ...overrides } };
}

export function panel(expertIds: readonly string[], applicantId = 'A1', stage: Stage = 'material'): Panel {
  return { applicantId, stage, expertIds: [...expertIds], leaderId: expertIds[0] ?? '' };
}

/** Aggregates and fails the test (by throwing) when the fixture itself is refused. */
export function aggregated(p: Panel, sheets: readonly OfficeSheet[], spreadThreshold = 30): StageAggregation {
  const result = aggregateStage(criteria, p, sheets, spreadThreshold);
  if (!result.ok) throw new Error(`fixture refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * The worked example of these tests: five experts on one applicant, every item at 50 % (500.00 points)
 * except three. Hand-computed consequences are written where they are asserted.
 *
 * | expert | 4.1.2 (50 pts) | 4.4.3 (15 pts) | 4.7.2 (80 pts) |
 * | E1     | 40             | 40             | 40             |
 * | E2     | 55             | 45             | 50             |
 * | E3     | 60             | 50             | 60             |
 * | E4     | 70             | 60             | 70             |
 * | E5     | 75             | 65             | 70             |
 */
export const FIVE = ['E1', 'E2', 'E3', 'E4', 'E5'] as const;
export const WORKED: Readonly<Record<(typeof FIVE)[number], Readonly<Record<string, number>>>> = {
  E1: { '4.1.2': 40, '4.4.3': 40, '4.7.2': 40 },
  E2: { '4.1.2': 55, '4.4.3': 45, '4.7.2': 50 },
  E3: { '4.1.2': 60, '4.4.3': 50, '4.7.2': 60 },
  E4: { '4.1.2': 70, '4.4.3': 60, '4.7.2': 70 },
  E5: { '4.1.2': 75, '4.4.3': 65, '4.7.2': 70 },
};

export function workedSheets(applicantId = 'A1', stage: Stage = 'material'): OfficeSheet[] {
  return FIVE.map((e) => sheet(e, WORKED[e], 50, applicantId, stage));
}

/** A sheet with one percent on every item: its total is 10 × percent points (1000 × percent / 100). */
export function flatSheet(
  expertId: string,
  percent: number,
  applicantId = 'A1',
  stage: Stage = 'material',
): OfficeSheet {
  return sheet(expertId, {}, percent, applicantId, stage);
}
