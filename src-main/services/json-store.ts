import type { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { SecretFile } from './secret-file';

/** A versioned JSON file of main's, read with its schema and changed one call at a time. */
export interface JsonStore<S> {
  /** The state, the empty state when there is no file; E_KEY_FILE_CORRUPT when it does not read or parse. */
  read(): Promise<Result<S>>;
  /**
   * Runs `change` on the current state, one call at a time (so two callers cannot both take the same seq or pin two
   * keys), and writes the state it returns, if any, atomically. A corrupt file is refused before `change` runs and
   * never written; a state that would not read back is refused, not written.
   */
  update<T>(change: (state: S) => Promise<Result<{ next?: S; value: T }>>): Promise<Result<T>>;
}

export function createJsonStore<S>(
  file: SecretFile,
  options: { fileName: string; label: string; format: string; schema: z.ZodType<S>; empty: S },
): JsonStore<S> {
  const { fileName, label, format, schema, empty } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const corrupt = (why: string): Result<never> =>
    fail('E_KEY_FILE_CORRUPT', `${label} ${fileName}: ${why}`, { file: fileName });

  const read = async (): Promise<Result<S>> => {
    const bytes = await file.read();
    if (!bytes.ok) return corrupt(bytes.error.message);
    if (bytes.value === undefined) return ok(empty);
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.value));
    } catch {
      return corrupt('not UTF-8 JSON');
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : corrupt(`does not match ${format}`);
  };

  return {
    read,
    update(change) {
      const run = queue.then(async () => {
        const state = await read();
        if (!state.ok) return state;
        const changed = await change(state.value);
        if (!changed.ok) return changed;
        const { next, value } = changed.value;
        if (next !== undefined) {
          // Never write what would not read back: that would turn the next read into E_KEY_FILE_CORRUPT.
          if (!schema.safeParse(next).success) {
            return fail('E_INTERNAL', `${label} ${fileName}: refusing to write an invalid state`, { detail: label });
          }
          const written = await file.write(new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`));
          if (!written.ok) return written;
        }
        return ok(value);
      });
      // The queue only orders the calls; a failure of one must not stop the next.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
