import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-renderer/data/database';
import { listOutbox } from '../../../src-renderer/data/outbox-repository';
import { declareV1 } from '../../../src-renderer/data/schema/v1';
import { declareV2 } from '../../../src-renderer/data/schema/v2';
import { declareV3 } from '../../../src-renderer/data/schema/v3';
import { fakeIdb, freshDatabaseName, testClock } from './support/test-database';

/** An outbox row as schema version 3 wrote it (row version 1, no receipt). */
const v1Row = {
  v: 1,
  packageId: '019e14de-b440-7677-8899-aabbccddeeff',
  kind: 'sheet',
  assignmentId: 'as-1',
  applicantId: 'ap-1',
  seq: 2,
  fileName: '019e14de-b440-7677-8899-aabbccddeeff-sheet.qapkg',
  base64: 'UEsDBA==',
  payloadSha256: 'a'.repeat(64),
  status: 'exported',
  createdAt: '2026-03-02T08:00:00.000Z',
  exportedAt: '2026-03-02T09:00:00.000Z',
};

async function seedV3(name: string, rows: object[]): Promise<void> {
  const old = new Dexie(name, fakeIdb);
  declareV1(old);
  declareV2(old);
  declareV3(old);
  await old.open();
  await old.table('outbox').bulkPut(rows);
  old.close();
}

describe('schema version 4', () => {
  it('rewrites each version-1 outbox row as version 2 without a receipt, keeping every other field', async () => {
    const name = freshDatabaseName('upgrade-v4');
    await seedV3(name, [v1Row]);
    const db = openDatabase(name, fakeIdb);
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.outbox.get(v1Row.packageId)).toEqual({ ...v1Row, v: 2, receipt: null });
    expect(await listOutbox(db, testClock().now)).toEqual([{ ...v1Row, v: 2, receipt: null }]);
    await db.delete();
  });

  it('leaves a row it does not recognise untouched, so the reader quarantines it instead of losing it', async () => {
    const name = freshDatabaseName('upgrade-v4-odd');
    const odd = { ...v1Row, packageId: 'odd', v: 7 };
    await seedV3(name, [odd]);
    const db = openDatabase(name, fakeIdb);
    await db.open();
    expect(await db.outbox.get('odd')).toEqual(odd);
    expect(await listOutbox(db, testClock().now)).toEqual([]);
    expect(await db.quarantine.count()).toBe(1);
    await db.delete();
  });
});
