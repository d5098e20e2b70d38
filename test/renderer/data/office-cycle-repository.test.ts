import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-renderer/data/database';
import {
  createOfficeCycle,
  listOfficeCycles,
  loadOfficeCycle,
  reviseOfficeCycle,
} from '../../../src-renderer/data/office-cycle-repository';
import { declareV1 } from '../../../src-renderer/data/schema/v1';
import { declareV2 } from '../../../src-renderer/data/schema/v2';
import { declareV3 } from '../../../src-renderer/data/schema/v3';
import { declareV4 } from '../../../src-renderer/data/schema/v4';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import { deletedAfterEach } from './support/opened-databases';
import { fakeIdb, freshDatabaseName, testClock } from './support/test-database';

const { open, keep } = deletedAfterEach();

const settings = defaultCycleSettings(2026);

describe('schema version 5', () => {
  it('adds an empty officeCycles table to a version-4 database and keeps its outbox rows', async () => {
    const name = freshDatabaseName('upgrade-v5');
    const old = new Dexie(name, fakeIdb);
    for (const declare of [declareV1, declareV2, declareV3, declareV4]) declare(old);
    await old.open();
    const row = {
      v: 2,
      packageId: 'p',
      kind: 'pledge',
      assignmentId: 'a',
      applicantId: null,
      seq: null,
      fileName: 'p.qapkg',
      base64: 'UEsDBA==',
      payloadSha256: 'a'.repeat(64),
      status: 'exported',
      createdAt: 't',
      exportedAt: 't',
      receipt: null,
    };
    await old.table('outbox').put(row);
    old.close();
    const db = keep(openDatabase(name, fakeIdb));
    await db.open();
    expect(db.verno).toBe(7);
    expect(await db.officeCycles.count()).toBe(0);
    expect(await db.outbox.get('p')).toEqual(row);
  });
});

describe('office cycles', () => {
  it('are created at revision 1 and listed newest first', async () => {
    const db = open('cycles');
    const clock = testClock();
    const ids = ['cycle-a', 'cycle-b'];
    const first = await createOfficeCycle(db, settings, () => ids.shift() ?? 'x', clock.now);
    clock.advance(1000);
    await createOfficeCycle(
      db,
      { ...settings, name: { 'zh-CN': '第二届', en: '' } },
      () => ids.shift() ?? 'x',
      clock.now,
    );
    expect(first).toMatchObject({ ok: true, value: { id: 'cycle-a', revision: 1, history: [], assignmentsIssued: 0 } });
    expect((await listOfficeCycles(db, clock.now)).map((c) => c.id)).toEqual(['cycle-b', 'cycle-a']);
  });

  it('refuse invalid settings and write nothing', async () => {
    const db = open('cycles-invalid');
    const clock = testClock();
    const result = await createOfficeCycle(
      db,
      { ...settings, stageWeights: { material: 50, defense: 50, site: 50 } },
      () => 'c',
      clock.now,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(await db.officeCycles.count()).toBe(0);
  });

  it('keep every earlier revision with the reason it was replaced, and need a reason for frozen settings once assignments are out', async () => {
    const db = open('cycles-revise');
    const clock = testClock();
    await createOfficeCycle(db, settings, () => 'c', clock.now);
    clock.advance(60_000);
    const second = await reviseOfficeCycle(db, 'c', { ...settings, spreadThreshold: 25 }, '', clock.now);
    expect(second).toMatchObject({ ok: true, value: { revision: 2, history: [{ revision: 1, reason: '' }] } });

    await db.officeCycles.update('c', { assignmentsIssued: 5 });
    const changedRules = {
      ...settings,
      spreadThreshold: 25,
      commentRules: { strengthWithEvidenceFrom: 80, ofiUpTo: 20 },
    };
    const refused = await reviseOfficeCycle(db, 'c', changedRules, '', clock.now);
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_CYCLE_FROZEN' } });
    expect((await loadOfficeCycle(db, 'c', clock.now))?.revision).toBe(2);
    const third = await reviseOfficeCycle(db, 'c', changedRules, '专家组会议决定提高证据要求', clock.now);
    expect(third).toMatchObject({
      ok: true,
      value: { revision: 3, history: [{ revision: 1 }, { revision: 2, reason: '专家组会议决定提高证据要求' }] },
    });
    // The same settings again change nothing.
    const same = await reviseOfficeCycle(db, 'c', changedRules, '', clock.now);
    expect(same).toMatchObject({ ok: true, value: { revision: 3 } });
    expect(await reviseOfficeCycle(db, 'missing', settings, '', clock.now)).toMatchObject({
      ok: false,
      error: { code: 'E_CYCLE' },
    });
  });
});
