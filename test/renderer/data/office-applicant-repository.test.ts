import { afterEach, describe, expect, it } from 'vitest';
import type { ScorebookDb } from '../../../src-renderer/data/database';
import {
  addOfficeApplicants,
  deleteOfficeApplicant,
  isMaterialStored,
  listOfficeApplicants,
  saveOfficeApplicant,
  setOfficeApplicantJudgement,
} from '../../../src-renderer/data/office-applicant-repository';
import { officeApplicantRowSchema } from '../../../src-renderer/data/office-rows';
import { applicant, USCC_MIDONG, USCC_TOUTUNHE, USCC_XINSHI } from '../../shared/office/applicant-fixtures';
import { openTestDatabase, testClock } from './support/test-database';

const opened: ScorebookDb[] = [];
function open(): ScorebookDb {
  const db = openTestDatabase('office-applicants');
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function ids(prefix = 'a'): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${n}`;
  };
}

const draft = (overrides: Parameters<typeof applicant>[0] = {}) => ({
  record: applicant(overrides),
  summaries: [],
  judgements: [],
});

describe('saveOfficeApplicant', () => {
  it('adds an applicant, then updates it in place keeping its creation time', async () => {
    const db = open();
    const clock = testClock();
    const added = await saveOfficeApplicant(db, { id: 'x', cycleId: 'c', draft: draft() }, clock.now);
    expect(added.ok).toBe(true);
    clock.advance(60_000);
    const summaries = [{ categoryId: 'cat-1', text: '领导作用摘要' }];
    const updated = await saveOfficeApplicant(
      db,
      { id: 'x', cycleId: 'c', draft: { ...draft({ employees: 500 }), summaries } },
      clock.now,
    );
    if (!updated.ok) throw new Error(updated.error.message);
    expect(updated.value.createdAt).toBe('2026-03-02T08:00:00.000Z');
    expect(updated.value.updatedAt).toBe('2026-03-02T08:01:00.000Z');
    const rows = await listOfficeApplicants(db, 'c', clock.now);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.record.employees).toBe(500);
    expect(rows[0]?.summaries).toEqual(summaries);
  });

  it('refuses a credit code another applicant of the cycle already has, and allows it in another cycle', async () => {
    const db = open();
    const { now } = testClock();
    await saveOfficeApplicant(db, { id: 'x', cycleId: 'c', draft: draft() }, now);
    const clash = await saveOfficeApplicant(db, { id: 'y', cycleId: 'c', draft: draft({ name: '另一家' }) }, now);
    expect(clash).toMatchObject({ ok: false, error: { code: 'E_APPLICANT_EXISTS', params: { uscc: USCC_MIDONG } } });
    const elsewhere = await saveOfficeApplicant(db, { id: 'y', cycleId: 'other', draft: draft() }, now);
    expect(elsewhere.ok).toBe(true);
    expect(await listOfficeApplicants(db, 'c', now)).toHaveLength(1);
  });

  it('refuses a row its schema refuses and stores nothing', async () => {
    const db = open();
    const { now } = testClock();
    const bad = await saveOfficeApplicant(
      db,
      { id: 'x', cycleId: 'c', draft: { ...draft(), summaries: [{ categoryId: 'cat-1', text: '' }] } },
      now,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(await db.officeApplicants.count()).toBe(0);
  });
});

describe('listOfficeApplicants', () => {
  it('lists one cycle in Chinese name order and quarantines a malformed row instead of dropping it', async () => {
    const db = open();
    const { now } = testClock();
    await addOfficeApplicants(
      db,
      'c',
      [applicant({ name: '乌鲁木齐乙公司', uscc: USCC_XINSHI }), applicant({ name: '乌鲁木齐甲公司' })],
      ids(),
      now,
    );
    await addOfficeApplicants(db, 'other', [applicant({ uscc: USCC_TOUTUNHE })], ids('o'), now);
    await db.officeApplicants.put({ id: 'broken', cycleId: 'c', v: 1 } as never);
    const rows = await listOfficeApplicants(db, 'c', now);
    expect(rows.map((row) => row.record.name)).toEqual(['乌鲁木齐甲公司', '乌鲁木齐乙公司']);
    expect(await db.quarantine.count()).toBe(1);
    expect(await db.officeApplicants.get('broken')).toBeUndefined();
  });
});

describe('addOfficeApplicants', () => {
  it('adds every imported record with empty summaries and judgements', async () => {
    const db = open();
    const { now } = testClock();
    const added = await addOfficeApplicants(
      db,
      'c',
      [applicant(), applicant({ uscc: USCC_XINSHI, name: '新市区某公司' })],
      ids(),
      now,
    );
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value.map((row) => row.id)).toEqual(['a1', 'a2']);
    expect(added.value.every((row) => row.summaries.length === 0 && row.judgements.length === 0)).toBe(true);
    expect(await listOfficeApplicants(db, 'c', now)).toHaveLength(2);
  });

  it('adds none of a batch when one code is already registered in the cycle', async () => {
    const db = open();
    const { now } = testClock();
    await saveOfficeApplicant(db, { id: 'x', cycleId: 'c', draft: draft() }, now);
    const result = await addOfficeApplicants(db, 'c', [applicant({ uscc: USCC_XINSHI }), applicant()], ids(), now);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_APPLICANT_EXISTS', params: { uscc: USCC_MIDONG } } });
    expect((await listOfficeApplicants(db, 'c', now)).map((row) => row.id)).toEqual(['x']);
  });

  it('adds none of a batch that holds the same code twice', async () => {
    const db = open();
    const { now } = testClock();
    const result = await addOfficeApplicants(db, 'c', [applicant(), applicant({ name: '重复' })], ids(), now);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_APPLICANT_EXISTS' } });
    expect(await db.officeApplicants.count()).toBe(0);
  });
});

describe('setOfficeApplicantJudgement', () => {
  it('records one judgement per rule, replaces it, withdraws it, and leaves the record alone', async () => {
    const db = open();
    const clock = testClock();
    await saveOfficeApplicant(db, { id: 'x', cycleId: 'c', draft: draft() }, clock.now);
    const first = await setOfficeApplicantJudgement(
      db,
      { id: 'x', rule: 'location', judgement: { outcome: 'fail', note: '  营业执照登记在外地  ' } },
      clock.now,
    );
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.judgements).toEqual([{ rule: 'location', outcome: 'fail', note: '营业执照登记在外地' }]);

    await setOfficeApplicantJudgement(
      db,
      { id: 'x', rule: 'export', judgement: { outcome: 'pass', note: '退运非质量原因' } },
      clock.now,
    );
    clock.advance(1000);
    const replaced = await setOfficeApplicantJudgement(
      db,
      { id: 'x', rule: 'location', judgement: { outcome: 'pass', note: '已核实分支机构登记' } },
      clock.now,
    );
    if (!replaced.ok) throw new Error(replaced.error.message);
    expect(replaced.value.judgements).toEqual([
      { rule: 'export', outcome: 'pass', note: '退运非质量原因' },
      { rule: 'location', outcome: 'pass', note: '已核实分支机构登记' },
    ]);
    expect(replaced.value.updatedAt).toBe('2026-03-02T08:00:01.000Z');
    expect(replaced.value.record).toEqual(applicant());

    const withdrawn = await setOfficeApplicantJudgement(db, { id: 'x', rule: 'export', judgement: null }, clock.now);
    if (!withdrawn.ok) throw new Error(withdrawn.error.message);
    const [row] = await listOfficeApplicants(db, 'c', clock.now);
    expect(row?.judgements).toEqual([{ rule: 'location', outcome: 'pass', note: '已核实分支机构登记' }]);
  });

  it('answers an error value for an applicant that does not exist', async () => {
    const db = open();
    const result = await setOfficeApplicantJudgement(
      db,
      { id: 'missing', rule: 'location', judgement: { outcome: 'pass', note: '' } },
      testClock().now,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST', params: { detail: 'missing' } } });
  });
});

describe('deleteOfficeApplicant', () => {
  it('removes the applicant, so its code can be registered again', async () => {
    const db = open();
    const { now } = testClock();
    await saveOfficeApplicant(db, { id: 'x', cycleId: 'c', draft: draft() }, now);
    expect(await deleteOfficeApplicant(db, 'x')).toEqual({ ok: true, value: true });
    expect(await listOfficeApplicants(db, 'c', now)).toEqual([]);
    const again = await saveOfficeApplicant(db, { id: 'y', cycleId: 'c', draft: draft() }, now);
    expect(again.ok).toBe(true);
  });

  it('refuses an applicant a panel scores, naming the panel, and keeps it', async () => {
    const db = open();
    const { now } = testClock();
    await saveOfficeApplicant(db, { id: 'x', cycleId: 'c', draft: draft() }, now);
    const at = now().toISOString();
    await db.officePanels.put({
      v: 1,
      id: 'p1',
      cycleId: 'c',
      stage: 'material',
      name: '第一组',
      leaderId: 'e1',
      expertIds: ['e1'],
      applicantIds: ['x'],
      createdAt: at,
      updatedAt: at,
    });
    expect(await deleteOfficeApplicant(db, 'x')).toMatchObject({
      ok: false,
      error: { code: 'E_APPLICANT_IN_PANEL', params: { panel: '第一组' } },
    });
    expect((await listOfficeApplicants(db, 'c', now)).map((row) => row.id)).toEqual(['x']);
  });
});

describe('stored materials (issue 5)', () => {
  const pdf = (c: string) => ({ fileName: `${c}.pdf`, sha256: c.repeat(64), size: 10, commercialSecret: false });

  it('are kept with the row, pruned to the registered materials, and left as stored when a save omits them', async () => {
    const db = open();
    const clock = testClock();
    const record = applicant({ materials: [pdf('a'), pdf('b')] });
    const first = await saveOfficeApplicant(
      db,
      {
        id: 'x',
        cycleId: 'c',
        draft: { record, summaries: [], judgements: [], storedMaterials: ['a'.repeat(64), 'f'.repeat(64)] },
      },
      clock.now,
    );
    expect(first.ok && first.value.storedMaterials).toEqual(['a'.repeat(64)]);
    // The demo and the eligibility page save without the marks: they stay.
    const again = await saveOfficeApplicant(
      db,
      { id: 'x', cycleId: 'c', draft: { record, summaries: [], judgements: [] } },
      clock.now,
    );
    if (!again.ok) throw new Error(again.error.message);
    expect(isMaterialStored(again.value, 'a'.repeat(64))).toBe(true);
    expect(isMaterialStored(again.value, 'b'.repeat(64))).toBe(false);
    // A material removed takes its mark with it.
    const removed = await saveOfficeApplicant(
      db,
      { id: 'x', cycleId: 'c', draft: { record: applicant({ materials: [pdf('b')] }), summaries: [], judgements: [] } },
      clock.now,
    );
    expect(removed.ok && removed.value.storedMaterials).toEqual([]);
  });

  it('are absent on rows saved before issue 5, which still parse and count as not stored', async () => {
    const db = open();
    const clock = testClock();
    const saved = await saveOfficeApplicant(
      db,
      { id: 'x', cycleId: 'c', draft: draft({ materials: [pdf('a')] }) },
      clock.now,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value).not.toHaveProperty('storedMaterials');
    expect(officeApplicantRowSchema.parse(saved.value)).toEqual(saved.value);
    expect(isMaterialStored(saved.value, 'a'.repeat(64))).toBe(false);
    expect(officeApplicantRowSchema.safeParse({ ...saved.value, storedMaterials: ['not-a-hash'] }).success).toBe(false);
  });
});
