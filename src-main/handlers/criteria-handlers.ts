import type { CriteriaSummary } from '../../src-shared/contract/channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { parseCriteriaJson } from '../../src-shared/criteria/load-criteria';
import type { ResourceFiles } from '../services/resource-files';
import type { Handlers } from './handler-types';

const criteriaFolder = 'criteria';

/**
 * Criteria files are found by the id inside them, not by file name, so a new edition or a
 * provincial variant dropped into resources/criteria loads without code changes.
 */
async function loadAll(files: ResourceFiles): Promise<Result<{ valid: Criteria[]; firstError?: Result<never> }>> {
  const names = await files.list(criteriaFolder, '.json');
  if (!names.ok) return names;
  const valid: Criteria[] = [];
  let firstError: Result<never> | undefined;
  for (const name of names.value) {
    const text = await files.readText(`${criteriaFolder}/${name}`);
    const parsed = text.ok ? parseCriteriaJson(text.value, name) : text;
    if (parsed.ok) valid.push(parsed.value);
    else firstError ??= parsed as Result<never>;
  }
  return ok(firstError === undefined ? { valid } : { valid, firstError });
}

export function createCriteriaHandlers(files: ResourceFiles): Pick<Handlers, 'criteria:list' | 'criteria:get'> {
  return {
    async 'criteria:list'() {
      const all = await loadAll(files);
      if (!all.ok) return all;
      const summaries: CriteriaSummary[] = all.value.valid.map((c) => ({
        id: c.id,
        version: c.version,
        standard: c.standard,
        name: c.name,
      }));
      return ok(summaries);
    },
    async 'criteria:get'({ id }) {
      const all = await loadAll(files);
      if (!all.ok) return all;
      const found = all.value.valid.find((c) => c.id === id);
      if (found !== undefined) return ok(found);
      // A broken file may be the one asked for: its precise problem helps more than "not found".
      return all.value.firstError ?? fail('E_CRITERIA_NOT_FOUND', `no criteria with id ${id}`, { id });
    },
  };
}
