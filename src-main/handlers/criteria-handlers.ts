import type { CriteriaSummary } from '../../src-shared/contract/channels';
import { fail, ok, type AppError, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { parseCriteriaJson } from '../../src-shared/criteria/load-criteria';
import type { ResourceFiles } from '../services/resource-files';
import type { Handlers } from './handler-types';

const criteriaFolder = 'criteria';

interface LoadedCriteria {
  readonly valid: Criteria[];
  /** Why a file failed, under the id it claims (or its file name when its JSON names none). */
  readonly brokenById: Map<string, AppError>;
}

/** The `id` a criteria file claims, read leniently so a broken file can still be matched to a request. */
function claimedId(text: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Criteria files are found by the id inside them, not by file name, so a new edition or a
 * provincial variant dropped into resources/criteria loads without code changes.
 */
async function loadAll(files: ResourceFiles): Promise<Result<LoadedCriteria>> {
  const names = await files.list(criteriaFolder, '.json');
  if (!names.ok) return names;
  const valid: Criteria[] = [];
  const brokenById = new Map<string, AppError>();
  for (const name of names.value) {
    const text = await files.readText(`${criteriaFolder}/${name}`);
    if (!text.ok) continue;
    const parsed = parseCriteriaJson(text.value, name);
    if (parsed.ok) valid.push(parsed.value);
    else {
      // Unreadable JSON names no id: fall back to the file name, the only other hint there is.
      brokenById.set(claimedId(text.value) ?? name.replace(/\.json$/, ''), parsed.error);
    }
  }
  return ok({ valid, brokenById });
}

/**
 * The criteria with `id` from resources/criteria (also what sheets are validated against); a broken file of that id
 * gives its own error, none gives E_CRITERIA_NOT_FOUND.
 */
export async function loadCriteria(files: ResourceFiles, id: string): Promise<Result<Criteria>> {
  const all = await loadAll(files);
  if (!all.ok) return all;
  const found = all.value.valid.find((c) => c.id === id);
  if (found !== undefined) return ok(found);
  // When the file asked for is there but broken, its precise problem helps more than "not found".
  const broken = all.value.brokenById.get(id);
  if (broken !== undefined) return { ok: false, error: broken };
  return fail('E_CRITERIA_NOT_FOUND', `no criteria with id ${id}`, { id });
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
      return loadCriteria(files, id);
    },
  };
}
