import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScorebookDb } from '../../../src-renderer/data/database';
import { importAssignmentBundle, listAssignments } from '../../../src-renderer/data/assignment-repository';
import { keyFields, parseRows } from '../../../src-renderer/data/quarantine';
import { itemRowSchema, type ItemRow } from '../../../src-renderer/data/row-schemas';
import { emptyItem, ensureSheet, loadSheetItems, saveItemChange } from '../../../src-renderer/data/sheet-repository';
import { first, loadDemoBundle, openTestDatabase, testClock, type TestClock } from './support/test-database';

const sheetId = 'demo-2026-material-expert1/demo-applicant-kunlan';

let db: ScorebookDb;
let clock: TestClock;

beforeEach(() => {
  db = openTestDatabase('quarantine');
  clock = testClock();
});

afterEach(async () => {
  await db.delete();
});

function goodItem(itemId: string, percent: number | null): ItemRow {
  return { ...emptyItem(sheetId, itemId, '2026-03-01T00:00:00.000Z'), percent };
}

describe('quarantine of item rows (loadSheetItems)', () => {
  it('moves a row failing its schema to quarantine exactly as found, and keeps the good rows', async () => {
    const bad = { ...goodItem('4.1.2', null), percent: 33, note: '手写的备注' };
    await db.items.bulkPut([goodItem('4.1.1', 50), goodItem('4.1.3', 70)]);
    // Deliberately malformed: percent 33 is not a multiple of 5, as an old or corrupted row might be.
    await db.items.put(bad as never);

    const loaded = await loadSheetItems(db, sheetId, clock.now);

    expect(loaded.quarantined).toBe(1);
    expect([...loaded.items.keys()].sort()).toEqual(['4.1.1', '4.1.3']);
    expect(loaded.items.get('4.1.1')).toEqual(goodItem('4.1.1', 50));
    const quarantined = await db.quarantine.toArray();
    expect(quarantined).toEqual([
      {
        id: 1,
        table: 'items',
        key: JSON.stringify([sheetId, '4.1.2']),
        row: expect.any(String),
        problem: expect.stringContaining('percent'),
        at: clock.iso(),
      },
    ]);
    expect(JSON.parse(first(quarantined, 'quarantine row').row)).toEqual(bad);
    expect(await db.items.get([sheetId, '4.1.2'])).toBeUndefined();
  });

  it('quarantines a row with missing fields and one with unknown fields', async () => {
    const missing = { v: 1, sheetId, itemId: '4.2.1', percent: 10 };
    const extra = { ...goodItem('4.2.2', 20), secret: 'kept verbatim' };
    // Deliberately malformed rows, written around the types.
    await db.items.bulkPut([missing, extra] as never);

    const loaded = await loadSheetItems(db, sheetId, clock.now);

    expect(loaded).toEqual({ items: new Map(), quarantined: 2 });
    const rows = (await db.quarantine.toArray()).map((q) => JSON.parse(q.row) as unknown);
    expect(rows).toEqual(expect.arrayContaining([missing, extra]));
    const problems = (await db.quarantine.toArray()).map((q) => q.problem);
    expect(problems.every((p) => p.length > 0)).toBe(true);
  });

  it('never drops a row: items + quarantine always hold every row written', async () => {
    const good = [0, 5, 50, 100, null].map((p, i) => goodItem(`4.3.${i}`, p));
    const bad = [
      { ...goodItem('4.4.1', null), percent: 33 },
      { ...goodItem('4.4.2', null), percent: 105 },
      { ...goodItem('4.4.3', null), v: 2 },
      { ...goodItem('4.4.4', null), note: 42 },
    ];
    await db.items.bulkPut(good);
    // Deliberately malformed rows.
    await db.items.bulkPut(bad as never);
    const written = good.length + bad.length;

    const loaded = await loadSheetItems(db, sheetId, clock.now);
    expect(loaded.quarantined).toBe(bad.length);
    expect(loaded.items.size).toBe(good.length);
    expect((await db.items.count()) + (await db.quarantine.count())).toBe(written);

    // A second load finds nothing more to quarantine and still counts every row.
    const again = await loadSheetItems(db, sheetId, clock.now);
    expect(again.quarantined).toBe(0);
    expect((await db.items.count()) + (await db.quarantine.count())).toBe(written);
  });

  it('leaves the rows of other sheets alone', async () => {
    const otherSheet = { ...goodItem('4.1.1', null), sheetId: 'other/sheet', percent: 33 };
    // Deliberately malformed, but in a sheet that is not loaded.
    await db.items.put(otherSheet as never);
    expect((await loadSheetItems(db, sheetId, clock.now)).quarantined).toBe(0);
    expect(await db.items.count()).toBe(1);
  });
});

describe('parseRows', () => {
  it('parses good rows without touching the database', async () => {
    const rows = [goodItem('4.1.1', 5)];
    const parsed = await parseRows(db, 'items', rows, itemRowSchema, keyFields('sheetId', 'itemId'), clock.now);
    expect(parsed).toEqual({ rows, quarantined: 0 });
    expect(await db.quarantine.count()).toBe(0);
  });

  it('reads single and compound keys', () => {
    expect(keyFields('id')({ id: 'a', other: 1 })).toBe('a');
    expect(keyFields('sheetId', 'itemId')({ sheetId: 's', itemId: 'i' })).toEqual(['s', 'i']);
    expect(keyFields('id')('not a row')).toBeUndefined();
  });
});

describe('quarantine of assignment rows (listAssignments)', () => {
  it('moves a malformed assignment to quarantine and still lists the good one', async () => {
    const bundle = loadDemoBundle();
    expect(await importAssignmentBundle(db, bundle, 'demo', clock.now)).toEqual({
      ok: true,
      value: bundle.assignment.id,
    });
    const bad: Record<string, unknown> = {
      ...bundle.assignment,
      id: 'broken',
      v: 1,
      source: 'demo',
      importedAt: '2026-01-01T00:00:00.000Z',
    };
    delete bad['deadline'];
    // Deliberately malformed: an assignment row without its deadline.
    await db.assignments.put(bad as never);

    const listed = await listAssignments(db, clock.now);

    expect(listed.quarantined).toBe(1);
    expect(listed.assignments.map((a) => a.id)).toEqual([bundle.assignment.id]);
    const quarantined = first(await db.quarantine.toArray(), 'quarantine row');
    expect(quarantined).toMatchObject({ table: 'assignments', key: '"broken"', at: clock.iso() });
    expect(quarantined.problem).toContain('deadline');
    expect(JSON.parse(quarantined.row)).toEqual(bad);
    expect((await db.assignments.count()) + (await db.quarantine.count())).toBe(2);
  });
});

/** Writing onto a stored row that fails its schema first keeps that row in quarantine: nothing is ever dropped. */
describe('writes onto a malformed stored row', () => {
  it('saveItemChange keeps the malformed row in quarantine', async () => {
    const sheet = {
      id: sheetId,
      cycleId: 'demo-2026',
      assignmentId: 'demo-2026-material-expert1',
      applicantId: 'demo-applicant-kunlan',
      stage: 'material' as const,
      criteriaId: 'gbt19580-2012',
    };
    expect((await ensureSheet(db, sheet, clock.now)).ok).toBe(true);
    const bad = { ...goodItem('4.1.1', null), percent: 33, note: '重要的备注' };
    // Deliberately malformed: percent 33.
    await db.items.put(bad as never);
    const saved = await saveItemChange(db, { sheetId, itemId: '4.1.1' }, { field: 'percent', value: 50 }, clock.now);
    expect(saved.ok).toBe(true);
    expect((await db.quarantine.toArray()).map((q) => JSON.parse(q.row) as unknown)).toEqual([bad]);
  });
});
