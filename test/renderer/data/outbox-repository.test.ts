import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src-renderer/data/database';
import {
  applyReceipts,
  listOutbox,
  markExported,
  queuePackage,
  recordSubmission,
  reopenForRevision,
} from '../../../src-renderer/data/outbox-repository';
import { ensureSheet } from '../../../src-renderer/data/sheet-repository';
import { schemaV7 } from '../../../src-renderer/data/schema/v7';
import { fakeIdb, freshDatabaseName, testClock } from './support/test-database';
import { seedV1Database } from './support/v1-fixture';

const signed = (packageId: string, seq: number | null) => ({
  packageId,
  fileName: `${packageId}.qapkg`,
  base64: 'UEsDBA==',
  payloadSha256: 'a'.repeat(64),
  seq,
});

async function withSheet() {
  const db = openDatabase(freshDatabaseName('outbox'), fakeIdb);
  const clock = testClock();
  const sheet = await ensureSheet(
    db,
    {
      id: 'as-1/ap-1',
      cycleId: 'c',
      assignmentId: 'as-1',
      applicantId: 'ap-1',
      stage: 'material',
      criteriaId: 'gbt19580-2012',
    },
    clock.now,
  );
  expect(sheet.ok).toBe(true);
  return { db, clock };
}

describe('schema version 3', () => {
  it('upgrades a version-1 database and adds an empty outbox', async () => {
    const name = freshDatabaseName('upgrade-v3');
    await seedV1Database(name);
    const db = openDatabase(name, fakeIdb);
    await db.open();
    expect(db.verno).toBe(7);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(schemaV7).sort());
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sheets.count()).toBeGreaterThan(0);
    db.close();
  });
});

describe('the outbox', () => {
  it('locks a submitted sheet and queues its package together', async () => {
    const { db, clock } = await withSheet();
    const row = await recordSubmission(
      db,
      'as-1/ap-1',
      signed('p-1', 1),
      { assignmentId: 'as-1', applicantId: 'ap-1', kind: 'sheet' },
      clock.now,
    );
    expect(row.ok).toBe(true);
    expect((await db.sheets.get('as-1/ap-1'))?.status).toBe('submitted');
    expect((await listOutbox(db, clock.now)).map((r) => [r.packageId, r.status])).toEqual([['p-1', 'not-exported']]);
  });

  it('writes neither when the outbox write fails (nothing half-done)', async () => {
    const { db, clock } = await withSheet();
    vi.spyOn(db.outbox, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const row = await recordSubmission(
      db,
      'as-1/ap-1',
      signed('p-1', 1),
      { assignmentId: 'as-1', applicantId: 'ap-1', kind: 'sheet' },
      clock.now,
    );
    expect(row.ok ? '' : row.error.code).toBe('E_STORAGE_QUOTA');
    expect((await db.sheets.get('as-1/ap-1'))?.status).toBe('draft');
    expect(await db.outbox.count()).toBe(0);
  });

  it('reopens a submitted sheet with the reason for its revision, and the next submission clears it', async () => {
    const { db, clock } = await withSheet();
    await recordSubmission(
      db,
      'as-1/ap-1',
      signed('p-1', 1),
      { assignmentId: 'as-1', applicantId: 'ap-1', kind: 'sheet' },
      clock.now,
    );
    expect((await reopenForRevision(db, 'as-1/ap-1', '现场核实后修订', clock.now)).ok).toBe(true);
    expect(await db.sheets.get('as-1/ap-1')).toMatchObject({ status: 'draft', revisionReason: '现场核实后修订' });
    await recordSubmission(
      db,
      'as-1/ap-1',
      signed('p-2', 2),
      { assignmentId: 'as-1', applicantId: 'ap-1', kind: 'sheet' },
      clock.now,
    );
    const sheet = await db.sheets.get('as-1/ap-1');
    expect(sheet).toMatchObject({ status: 'submitted', submittedSeq: 2 });
    expect(sheet?.revisionReason).toBeUndefined();
  });

  it('marks packages exported once, and queues pledges and declarations', async () => {
    const { db, clock } = await withSheet();
    await queuePackage(
      db,
      signed('pledge-1', null),
      { assignmentId: 'as-1', applicantId: null, kind: 'pledge' },
      clock.now,
    );
    await markExported(db, ['pledge-1', 'unknown'], clock.now);
    const [row] = await listOutbox(db, clock.now);
    expect(row).toMatchObject({ packageId: 'pledge-1', kind: 'pledge', status: 'exported' });
    expect(row?.exportedAt).not.toBeNull();
  });
});

describe('receipts', () => {
  const receipt = (receiptFor: string, payloadSha256 = 'a'.repeat(64)) => ({
    receiptId: `r-${receiptFor}`,
    receiptFor,
    payloadSha256,
    status: 'accepted' as const,
    acceptedSeq: 1,
    receivedAt: '2026-03-03T10:00:00.000Z',
  });

  it('confirm the packages they answer, refuse unknown ids and other content, and keep the first receipt', async () => {
    const { db, clock } = await withSheet();
    const target = { assignmentId: 'as-1', applicantId: null, kind: 'pledge' as const };
    await queuePackage(db, signed('p-1', null), target, clock.now);
    await queuePackage(db, signed('p-2', null), target, clock.now);
    await markExported(db, ['p-1', 'p-2'], clock.now);
    clock.advance(60_000);

    const applied = await applyReceipts(
      db,
      [receipt('p-1'), receipt('p-2', 'b'.repeat(64)), receipt('p-9')],
      clock.now,
    );
    expect(applied).toEqual({
      ok: true,
      value: [
        { receiptFor: 'p-1', outcome: 'confirmed' },
        { receiptFor: 'p-2', outcome: 'refused', code: 'E_RECEIPT_MISMATCH' },
        { receiptFor: 'p-9', outcome: 'refused', code: 'E_RECEIPT_UNKNOWN' },
      ],
    });
    const rows = new Map((await listOutbox(db, clock.now)).map((row) => [row.packageId, row]));
    expect(rows.get('p-1')).toMatchObject({
      status: 'confirmed',
      receipt: { receiptId: 'r-p-1', receivedAt: '2026-03-03T10:00:00.000Z', importedAt: clock.iso() },
    });
    expect(rows.get('p-2')).toMatchObject({ status: 'exported', receipt: null });

    // The same receipt again, or another one for the same package, changes nothing.
    clock.advance(60_000);
    const again = await applyReceipts(db, [{ ...receipt('p-1'), receiptId: 'r-other' }], clock.now);
    expect(again).toEqual({ ok: true, value: [{ receiptFor: 'p-1', outcome: 'already-confirmed' }] });
    expect((await db.outbox.get('p-1'))?.receipt?.receiptId).toBe('r-p-1');
    // Exporting a confirmed package again does not move it back.
    await markExported(db, ['p-1'], clock.now);
    expect((await db.outbox.get('p-1'))?.status).toBe('confirmed');
  });

  it('change nothing when the write fails', async () => {
    const { db, clock } = await withSheet();
    await queuePackage(db, signed('p-1', null), { assignmentId: 'as-1', applicantId: null, kind: 'pledge' }, clock.now);
    vi.spyOn(db.outbox, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const applied = await applyReceipts(db, [receipt('p-1')], clock.now);
    expect(applied.ok).toBe(false);
    expect((await db.outbox.get('p-1'))?.status).toBe('not-exported');
  });
});
