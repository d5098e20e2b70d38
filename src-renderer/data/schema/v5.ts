import type Dexie from 'dexie';
import { schemaV4 } from './v4';

/**
 * Schema version 5 adds the office workstation's `officeCycles`: each award cycle the office runs, with its current
 * settings and every earlier revision. An expert's database simply has the table empty. No existing row changes.
 */
export const schemaV5 = { ...schemaV4, officeCycles: 'id, updatedAt' } as const;

export function declareV5(db: Dexie): void {
  db.version(5).stores(schemaV5);
}
