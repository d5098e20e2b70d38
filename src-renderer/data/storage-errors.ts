import { fail, type Result } from '../../src-shared/contract/result';

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) return String(error.name);
  return '';
}

/** Walks Dexie's wrapper errors down to the browser's DOMException. */
function innerErrors(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    chain.push(current);
    current = typeof current === 'object' && 'inner' in current ? current.inner : undefined;
  }
  return chain;
}

/** A failed write as an error value: the quota case gets its own code and message. */
export function storageFailure<T>(error: unknown): Result<T> {
  const chain = innerErrors(error);
  if (chain.map(errorName).includes('QuotaExceededError')) return fail('E_STORAGE_QUOTA', 'storage quota exceeded');
  const logLine = error instanceof Error ? error.message : String(error);
  // The user sees the innermost cause with its words ("ConstraintError: …"), not a wrapper's name.
  const inner = chain.length === 0 ? error : chain[chain.length - 1];
  const name = errorName(inner);
  const message =
    inner instanceof Error || (typeof inner === 'object' && inner !== null && 'message' in inner)
      ? String((inner as { message: unknown }).message)
      : '';
  const detail = name === '' ? String(inner) : message === '' ? name : `${name}: ${message}`;
  return fail('E_STORAGE_WRITE', `write failed: ${logLine}`, { detail });
}
