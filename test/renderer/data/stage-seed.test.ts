import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScorebookDb } from '../../../src-renderer/data/database';
import { ensureSheet, loadSheetItems, saveItemChange, sheetIdOf } from '../../../src-renderer/data/sheet-repository';
import { loadStageWork, saveStageWork } from '../../../src-renderer/data/stage-work-repository';
import type { IssueDraft } from '../../../src-renderer/data/stage-rows';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { deletedAfterEach } from './support/opened-databases';
import {
  applicantId,
  assignmentIdOf,
  otherApplicantId,
  stagePayload,
  stageSheet,
  storeStage,
} from './support/stage-world';
import { testClock } from './support/test-database';

const databases = deletedAfterEach();
afterEach(() => vi.restoreAllMocks());

const strength = { id: 's1', text: '战略目标分解到岗位。', page: 12, ref: '第 4 章' };
const ofi = { id: 'o1', text: '缺少对标数据。', page: null, ref: '访谈' };

function issue(id: string, text: string, patch: Partial<IssueDraft> = {}): IssueDraft {
  return {
    id,
    origin: 'own',
    itemIds: ['4.1.1'],
    kind: 'verify',
    text,
    evidence: '第 12 页',
    status: 'open',
    finding: '',
    ...patch,
  };
}

async function world(stages: readonly Stage[] = ['material', 'defense', 'site']) {
  const db = databases.open('stage-seed');
  const clock = testClock();
  const panelIssues = [
    { id: 'p1', applicantId, itemIds: ['4.2.1'], kind: 'clarify' as const, text: '核实供应商评价记录。' },
    { id: 'mine-1', applicantId, itemIds: ['4.1.1'], kind: 'verify' as const, text: '与本人问题同号。' },
    { id: 'p2', applicantId: otherApplicantId, itemIds: ['4.1.1'], kind: 'verify' as const, text: '别家的问题。' },
  ];
  for (const stage of stages) {
    await storeStage(db, stagePayload(stage, stage === 'site' ? { panelIssues } : {}), clock);
  }
  const ensure = (stage: Stage, sheet = stageSheet(stage)) => ensureSheet(db, sheet, clock.now);
  return { db, clock, ensure };
}

async function itemsOf(db: ScorebookDb, stage: Stage) {
  const sheetId = sheetIdOf(assignmentIdOf(stage), applicantId);
  return (await loadSheetItems(db, sheetId, testClock().now)).items;
}

async function workOf(db: ScorebookDb, stage: Stage) {
  const loaded = await loadStageWork(db, sheetIdOf(assignmentIdOf(stage), applicantId), testClock().now);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

describe('ensureSheet seeds a stage from the expert’s own previous stage', () => {
  it('chains material → defense → site: percents, marked comments with new ids, notes, issues and panel issues', async () => {
    const { db, clock, ensure } = await world();
    expect((await ensure('material')).ok).toBe(true);
    const material = { sheetId: stageSheet('material').id, stage: 'material' as const };
    expect(await workOf(db, 'material')).toMatchObject({ seededFrom: null, carried: {}, issues: [] });
    await saveItemChange(
      db,
      { sheetId: material.sheetId, itemId: '4.1.1' },
      { field: 'percent', value: 70 },
      clock.now,
    );
    await saveItemChange(
      db,
      { sheetId: material.sheetId, itemId: '4.1.1' },
      { field: 'strengths', value: [strength] },
      clock.now,
    );
    await saveItemChange(
      db,
      { sheetId: material.sheetId, itemId: '4.1.1' },
      { field: 'ofis', value: [ofi] },
      clock.now,
    );
    await saveItemChange(
      db,
      { sheetId: material.sheetId, itemId: '4.1.1' },
      { field: 'note', value: '待现场核实' },
      clock.now,
    );
    await saveItemChange(
      db,
      { sheetId: material.sheetId, itemId: '4.1.2' },
      { field: 'note', value: '未评' },
      clock.now,
    );
    const own = issue('mine-1', '核实岗位目标卡。');
    await saveStageWork(db, material, { issues: [own, issue('blank', '  ')] }, clock.now);
    clock.advance(60_000);

    expect((await ensure('defense')).ok).toBe(true);
    const defenseItems = await itemsOf(db, 'defense');
    expect(defenseItems.get('4.1.1')).toMatchObject({
      percent: 70,
      note: '待现场核实',
      strengths: [{ ...strength, id: 's1~material', carriedFrom: 'material' }],
      ofis: [{ ...ofi, id: 'o1~material', carriedFrom: 'material' }],
    });
    expect(defenseItems.get('4.1.2')).toMatchObject({ percent: null, note: '未评', strengths: [], ofis: [] });
    expect(await workOf(db, 'defense')).toMatchObject({
      stage: 'defense',
      seededFrom: 'material',
      carried: { '4.1.1': 70, '4.1.2': null },
      issues: [own],
      reasons: {},
    });

    const defense = { sheetId: stageSheet('defense').id, stage: 'defense' as const };
    await saveItemChange(db, { sheetId: defense.sheetId, itemId: '4.1.1' }, { field: 'percent', value: 75 }, clock.now);
    await saveStageWork(db, defense, { issues: [{ ...own, status: 'confirmed', finding: '已见目标卡。' }] }, clock.now);
    clock.advance(60_000);

    expect((await ensure('site')).ok).toBe(true);
    const siteItems = await itemsOf(db, 'site');
    expect(siteItems.get('4.1.1')).toMatchObject({
      percent: 75,
      strengths: [{ ...strength, id: 's1~material~defense', carriedFrom: 'defense' }],
    });
    const site = await workOf(db, 'site');
    expect(site?.seededFrom).toBe('defense');
    expect(site?.carried).toEqual({ '4.1.1': 75, '4.1.2': null });
    // The own issue keeps its id and status; the panel's issue with the same id is not added twice; another
    // applicant's panel issue is not this sheet's.
    expect(site?.issues).toEqual([
      { ...own, status: 'confirmed', finding: '已见目标卡。' },
      {
        id: 'p1',
        origin: 'panel',
        itemIds: ['4.2.1'],
        kind: 'clarify',
        text: '核实供应商评价记录。',
        evidence: '',
        status: 'open',
        finding: '',
      },
    ]);
    expect(site?.site).toEqual({ interviews: [], documents: [], themes: [] });
  });

  it('never overwrites a sheet that exists: a second call changes nothing', async () => {
    const { db, clock, ensure } = await world();
    await ensure('material');
    const materialId = stageSheet('material').id;
    await saveItemChange(db, { sheetId: materialId, itemId: '4.1.1' }, { field: 'percent', value: 70 }, clock.now);
    await ensure('defense');
    const defenseId = stageSheet('defense').id;
    await saveItemChange(db, { sheetId: defenseId, itemId: '4.1.1' }, { field: 'percent', value: 50 }, clock.now);
    const before = {
      items: await db.items.toArray(),
      work: await db.stageWork.toArray(),
      sheets: await db.sheets.toArray(),
    };
    // The material sheet moves on; the defense sheet was seeded once and stays as the expert left it.
    await saveItemChange(db, { sheetId: materialId, itemId: '4.1.1' }, { field: 'percent', value: 90 }, clock.now);
    clock.advance(60_000);
    const again = await ensure('defense');
    expect(again.ok && again.value).toEqual(before.sheets.find((s) => s.id === defenseId));
    expect((await itemsOf(db, 'defense')).get('4.1.1')?.percent).toBe(50);
    expect(await db.stageWork.toArray()).toEqual(before.work);
  });

  it('keeps what a session typed before the sheet existed, and adds what is carried', async () => {
    const { db, clock, ensure } = await world();
    await ensure('material');
    await saveItemChange(
      db,
      { sheetId: stageSheet('material').id, itemId: '4.1.1' },
      { field: 'percent', value: 70 },
      clock.now,
    );
    await saveStageWork(
      db,
      { sheetId: stageSheet('material').id, stage: 'material' },
      { issues: [issue('m1', '问题')] },
      clock.now,
    );
    const typed = {
      id: 'q1',
      at: '2026-03-02T08:10:00Z',
      question: '如何分解目标？',
      answer: '逐级签订。',
      itemIds: [],
    };
    await saveStageWork(
      db,
      { sheetId: stageSheet('defense').id, stage: 'defense' },
      { defense: { segments: [], questions: [typed], rubric: [] } },
      clock.now,
    );
    await ensure('defense');
    const work = await workOf(db, 'defense');
    expect(work?.defense?.questions).toEqual([typed]);
    expect(work).toMatchObject({ seededFrom: 'material', carried: { '4.1.1': 70 }, issues: [issue('m1', '问题')] });
  });

  it('starts empty, seeded from nothing, without a previous sheet (or with only another expert’s)', async () => {
    const { db, clock, ensure } = await world(['defense']);
    // Another expert's material sheet for the same applicant is not this expert's previous stage.
    const other = assignmentIdOf('material', 'expert2');
    await storeStage(db, stagePayload('material', { expertId: 'demo-expert-2', assignmentId: other }), clock);
    await ensure('material', stageSheet('material', applicantId, other));
    await saveItemChange(
      db,
      { sheetId: sheetIdOf(other, applicantId), itemId: '4.1.1' },
      { field: 'percent', value: 70 },
      clock.now,
    );

    expect((await ensure('defense')).ok).toBe(true);
    expect((await itemsOf(db, 'defense')).size).toBe(0);
    expect(await workOf(db, 'defense')).toMatchObject({ seededFrom: null, carried: {}, issues: [] });
  });

  it('writes nothing when seeding fails midway: no sheet exists without its seed', async () => {
    const { db, clock, ensure } = await world();
    await ensure('material');
    await saveItemChange(
      db,
      { sheetId: stageSheet('material').id, itemId: '4.1.1' },
      { field: 'percent', value: 70 },
      clock.now,
    );
    vi.spyOn(db.stageWork, 'put').mockRejectedValueOnce(new DOMException('disk full', 'QuotaExceededError'));
    const failed = await ensure('defense');
    expect(failed).toMatchObject({ ok: false, error: { code: 'E_STORAGE_QUOTA' } });
    expect(await db.sheets.get(stageSheet('defense').id)).toBeUndefined();
    expect((await itemsOf(db, 'defense')).size).toBe(0);
    // Trying again seeds it whole.
    expect((await ensure('defense')).ok).toBe(true);
    expect((await itemsOf(db, 'defense')).get('4.1.1')?.percent).toBe(70);
  });
});
