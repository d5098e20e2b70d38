import { readFileSync } from 'node:fs';
import type { Criteria } from '../../../../src-shared/criteria/criteria-schema';
import { parseCriteriaJson } from '../../../../src-shared/criteria/load-criteria';

/** The 100-point test criteria: category 1 (1.1: 35, 1.2: 25 points) and category 2 (2.1: 40 points). */
export function miniCriteria(): Criteria {
  const url = new URL('../../../fixtures/criteria/mini-100.json', import.meta.url);
  const parsed = parseCriteriaJson(readFileSync(url, 'utf8'), 'mini-100.json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
