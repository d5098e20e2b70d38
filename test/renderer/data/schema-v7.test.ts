import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-renderer/data/database';
import { commentSchema, itemRowSchema } from '../../../src-renderer/data/row-schemas';
import { declareV1 } from '../../../src-renderer/data/schema/v1';
import { declareV2 } from '../../../src-renderer/data/schema/v2';
import { declareV3 } from '../../../src-renderer/data/schema/v3';
import { declareV4 } from '../../../src-renderer/data/schema/v4';
import { declareV5 } from '../../../src-renderer/data/schema/v5';
import { declareV6 } from '../../../src-renderer/data/schema/v6';
import { loadSheetItems } from '../../../src-renderer/data/sheet-repository';
import { loadStageWork, saveStageWork } from '../../../src-renderer/data/stage-work-repository';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import { fakeIdb, first, freshDatabaseName, testClock } from './support/test-database';
import { readV1Tables, seedV1Database } from './support/v1-fixture';

describe('schema version 7', () => {
  it('upgrades a version-6 database with rows: every row intact, stageWork added, empty and usable', async () => {
    const name = freshDatabaseName('upgrade-v7');
    const seed = await seedV1Database(name);
    // Bring the fixture to version 6 exactly as the app of issue 4 would have, and add an office cycle row.
    const old = new Dexie(name, fakeIdb);
    for (const declare of [declareV1, declareV2, declareV3, declareV4, declareV5, declareV6]) declare(old);
    await old.open();
    expect(old.verno).toBe(6);
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
    expect(await readV1Tables(db)).toEqual({ ...seed, quarantine: [] });
    expect(await db.officeCycles.toArray()).toEqual([cycle]);
    expect(await db.stageWork.count()).toBe(0);

    const clock = testClock();
    const sheetId = first(seed.sheets, 'sheet').id;
    const saved = await saveStageWork(
      db,
      { sheetId, stage: 'material' },
      { reasons: { '4.1.1': '现场核实' } },
      clock.now,
    );
    expect(saved.ok).toBe(true);
    const loaded = await loadStageWork(db, sheetId, clock.now);
    expect(loaded.ok && loaded.value?.reasons).toEqual({ '4.1.1': '现场核实' });
    // The version-1 items still read through the current repository, none quarantined.
    expect((await loadSheetItems(db, sheetId, clock.now)).quarantined).toBe(0);
    await db.delete();
  });

  it('reads a comment carried from an earlier stage, and still reads one without the mark', () => {
    const carried = { id: 'c1', text: '目标分解到岗位。', page: 12, ref: '第 4 章', carriedFrom: 'material' };
    expect(commentSchema.parse(carried)).toEqual(carried);
    expect(commentSchema.safeParse({ ...carried, carriedFrom: undefined }).success).toBe(true);
    expect(commentSchema.safeParse({ ...carried, carriedFrom: 'interview' }).success).toBe(false);
    const row = {
      v: 1,
      sheetId: 's',
      itemId: '4.1.1',
      percent: 70,
      strengths: [carried],
      ofis: [],
      note: '',
      updatedAt: '2026-03-02T08:00:00.000Z',
    };
    expect(itemRowSchema.parse(row)).toEqual(row);
  });
});
