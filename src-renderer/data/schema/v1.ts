import type Dexie from 'dexie';

/**
 * Schema version 1. Versions only grow: a later version gets its own file with its upgrade
 * function and an upgrade test starting from a database written by this one.
 */
export const schemaV1 = {
  cycles: 'id',
  experts: 'id',
  applicants: '[cycleId+id], cycleId',
  assignments: 'id, cycleId',
  sheets: 'id, assignmentId',
  items: '[sheetId+itemId], sheetId',
  audit: '++seq, [sheetId+itemId], sheetId',
  quarantine: '++id, table',
} as const;

export function declareV1(db: Dexie): void {
  db.version(1).stores(schemaV1);
}
