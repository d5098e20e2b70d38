import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { auditFoldMs, itemHistory } from '../../../src-renderer/data/sheet-repository';
import { comment, item, sheetId, useSheetHarness } from './support/sheet-harness';

const h = useSheetHarness();

describe('folding a typing burst into one audit entry', () => {
  it('folds note keystrokes within auditFoldMs: old from the first, new and at from the last', async () => {
    const firstAt = h.clock.iso();
    await h.saveOk({ field: 'note', value: '优' });
    await h.saveOk({ field: 'note', value: '优势' }, auditFoldMs - 1);
    const lastAt = h.clock.iso();
    await h.saveOk({ field: 'note', value: '优势明显' });
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history).toEqual([
      { v: 1, seq: 1, ...item, field: 'note', old: '""', new: '"优势明显"', at: lastAt, firstAt },
    ]);
  });

  it('measures the window from the latest keystroke of the burst', async () => {
    for (const text of ['a', 'ab', 'abc', 'abcd']) await h.saveOk({ field: 'note', value: text }, auditFoldMs - 1);
    expect(await h.db.audit.count()).toBe(1);
  });

  it('starts a new entry once auditFoldMs has passed', async () => {
    await h.saveOk({ field: 'note', value: 'first' }, auditFoldMs);
    await h.saveOk({ field: 'note', value: 'second' });
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => [e.old, e.new])).toEqual([
      ['""', '"first"'],
      ['"first"', '"second"'],
    ]);
  });

  it('folds comment edits (strengths) the same way', async () => {
    await h.saveOk({ field: 'strengths', value: [comment('s1', '')] });
    await h.saveOk({ field: 'strengths', value: [comment('s1', '领导')] });
    await h.saveOk({ field: 'strengths', value: [comment('s1', '领导重视')] });
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => [e.field, JSON.parse(e.old), JSON.parse(e.new)])).toEqual([
      ['strengths', [], [comment('s1', '领导重视')]],
    ]);
  });

  it('removes the folded entry when the text is typed back to its value before the burst', async () => {
    await h.saveOk({ field: 'note', value: 'kept' }, auditFoldMs);
    await h.saveOk({ field: 'note', value: 'kept!' });
    await h.saveOk({ field: 'note', value: 'kept' });
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => [e.old, e.new])).toEqual([['""', '"kept"']]);
    expect((await h.db.items.get([sheetId, item.itemId]))?.note).toBe('kept');
  });

  it('does not fold across an entry of another field, so the history stays in order', async () => {
    await h.saveOk({ field: 'note', value: 'a' });
    await h.saveOk({ field: 'percent', value: 50 });
    await h.saveOk({ field: 'note', value: 'ab' });
    const history = await itemHistory(h.db, sheetId, item.itemId, h.clock.now);
    expect(history.map((e) => e.field)).toEqual(['note', 'percent', 'note']);
  });

  it('never folds into the entry of another item', async () => {
    await h.saveOk({ field: 'note', value: 'a' });
    const other = { sheetId, itemId: '4.1.2' };
    expect(await h.save({ field: 'note', value: 'a' }, other)).toMatchObject({ ok: true });
    expect(await h.db.audit.count()).toBe(2);
  });
});

describe('atomicity: a failed audit write leaves nothing half-written', () => {
  /** Saves 50 %, then makes the audit write fail with `failure` and saves 80 %. */
  async function expectUnchangedAfterFailure(failure: unknown, code: string): Promise<void> {
    await h.saveOk({ field: 'percent', value: 50 });
    vi.spyOn(h.db.audit, 'add').mockRejectedValueOnce(failure);
    const before = await h.storedState();
    const result = await h.save({ field: 'percent', value: 80 });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await h.storedState()).toEqual(before);
    expect((await h.db.items.get([sheetId, item.itemId]))?.percent).toBe(50);
  }

  it('maps a QuotaExceededError from audit.add to E_STORAGE_QUOTA and rolls back item and sheet', async () => {
    await expectUnchangedAfterFailure(new DOMException('full', 'QuotaExceededError'), 'E_STORAGE_QUOTA');
  });

  it('rolls back a first write to a new item as well', async () => {
    vi.spyOn(h.db.audit, 'add').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    const sheetBefore = await h.db.sheets.get(sheetId);
    const result = await h.save({ field: 'note', value: 'lost?' });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_STORAGE_QUOTA' } });
    expect(await h.db.items.count()).toBe(0);
    expect(await h.db.sheets.get(sheetId)).toEqual(sheetBefore);
  });

  it('does the same when a Dexie creating hook on the audit table throws the quota error', async () => {
    await h.saveOk({ field: 'percent', value: 50 });
    const hook = (): void => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    h.db.audit.hook('creating', hook);
    try {
      const before = await h.storedState();
      const result = await h.save({ field: 'percent', value: 80 });
      expect(result).toMatchObject({ ok: false, error: { code: 'E_STORAGE_QUOTA' } });
      expect(await h.storedState()).toEqual(before);
    } finally {
      h.db.audit.hook('creating').unsubscribe(hook);
    }
  });

  it('maps a Dexie abort wrapping the quota error to E_STORAGE_QUOTA', async () => {
    const inner = new DOMException('full', 'QuotaExceededError');
    await expectUnchangedAfterFailure(new Dexie.AbortError('aborted', inner), 'E_STORAGE_QUOTA');
  });

  it('maps any other failure to E_STORAGE_WRITE with a detail', async () => {
    await expectUnchangedAfterFailure(new Error('disk gone'), 'E_STORAGE_WRITE');
    vi.spyOn(h.db.audit, 'add').mockRejectedValueOnce(new Error('disk gone'));
    const result = await h.save({ field: 'percent', value: 80 });
    expect(result.ok ? undefined : result.error.params?.['detail']).toEqual(expect.any(String));
    expect(result.ok ? undefined : result.error.message).toContain('disk gone');
  });
});
