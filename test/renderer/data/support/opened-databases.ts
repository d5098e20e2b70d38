import { afterEach } from 'vitest';
import type { ScorebookDb } from '../../../../src-renderer/data/database';
import { openTestDatabase } from './test-database';

/**
 * For a test file's top level: every database `open` opens (the app's, on fake-indexeddb, under a fresh name made from
 * the label) or `keep` is given is deleted after each test.
 */
export function deletedAfterEach(): {
  open: (label: string) => ScorebookDb;
  keep: (db: ScorebookDb) => ScorebookDb;
} {
  const opened: ScorebookDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  const keep = (db: ScorebookDb): ScorebookDb => {
    opened.push(db);
    return db;
  };
  return { open: (label) => keep(openTestDatabase(label)), keep };
}
