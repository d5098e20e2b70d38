import type Dexie from 'dexie';
import { schemaV1 } from './v1';

/**
 * Schema version 2 adds `assignmentPackages`: the verified, office-signed assignment each assignment row came from
 * (payload, its hash, the office key fingerprint), kept for the pledge, the declarations and every package the
 * expert signs later (they name the assignment's hash). No existing row changes, so the upgrade has nothing to do.
 */
export const schemaV2 = { ...schemaV1, assignmentPackages: 'id' } as const;

export function declareV2(db: Dexie): void {
  db.version(2).stores(schemaV2);
}
