import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { storageFailure } from '../../../src-renderer/data/storage-errors';

function codeOf(error: unknown): string | undefined {
  const result = storageFailure<never>(error);
  return result.ok ? undefined : result.error.code;
}

describe('storageFailure', () => {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it.each<[string, unknown]>([
    ['a DOMException', quota],
    ['a Dexie AbortError wrapping it in .inner', new Dexie.AbortError('Transaction aborted', quota)],
    ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError('quota')],
    ['a plain object with that name', { name: 'QuotaExceededError', message: 'full' }],
    ['a chain of wrappers', { name: 'AbortError', inner: { name: 'UnknownError', inner: quota } }],
  ])('maps QuotaExceededError as %s to E_STORAGE_QUOTA', (_label, error) => {
    expect(storageFailure(error)).toEqual({
      ok: false,
      error: { code: 'E_STORAGE_QUOTA', message: 'storage quota exceeded' },
    });
  });

  it.each<[string, unknown, string]>([
    ['an Error', new Error('disk gone'), 'Error: disk gone'],
    ['a DOMException of another kind', new DOMException('no', 'InvalidStateError'), 'InvalidStateError: no'],
    [
      'a Dexie error wrapping another',
      new Dexie.AbortError('aborted', new DOMException('x', 'UnknownError')),
      'UnknownError: x',
    ],
    ['a string', 'just text', 'just text'],
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
  ])('maps %s to E_STORAGE_WRITE with a detail', (_label, error, detail) => {
    const result = storageFailure(error);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_STORAGE_WRITE', params: { detail } } });
    expect(result.ok ? '' : result.error.message).toMatch(/^write failed: /);
  });

  it('names the innermost error in the detail and the outer message in the log line', () => {
    const result = storageFailure(new Dexie.AbortError('tx aborted', new DOMException('x', 'ConstraintError')));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_STORAGE_WRITE', params: { detail: 'ConstraintError: x' } },
    });
    expect(result.ok ? '' : result.error.message).toContain('tx aborted');
  });

  it('stops walking a cycle of inner errors', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(codeOf(a)).toBe('E_STORAGE_WRITE');
  });

  it('finds the quota error only within five levels of wrapping', () => {
    let error: unknown = quota;
    for (let i = 0; i < 4; i += 1) error = { name: 'AbortError', inner: error };
    expect(codeOf(error)).toBe('E_STORAGE_QUOTA');
  });
});
