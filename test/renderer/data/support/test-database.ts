import { readFileSync } from 'node:fs';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { AssignmentBundle } from '../../../../src-shared/assignments/assignment-schema';
import { parseDemoBundle } from '../../../../src-shared/demo/validate-demo';
import { openDatabase, type ScorebookDb } from '../../../../src-renderer/data/database';

/** fake-indexeddb's factory, passed in explicitly so no test depends on a global. */
export const fakeIdb = { indexedDB, IDBKeyRange } as const;

/** A database name no other test uses, so tests never see each other's rows. */
export function freshDatabaseName(label: string): string {
  return `test-${label}-${crypto.randomUUID()}`;
}

/** Opens the app's database on fake-indexeddb under a fresh name; delete it with `db.delete()` afterwards. */
export function openTestDatabase(label = 'db'): ScorebookDb {
  return openDatabase(freshDatabaseName(label), fakeIdb);
}

export interface TestClock {
  readonly now: () => Date;
  /** The current time as the ISO string the repositories store. */
  readonly iso: () => string;
  readonly advance: (ms: number) => void;
}

/** A clock that only moves when the test moves it. */
export function testClock(start = '2026-03-02T08:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    iso: () => new Date(t).toISOString(),
    advance: (ms) => {
      t += ms;
    },
  };
}

const demoUrl = new URL('../../../../resources/demo/demo-cycle.json', import.meta.url);

/** The shipped demo bundle, parsed exactly as the app parses it. */
export function loadDemoBundle(): AssignmentBundle {
  const parsed = parseDemoBundle(JSON.parse(readFileSync(demoUrl, 'utf8')));
  if (!parsed.ok) throw new Error(`the shipped demo bundle is invalid: ${parsed.error.message}`);
  return parsed.value;
}

/** The first element, failing the test with a message instead of a `!`. */
export function first<T>(values: readonly T[], what: string): T {
  const value = values[0];
  if (value === undefined) throw new Error(`expected at least one ${what}`);
  return value;
}
