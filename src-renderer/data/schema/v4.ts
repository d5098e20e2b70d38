import type Dexie from 'dexie';
import { schemaV3 } from './v3';

/**
 * Schema version 4 gives every outbox row a `receipt` (null until the office's receipt for it is imported) and
 * row version 2. The tables and indexes do not change; the upgrade rewrites each version-1 outbox row once, keeping
 * every other field as it was. A row that does not look like a version-1 row is left untouched, so the reader
 * quarantines it instead of the upgrade losing it.
 */
export const schemaV4 = schemaV3;

export function declareV4(db: Dexie): void {
  db.version(4)
    .stores(schemaV4)
    .upgrade((tx) =>
      tx
        .table('outbox')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.v !== 1) return;
          row.v = 2;
          row.receipt = null;
        }),
    );
}
