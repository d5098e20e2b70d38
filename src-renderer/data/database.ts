import Dexie, { type Table } from 'dexie';
import type {
  ApplicantRow,
  AssignmentPackageRow,
  AssignmentRow,
  AuditRow,
  CycleRow,
  ExpertRow,
  ItemRow,
  OfficeCycleRow,
  OutboxRow,
  QuarantineRow,
  SheetRow,
} from './row-schemas';
import type { OfficeApplicantRow, OfficeConsensusRow, OfficeDecisionRow, OfficePanelRow } from './office-rows';
import { declareV1 } from './schema/v1';
import { declareV2 } from './schema/v2';
import { declareV3 } from './schema/v3';
import { declareV4 } from './schema/v4';
import { declareV5 } from './schema/v5';
import { declareV6 } from './schema/v6';
import { declareV7 } from './schema/v7';
import type { StageWorkRow } from './stage-rows';

/** The name of the expert's working database; it lives in the app origin's IndexedDB. */
export const databaseName = 'scorebook';

export class ScorebookDb extends Dexie {
  // `declare`: Dexie creates these properties in declareV1; a class field would shadow them.
  declare cycles: Table<CycleRow, string>;
  declare experts: Table<ExpertRow, string>;
  declare applicants: Table<ApplicantRow, [string, string]>;
  declare assignments: Table<AssignmentRow, string>;
  declare sheets: Table<SheetRow, string>;
  declare items: Table<ItemRow, [string, string]>;
  declare audit: Table<AuditRow, number>;
  declare quarantine: Table<QuarantineRow, number>;
  declare assignmentPackages: Table<AssignmentPackageRow, string>;
  declare outbox: Table<OutboxRow, string>;
  declare officeCycles: Table<OfficeCycleRow, string>;
  declare officeApplicants: Table<OfficeApplicantRow, string>;
  declare officePanels: Table<OfficePanelRow, string>;
  declare officeConsensus: Table<OfficeConsensusRow, string>;
  declare officeDecisions: Table<OfficeDecisionRow, string>;
  declare stageWork: Table<StageWorkRow, string>;

  constructor(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // 'strict' durability: a transaction resolves only once the data is flushed to disk,
    // so "saved" on screen means it survives a killed browser or a power cut.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareV1(this);
    declareV2(this);
    declareV3(this);
    declareV4(this);
    declareV5(this);
    declareV6(this);
    declareV7(this);
  }
}

/** Opens the database; tests pass fake-indexeddb's factory, the app uses the browser's. */
export function openDatabase(
  name = databaseName,
  options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
): ScorebookDb {
  return new ScorebookDb(name, options);
}
