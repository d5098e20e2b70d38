import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { ScorebookDb } from '../../../../src-renderer/data/database';
import type { Comment, SheetRow } from '../../../../src-renderer/data/row-schemas';
import {
  ensureSheet,
  saveItemChange,
  sheetIdOf,
  type ItemChange,
} from '../../../../src-renderer/data/sheet-repository';
import { openTestDatabase, testClock, type TestClock } from './test-database';

export const assignmentId = 'demo-2026-material-expert1';
export const sheetId = sheetIdOf(assignmentId, 'demo-applicant-kunlan');
/** The item most tests edit. */
export const item = { sheetId, itemId: '4.1.1' } as const;
/** When the harness creates the sheet; the clock then stands one second later. */
export const sheetCreatedAt = '2026-03-02T08:00:00.000Z';

export function sheetFor(applicantId: string): Omit<SheetRow, 'v' | 'createdAt' | 'updatedAt' | 'status'> {
  return {
    id: sheetIdOf(assignmentId, applicantId),
    cycleId: 'demo-2026',
    assignmentId,
    applicantId,
    stage: 'material',
    criteriaId: 'gbt19580-2012',
  };
}

export function comment(id: string, text: string): Comment {
  return { id, text, page: null, ref: '' };
}

export interface SheetHarness {
  readonly db: ScorebookDb;
  readonly clock: TestClock;
  save(change: ItemChange, target?: { sheetId: string; itemId: string }): ReturnType<typeof saveItemChange>;
  /** Saves a change that must succeed, then moves the clock on by `thenAdvance` (1 s by default). */
  saveOk(change: ItemChange, thenAdvance?: number): Promise<void>;
  /** Every item row, the sheet and every audit entry, to compare before and after a failure. */
  storedState(): Promise<{ items: unknown[]; sheet: SheetRow | undefined; audit: unknown[] }>;
}

/**
 * Registers beforeEach/afterEach that give every test a fresh database holding the demo sheet of
 * `sheetId`, and a fixed clock; the returned harness always points at the current test's database.
 */
export function useSheetHarness(): SheetHarness {
  let db: ScorebookDb | undefined;
  let clock: TestClock = testClock(sheetCreatedAt);
  const current = (): ScorebookDb => {
    if (db === undefined) throw new Error('the sheet harness is used outside a test');
    return db;
  };

  beforeEach(async () => {
    db = openTestDatabase('sheets');
    clock = testClock(sheetCreatedAt);
    expect((await ensureSheet(db, sheetFor('demo-applicant-kunlan'), clock.now)).ok).toBe(true);
    clock.advance(1_000);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await current().delete();
    db = undefined;
  });

  const harness: SheetHarness = {
    get db() {
      return current();
    },
    get clock() {
      return clock;
    },
    save: (change, target = item) => saveItemChange(current(), target, change, clock.now),
    saveOk: async (change, thenAdvance = 1_000) => {
      expect(await harness.save(change)).toMatchObject({ ok: true });
      clock.advance(thenAdvance);
    },
    storedState: async () => ({
      items: await current().items.toArray(),
      sheet: await current().sheets.get(sheetId),
      audit: await current().audit.toArray(),
    }),
  };
  return harness;
}
