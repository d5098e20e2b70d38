import type { IndexableType } from 'dexie';
import type { z } from 'zod';
import type { ScorebookDb } from './database';

/** Reads the primary key of a raw row: one field, or several for a compound key. */
export function keyFields(...fields: string[]): (row: unknown) => unknown {
  const read = (row: unknown, field: string): unknown =>
    typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[field] : undefined;
  return fields.length === 1 ? (row) => read(row, fields[0] ?? '') : (row) => fields.map((f) => read(row, f));
}

/** Copies one row, exactly as found, into quarantine; call inside a transaction that includes the quarantine table. */
export async function quarantineInTransaction(
  db: ScorebookDb,
  tableName: string,
  key: unknown,
  row: unknown,
  problem: string,
  at: string,
): Promise<void> {
  await db.quarantine.add({
    table: tableName,
    key: JSON.stringify(key) ?? '',
    row: JSON.stringify(row) ?? '',
    problem,
    at,
  });
}

export interface ParsedRows<T> {
  readonly rows: T[];
  readonly quarantined: number;
}

/**
 * Parses rows read from a table. A row that fails its schema is copied, exactly as found, to
 * the quarantine table and removed from its table in the same transaction — it is reported,
 * never silently dropped, and can be restored by support.
 */
export async function parseRows<T>(
  db: ScorebookDb,
  tableName: string,
  raw: readonly unknown[],
  schema: z.ZodType<T>,
  keyOf: (row: unknown) => unknown,
  now: () => Date,
): Promise<ParsedRows<T>> {
  const rows: T[] = [];
  const bad: { key: unknown; row: unknown; problem: string }[] = [];
  for (const row of raw) {
    const parsed = schema.safeParse(row);
    if (parsed.success) rows.push(parsed.data);
    else
      bad.push({
        key: keyOf(row),
        row,
        problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
  }
  if (bad.length > 0) {
    const at = now().toISOString();
    await db.transaction('rw', [tableName, 'quarantine'], async () => {
      for (const entry of bad) {
        await quarantineInTransaction(db, tableName, entry.key, entry.row, entry.problem, at);
        // The key came from this very row, so deleting by it removes exactly that row.
        await db.table(tableName).delete(entry.key as IndexableType);
      }
    });
  }
  return { rows, quarantined: bad.length };
}
