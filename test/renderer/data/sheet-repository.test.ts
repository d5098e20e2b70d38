import { describe, expect, it } from 'vitest';
import {
  auditFoldMs,
  ensureSheet,
  itemHistory,
  percentsBySheet,
  sheetIdOf,
} from '../../../src-renderer/data/sheet-repository';
import {
  assignmentId,
  comment,
  item,
  sheetCreatedAt,
  sheetFor,
  sheetId,
  useSheetHarness,
} from './support/sheet-harness';

const h = useSheetHarness();

describe('ensureSheet', () => {
  it('creates the sheet once and returns the stored row the second time', async () => {
    const createdAt = (await h.db.sheets.get(sheetId))?.createdAt;
    expect(createdAt).toBe(sheetCreatedAt);
    h.clock.advance(60_000);
    const again = await ensureSheet(h.db, sheetFor('demo-applicant-kunlan'), h.clock.now);
    expect(again).toEqual({
      ok: true,
      value: { ...sheetFor('demo-applicant-kunlan'), v: 1, status: 'draft', createdAt, updatedAt: createdAt },
    });
    expect(await h.db.sheets.count()).toBe(1);
  });

  it('keeps the edited updatedAt of an existing sheet', async () => {
    await h.saveOk({ field: 'percent', value: 50 });
    const before = await h.db.sheets.get(sheetId);
    const again = await ensureSheet(h.db, sheetFor('demo-applicant-kunlan'), h.clock.now);
    expect(again).toEqual({ ok: true, value: before });
  });
});

describe('saveItemChange', () => {
  it('writes the item, the sheet updatedAt and one audit entry', async () => {
    const at = h.clock.iso();
    const result = await h.save({ field: 'percent', value: 50 });
    const row = { v: 1, ...item, percent: 50, strengths: [], ofis: [], note: '', updatedAt: at };
    expect(result).toEqual({ ok: true, value: { savedAt: at, row } });
    const state = await h.storedState();
    expect(state.items).toEqual([row]);
    expect(state.sheet?.updatedAt).toBe(at);
    expect(state.sheet?.createdAt).toBe(sheetCreatedAt);
    expect(state.audit).toEqual([{ v: 1, seq: 1, ...item, field: 'percent', old: 'null', new: '50', at, firstAt: at }]);
  });

  it('records old → new as JSON for every field', async () => {
    await h.saveOk({ field: 'percent', value: 50 }, auditFoldMs);
    await h.saveOk({ field: 'percent', value: null }, auditFoldMs);
    await h.saveOk({ field: 'ofis', value: [comment('o1', '无')] }, auditFoldMs);
    await h.saveOk({ field: 'note', value: '备注 "quoted"' }, auditFoldMs);
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => [e.field, JSON.parse(e.old), JSON.parse(e.new)])).toEqual([
      ['percent', null, 50],
      ['percent', 50, null],
      ['ofis', [], [comment('o1', '无')]],
      ['note', '', '备注 "quoted"'],
    ]);
  });

  it.each([
    [33, 'E_PERCENT_STEP'],
    [2.5, 'E_PERCENT_STEP'],
    [105, 'E_PERCENT_RANGE'],
    [-5, 'E_PERCENT_RANGE'],
    [Number.NaN, 'E_PERCENT_RANGE'],
  ])('refuses percent %s with %s and writes nothing', async (value, code) => {
    const before = await h.storedState();
    const result = await h.save({ field: 'percent', value });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await h.storedState()).toEqual(before);
    expect(before.items).toEqual([]);
    expect(before.audit).toEqual([]);
  });

  it('accepts every multiple of 5 from 0 to 100, and null to clear', async () => {
    for (let percent = 0; percent <= 100; percent += 5) await h.saveOk({ field: 'percent', value: percent });
    await h.saveOk({ field: 'percent', value: null });
    expect((await h.db.items.get([sheetId, item.itemId]))?.percent).toBeNull();
    expect(await h.db.audit.count()).toBe(22);
  });

  it('refuses a change to a missing sheet with E_SHEET_NOT_FOUND and writes nothing', async () => {
    const target = { sheetId: sheetIdOf(assignmentId, 'nobody'), itemId: '4.1.1' };
    const result = await h.save({ field: 'note', value: 'x' }, target);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_SHEET_NOT_FOUND' } });
    expect(await h.db.items.count()).toBe(0);
    expect(await h.db.audit.count()).toBe(0);
    expect(await h.db.sheets.count()).toBe(1);
  });

  it('writes no audit entry for an unchanged value', async () => {
    await h.saveOk({ field: 'percent', value: 50 });
    await h.saveOk({ field: 'percent', value: 50 });
    await h.saveOk({ field: 'note', value: '' });
    await h.saveOk({ field: 'strengths', value: [] });
    expect(await h.db.audit.count()).toBe(1);
  });

  it('adds a new audit entry for every percent change, however quick', async () => {
    await h.saveOk({ field: 'percent', value: 50 }, 1);
    await h.saveOk({ field: 'percent', value: 55 }, 1);
    await h.saveOk({ field: 'percent', value: 50 }, 1);
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => [e.old, e.new])).toEqual([
      ['null', '50'],
      ['50', '55'],
      ['55', '50'],
    ]);
  });
});

describe('itemHistory', () => {
  it('returns only the entries of that item, oldest first', async () => {
    const other = { sheetId, itemId: '4.1.2' };
    await h.saveOk({ field: 'percent', value: 10 });
    expect(await h.save({ field: 'percent', value: 90 }, other)).toMatchObject({ ok: true });
    await h.saveOk({ field: 'note', value: 'n' });
    await h.saveOk({ field: 'percent', value: 20 });
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => e.new)).toEqual(['10', '"n"', '20']);
    const times = history.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('is empty for an item never edited', async () => {
    expect(await itemHistory(h.db, sheetId, '4.7.1', h.clock.now)).toEqual([]);
  });
});

describe('percentsBySheet', () => {
  it('returns a map per requested sheet in one call', async () => {
    const second = sheetFor('demo-applicant-xuelu');
    const third = sheetFor('demo-applicant-tuoling');
    for (const sheet of [second, third]) expect((await ensureSheet(h.db, sheet, h.clock.now)).ok).toBe(true);
    await h.saveOk({ field: 'percent', value: 40 });
    await h.saveOk({ field: 'note', value: 'no percent yet' }, 0);
    expect(await h.save({ field: 'note', value: 'n' }, { sheetId, itemId: '4.2.1' })).toMatchObject({ ok: true });
    expect(await h.save({ field: 'percent', value: 75 }, { sheetId: second.id, itemId: '4.1.1' })).toMatchObject({
      ok: true,
    });
    expect(await h.save({ field: 'percent', value: 5 }, { sheetId: third.id, itemId: '4.3.1' })).toMatchObject({
      ok: true,
    });

    const percents = await percentsBySheet(h.db, [sheetId, second.id, 'no-such-sheet'], h.clock.now);
    expect(percents).toEqual(
      new Map([
        [
          sheetId,
          new Map<string, number | null>([
            ['4.1.1', 40],
            ['4.2.1', null],
          ]),
        ],
        [second.id, new Map([['4.1.1', 75]])],
        ['no-such-sheet', new Map()],
      ]),
    );
  });

  it('returns an empty map for no sheets', async () => {
    expect(await percentsBySheet(h.db, [], h.clock.now)).toEqual(new Map());
  });
});
