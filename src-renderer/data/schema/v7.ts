import type Dexie from 'dexie';
import { schemaV6 } from './v6';

/**
 * Schema version 7 adds `stageWork` (issue 5): per sheet, what the expert records at a stage beyond the scores —
 * changes from the previous stage with reasons, issues to verify, the defense session, the site visit, evidence.
 * Keyed by sheet id. No existing row changes; comments may now carry `carriedFrom` (an added optional field, so
 * earlier rows still parse).
 */
export const schemaV7 = { ...schemaV6, stageWork: 'sheetId' } as const;

export function declareV7(db: Dexie): void {
  db.version(7).stores(schemaV7);
}
