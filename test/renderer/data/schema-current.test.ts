import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseName, openDatabase, type ScorebookDb } from '../../../src-renderer/data/database';
import {
  applicantRowSchema,
  assignmentRowSchema,
  auditRowSchema,
  cycleRowSchema,
  expertRowSchema,
  itemRowSchema,
  sheetRowSchema,
} from '../../../src-renderer/data/row-schemas';
import { schemaV7 } from '../../../src-renderer/data/schema/v7';
import { itemHistory, loadSheetItems } from '../../../src-renderer/data/sheet-repository';
import { fakeIdb, first, freshDatabaseName, testClock } from './support/test-database';
import { readV1Tables, seedV1Database, v1SeedRows } from './support/v1-fixture';

const opened: Dexie[] = [];

/** Opens the app's database and remembers it, so afterEach deletes it. */
function open(name: string): ScorebookDb {
  const db = openDatabase(name, fakeIdb);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A table's schema in the notation of `db.version().stores()`: primary key first, then the indexes. */
function storesNotation(table: { schema: { primKey: { src: string }; indexes: { src: string }[] } }): string {
  return [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src)].join(', ');
}

describe('the current schema (version 7) and the version-1 rows it reads', () => {
  it('opens at the current Dexie version (7) with exactly the tables and indexes of schemaV7', async () => {
    const db = open(freshDatabaseName('schema'));
    await db.open();
    expect(db.verno).toBe(7);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(schemaV7).sort());
    for (const table of db.tables) {
      expect(storesNotation(table), table.name).toBe(schemaV7[table.name as keyof typeof schemaV7]);
    }
  });

  it('creates the same object stores, keys and indexes in IndexedDB itself', async () => {
    const db = open(freshDatabaseName('schema'));
    await db.open();
    const idb = db.backendDB();
    expect([...idb.objectStoreNames].sort()).toEqual(Object.keys(schemaV7).sort());
    const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
    const shape = Object.fromEntries(
      [...idb.objectStoreNames].map((name) => {
        const store = tx.objectStore(name);
        return [name, { keyPath: store.keyPath, auto: store.autoIncrement, indexes: [...store.indexNames].sort() }];
      }),
    );
    expect(shape).toEqual({
      cycles: { keyPath: 'id', auto: false, indexes: [] },
      experts: { keyPath: 'id', auto: false, indexes: [] },
      applicants: { keyPath: ['cycleId', 'id'], auto: false, indexes: ['cycleId'] },
      assignments: { keyPath: 'id', auto: false, indexes: ['cycleId'] },
      sheets: { keyPath: 'id', auto: false, indexes: ['assignmentId'] },
      items: { keyPath: ['sheetId', 'itemId'], auto: false, indexes: ['sheetId'] },
      audit: { keyPath: 'seq', auto: true, indexes: ['[sheetId+itemId]', 'sheetId'].sort() },
      quarantine: { keyPath: 'id', auto: true, indexes: ['table'] },
      // Added by version 2.
      assignmentPackages: { keyPath: 'id', auto: false, indexes: [] },
      // Added by version 3.
      outbox: { keyPath: 'packageId', auto: false, indexes: ['assignmentId', 'createdAt'] },
      // Added by version 5.
      officeCycles: { keyPath: 'id', auto: false, indexes: ['updatedAt'] },
      // Added by version 6.
      officeApplicants: { keyPath: 'id', auto: false, indexes: ['cycleId'] },
      officePanels: { keyPath: 'id', auto: false, indexes: ['cycleId'] },
      officeConsensus: { keyPath: 'id', auto: false, indexes: ['cycleId'] },
      officeDecisions: { keyPath: 'id', auto: false, indexes: [] },
      // Added by version 7.
      stageWork: { keyPath: 'sheetId', auto: false, indexes: [] },
    });
  });

  it("passes 'strict' durability to every IndexedDB transaction", async () => {
    const db = open(freshDatabaseName('durability'));
    expect(db._options.chromeTransactionDurability).toBe('strict');
    await db.transaction('rw', db.sheets, () => {
      expect(Dexie.currentTransaction?.idbtrans.durability).toBe('strict');
    });
    await db.transaction('r', db.items, () => {
      expect(Dexie.currentTransaction?.idbtrans.durability).toBe('strict');
    });
  });

  it('is named "scorebook" unless a name is given (the app origin holds one database)', () => {
    // Not opened: constructing touches no storage.
    const db: ScorebookDb = openDatabase(undefined, fakeIdb);
    expect(databaseName).toBe('scorebook');
    expect(db.name).toBe(databaseName);
  });
});

describe('the version-1 fixture (base of the upgrade tests)', () => {
  it('is made of rows that pass the version-1 row schemas', () => {
    const seed = v1SeedRows();
    const checks = [
      [cycleRowSchema, seed.cycles],
      [expertRowSchema, seed.experts],
      [applicantRowSchema, seed.applicants],
      [assignmentRowSchema, seed.assignments],
      [sheetRowSchema, seed.sheets],
      [itemRowSchema, seed.items],
      [auditRowSchema, seed.audit],
    ] as const;
    for (const [schema, rows] of checks) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(schema.safeParse(row).success).toBe(true);
    }
  });

  it('reopens with every row intact after the writing database was closed', async () => {
    const name = freshDatabaseName('reopen');
    const seed = await seedV1Database(name);
    const db = open(name);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await readV1Tables(db)).toEqual({ ...seed, quarantine: [] });
  });

  it('is read by the current repositories without quarantining anything', async () => {
    const name = freshDatabaseName('reopen');
    const seed = await seedV1Database(name);
    const db = open(name);
    const clock = testClock();
    const sheet = first(seed.sheets, 'sheet');
    const loaded = await loadSheetItems(db, sheet.id, clock.now);
    expect(loaded.quarantined).toBe(0);
    expect([...loaded.items.values()]).toEqual(seed.items);
    const history = await itemHistory(db, sheet.id, '4.2.1', clock.now);
    expect(history).toEqual(seed.audit.filter((e) => e.itemId === '4.2.1'));
    expect(await db.quarantine.count()).toBe(0);
  });
});
