import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-renderer/data/database';
import { declareV1 } from '../../../src-renderer/data/schema/v1';
import { declareV2 } from '../../../src-renderer/data/schema/v2';
import { declareV3 } from '../../../src-renderer/data/schema/v3';
import { declareV4 } from '../../../src-renderer/data/schema/v4';
import { declareV5 } from '../../../src-renderer/data/schema/v5';
import { listOfficeCycles } from '../../../src-renderer/data/office-cycle-repository';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import { fakeIdb, freshDatabaseName, testClock } from './support/test-database';

describe('schema version 6', () => {
  it('adds the empty office tables to a version-5 database and keeps its cycles as they were', async () => {
    const name = freshDatabaseName('upgrade-v6');
    const old = new Dexie(name, fakeIdb);
    for (const declare of [declareV1, declareV2, declareV3, declareV4, declareV5]) declare(old);
    await old.open();
    const cycle = {
      v: 1,
      id: 'cycle-2026',
      revision: 1,
      settings: defaultCycleSettings(2026),
      history: [],
      assignmentsIssued: 0,
      createdAt: '2026-03-01T08:00:00.000Z',
      updatedAt: '2026-03-01T08:00:00.000Z',
    };
    await old.table('officeCycles').put(cycle);
    old.close();

    const db = openDatabase(name, fakeIdb);
    await db.open();
    expect(db.verno).toBe(7);
    for (const table of [db.officeApplicants, db.officePanels, db.officeConsensus, db.officeDecisions]) {
      expect(await table.count(), table.name).toBe(0);
    }
    expect(await listOfficeCycles(db, testClock().now)).toEqual([cycle]);
    expect(await db.quarantine.count()).toBe(0);
    await db.delete();
  });
});
