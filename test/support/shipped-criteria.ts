import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { parseCriteriaJson } from '../../src-shared/criteria/load-criteria';

/** The criteria file the app ships, parsed through the real loader (a test fails if it does not load). */
export function shippedCriteria(): Criteria {
  const path = fileURLToPath(new URL('../../resources/criteria/gbt19580-2012.json', import.meta.url));
  const parsed = parseCriteriaJson(readFileSync(path, 'utf8'), 'gbt19580-2012.json');
  if (!parsed.ok) throw new Error(`shipped criteria do not load: ${parsed.error.message}`);
  return parsed.value;
}
