import type Dexie from 'dexie';
import { schemaV5 } from './v5';

/**
 * Schema version 6 adds the office's working data for a cycle (issue 4): its applicants, its panels per stage, the
 * consensus the panels agreed and the recommendation. Each row names its cycle, so one cycle's rows load by index.
 * An expert's database has these tables empty. No existing row changes.
 */
export const schemaV6 = {
  ...schemaV5,
  officeApplicants: 'id, cycleId',
  officePanels: 'id, cycleId',
  officeConsensus: 'id, cycleId',
  officeDecisions: 'id',
} as const;

export function declareV6(db: Dexie): void {
  db.version(6).stores(schemaV6);
}
