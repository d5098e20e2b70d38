import type Dexie from 'dexie';
import { schemaV2 } from './v2';

/**
 * Schema version 3 adds the `outbox`: every package main signed for the office (pledge, declarations, score
 * sheets) with its file and its export state. Existing rows do not change; a sheet row may now also say
 * `submitted` (an added enum value, so version-1 rows still parse).
 */
export const schemaV3 = { ...schemaV2, outbox: 'packageId, assignmentId, createdAt' } as const;

export function declareV3(db: Dexie): void {
  db.version(3).stores(schemaV3);
}
