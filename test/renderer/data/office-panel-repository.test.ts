import { describe, expect, it } from 'vitest';
import {
  countAssignmentsIssued,
  createOfficeCycle,
  loadOfficeCycle,
  reviseOfficeCycle,
} from '../../../src-renderer/data/office-cycle-repository';
import {
  checkPanel,
  deleteOfficePanel,
  listOfficePanels,
  saveOfficePanel,
  saveOfficePanelIssues,
  type PanelDraft,
  type PanelNames,
} from '../../../src-renderer/data/office-panel-repository';
import {
  officePanelRowSchema,
  type OfficePanelIssue,
  type OfficePanelRow,
} from '../../../src-renderer/data/office-rows';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import { deletedAfterEach } from './support/opened-databases';
import { testClock } from './support/test-database';

const { open } = deletedAfterEach();

const expertNames: Readonly<Record<string, string>> = { 'e-li': '李明', 'e-wang': '王芳', 'e-zhao': '赵强' };
const applicantNames: Readonly<Record<string, string>> = { 'a-1': '新疆甲公司', 'a-2': '新疆乙公司' };
const names: PanelNames = {
  expert: (id) => expertNames[id] ?? id,
  applicant: (id) => applicantNames[id] ?? id,
};

function draft(patch: Partial<PanelDraft> = {}): PanelDraft {
  return {
    id: 'panel-1',
    cycleId: 'cycle-2026',
    stage: 'material',
    name: '第一评审组',
    leaderId: 'e-li',
    expertIds: ['e-li', 'e-wang'],
    applicantIds: ['a-1'],
    ...patch,
  };
}

function row(patch: Partial<OfficePanelRow> = {}): OfficePanelRow {
  return { v: 1, ...draft(), createdAt: 't', updatedAt: 't', ...patch };
}

/** The E_PANEL_INVALID details of a refusal, in both languages. */
function details(result: ReturnType<typeof checkPanel>): { zh: unknown; en: unknown } | undefined {
  if (result.ok || result.error.code !== 'E_PANEL_INVALID') return undefined;
  return { zh: result.error.params?.detail, en: result.error.params?.detailEn };
}

describe('checkPanel', () => {
  it('accepts a named panel with experts, one leader among them and applicants', () => {
    expect(checkPanel(draft(), [], names)).toEqual({ ok: true, value: true });
  });

  it('refuses an incomplete panel with the reason in both languages', () => {
    expect(details(checkPanel(draft({ name: '  ' }), [], names))).toEqual({
      zh: '请填写评审组名称。',
      en: 'enter the panel’s name.',
    });
    expect(details(checkPanel(draft({ expertIds: [], leaderId: '' }), [], names))?.zh).toBe('请至少选择一名专家。');
    expect(details(checkPanel(draft({ leaderId: '' }), [], names))).toEqual({
      zh: '请指定一名组长。',
      en: 'choose one leader.',
    });
    expect(details(checkPanel(draft({ leaderId: 'e-zhao' }), [], names))).toEqual({
      zh: '组长“赵强”须是本组的专家。',
      en: 'the leader “赵强” must be one of the panel’s experts.',
    });
    expect(details(checkPanel(draft({ applicantIds: [] }), [], names))?.en).toBe('choose at least one applicant.');
    expect(details(checkPanel(draft({ applicantIds: ['a-1', 'a-1'] }), [], names))?.zh).toBe(
      '同一专家或申报组织列出了两次。',
    );
    expect(details(checkPanel(draft({ expertIds: ['e-li', 'e-li'] }), [], names))?.zh).toBe(
      '同一专家或申报组织列出了两次。',
    );
  });

  it('gives an applicant one panel per stage, and names the expert who would score it twice', () => {
    const other = row({ id: 'panel-2', name: '第二评审组', leaderId: 'e-zhao', expertIds: ['e-zhao'] });
    expect(details(checkPanel(draft(), [other], names))).toEqual({
      zh: '申报组织“新疆甲公司”已在本阶段的评审组“第二评审组”中；每个申报组织在一个阶段只由一个评审组评审。',
      en: 'the applicant “新疆甲公司” is already in the panel “第二评审组” of this stage; each applicant has one panel per stage.',
    });
    const shared = row({ id: 'panel-2', name: '第二评审组', leaderId: 'e-wang', expertIds: ['e-wang'] });
    expect(details(checkPanel(draft(), [shared], names))?.zh).toBe(
      '专家“王芳”已在本阶段的评审组“第二评审组”中评审“新疆甲公司”，同一专家不能评审同一组织两次。',
    );
  });

  it('ignores the panel itself, other stages and other cycles', () => {
    const others = [
      row(),
      row({ id: 'panel-d', stage: 'defense' }),
      row({ id: 'panel-x', cycleId: 'cycle-2027' }),
      row({ id: 'panel-3', applicantIds: ['a-2'] }),
    ];
    expect(checkPanel(draft(), others, names)).toEqual({ ok: true, value: true });
  });
});

describe('office panels', () => {
  it('are saved, listed by stage then name, updated with their creation time kept, and deleted', async () => {
    const db = open('panels');
    const clock = testClock();
    await saveOfficePanel(db, draft({ id: 'panel-s', stage: 'site', name: '现场组' }), names, clock.now);
    const saved = await saveOfficePanel(db, draft({ name: ' 第一组 ' }), names, clock.now);
    expect(saved).toMatchObject({
      ok: true,
      value: { name: '第一组', createdAt: clock.iso(), updatedAt: clock.iso() },
    });
    clock.advance(1000);
    await saveOfficePanel(db, draft({ id: 'panel-0', name: '第二组', applicantIds: ['a-2'] }), names, clock.now);
    await saveOfficePanel(db, draft({ id: 'panel-d', stage: 'defense', name: '答辩组' }), names, clock.now);
    await saveOfficePanel(db, draft({ id: 'panel-other', cycleId: 'cycle-2027' }), names, clock.now);
    // Stages in the order of Art. 11, then creation order: 第一组 before 第二组 although 二 sorts before 一 by pinyin.
    expect((await listOfficePanels(db, 'cycle-2026', clock.now)).map((p) => p.id)).toEqual([
      'panel-1',
      'panel-0',
      'panel-d',
      'panel-s',
    ]);

    const created = '2026-03-02T08:00:00.000Z';
    clock.advance(60_000);
    const updated = await saveOfficePanel(
      db,
      draft({ leaderId: 'e-wang', expertIds: ['e-wang', 'e-zhao'] }),
      names,
      clock.now,
    );
    expect(updated).toMatchObject({
      ok: true,
      value: { leaderId: 'e-wang', expertIds: ['e-wang', 'e-zhao'], createdAt: created, updatedAt: clock.iso() },
    });

    expect(await deleteOfficePanel(db, 'panel-1')).toEqual({ ok: true, value: true });
    expect((await listOfficePanels(db, 'cycle-2026', clock.now)).map((p) => p.id)).toEqual([
      'panel-0',
      'panel-d',
      'panel-s',
    ]);
  });

  it('refuse a panel that breaks the rules and write nothing', async () => {
    const db = open('panels-refused');
    const clock = testClock();
    await saveOfficePanel(db, draft(), names, clock.now);
    const second = await saveOfficePanel(db, draft({ id: 'panel-2', name: '第二组' }), names, clock.now);
    expect(second).toMatchObject({ ok: false, error: { code: 'E_PANEL_INVALID' } });
    const leaderless = await saveOfficePanel(db, draft({ leaderId: '' }), names, clock.now);
    expect(leaderless).toMatchObject({ ok: false, error: { code: 'E_PANEL_INVALID' } });
    expect(await listOfficePanels(db, 'cycle-2026', clock.now)).toEqual([
      { v: 1, ...draft(), createdAt: clock.iso(), updatedAt: clock.iso() },
    ]);
  });

  it('quarantine a malformed row instead of listing or dropping it', async () => {
    const db = open('panels-quarantine');
    const clock = testClock();
    await db.officePanels.put({ ...row({ id: 'bad' }), leaderId: 42 } as unknown as OfficePanelRow);
    await saveOfficePanel(db, draft({ applicantIds: ['a-2'] }), names, clock.now);
    expect((await listOfficePanels(db, 'cycle-2026', clock.now)).map((p) => p.id)).toEqual(['panel-1']);
    const kept = await db.quarantine.toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ table: 'officePanels', key: '"bad"' });
  });
});

describe('a panel’s issues to verify (issue 5)', () => {
  const issue = (id: string, patch: Partial<OfficePanelIssue> = {}): OfficePanelIssue => ({
    id,
    applicantId: 'a-1',
    itemIds: ['4.1.1'],
    kind: 'verify',
    text: '核实能耗数据',
    source: null,
    ...patch,
  });

  it('parse on a row that has them, and a row saved before issue 5 still parses without', () => {
    const withIssues = { ...row(), issues: [issue('i1', { source: { expertId: 'e-li', issueId: 'x' } })] };
    expect(officePanelRowSchema.parse(withIssues)).toEqual(withIssues);
    expect(officePanelRowSchema.parse(row())).toEqual(row());
    expect(
      officePanelRowSchema.safeParse({ ...row(), issues: [issue('i1', { kind: 'guess' as 'verify' })] }).success,
    ).toBe(false);
  });

  it('are saved with the panel, kept when the panel’s members are edited, and trimmed', async () => {
    const db = open('panel-issues');
    const clock = testClock();
    await saveOfficePanel(db, draft({ stage: 'site' }), names, clock.now);
    clock.advance(1000);
    const saved = await saveOfficePanelIssues(
      db,
      { panelId: 'panel-1', issues: [issue('i1', { text: '  核实能耗数据 ' }), issue('i2', { kind: 'clarify' })] },
      names,
      clock.now,
    );
    expect(saved).toMatchObject({ ok: true, value: { updatedAt: clock.iso() } });
    expect(saved.ok && saved.value.issues?.map((i) => i.text)).toEqual(['核实能耗数据', '核实能耗数据']);
    await saveOfficePanel(db, draft({ stage: 'site', leaderId: 'e-wang' }), names, clock.now);
    const [panel] = await listOfficePanels(db, 'cycle-2026', clock.now);
    expect(panel?.leaderId).toBe('e-wang');
    expect(panel?.issues?.map((i) => i.id)).toEqual(['i1', 'i2']);
  });

  it('refuse an issue without items or text, or of an applicant the panel does not score, and keep the list', async () => {
    const db = open('panel-issues-refused');
    const clock = testClock();
    await saveOfficePanel(db, draft({ stage: 'site' }), names, clock.now);
    const save = (issues: OfficePanelIssue[]) =>
      saveOfficePanelIssues(db, { panelId: 'panel-1', issues }, names, clock.now);
    const noItems = await save([issue('i1', { itemIds: [] })]);
    expect(noItems.ok ? undefined : noItems.error.params?.detail).toBe(
      '“新疆甲公司”的第 1 条核实问题须选择至少一个评分项。',
    );
    const blank = await save([issue('i1'), issue('i2', { text: '   ' })]);
    expect(blank.ok ? undefined : blank.error.params?.detailEn).toBe('issue 2 of “新疆甲公司” needs its text.');
    const elsewhere = await save([issue('i1', { applicantId: 'a-2' })]);
    expect(elsewhere.ok ? undefined : elsewhere.error.params?.detail).toBe(
      '第 1 条核实问题所属的“新疆乙公司”不在本评审组。',
    );
    const missing = await saveOfficePanelIssues(db, { panelId: 'gone', issues: [] }, names, clock.now);
    expect(missing).toMatchObject({ ok: false, error: { code: 'E_PANEL_INVALID' } });
    const [panel] = await listOfficePanels(db, 'cycle-2026', clock.now);
    expect(panel).not.toHaveProperty('issues');
  });
});

describe('countAssignmentsIssued', () => {
  const settings = defaultCycleSettings(2026);

  it('adds the assignments signed to the cycle, after which frozen settings need a reason', async () => {
    const db = open('issued');
    const clock = testClock();
    await createOfficeCycle(db, settings, () => 'cycle-2026', clock.now);
    const changed = { ...settings, commentRules: { strengthWithEvidenceFrom: 80, ofiUpTo: 20 } };
    expect(await countAssignmentsIssued(db, 'cycle-2026', 3, clock.now)).toMatchObject({
      ok: true,
      value: { assignmentsIssued: 3, revision: 1 },
    });
    expect(await countAssignmentsIssued(db, 'cycle-2026', 2, clock.now)).toMatchObject({
      ok: true,
      value: { assignmentsIssued: 5 },
    });
    expect((await loadOfficeCycle(db, 'cycle-2026', clock.now))?.assignmentsIssued).toBe(5);
    expect(await reviseOfficeCycle(db, 'cycle-2026', changed, '', clock.now)).toMatchObject({
      ok: false,
      error: { code: 'E_CYCLE_FROZEN' },
    });
  });

  it('answers E_CYCLE for a cycle that does not exist and creates none', async () => {
    const db = open('issued-missing');
    const clock = testClock();
    expect(await countAssignmentsIssued(db, 'missing', 1, clock.now)).toMatchObject({
      ok: false,
      error: { code: 'E_CYCLE', params: { cycleId: 'missing' } },
    });
    expect(await db.officeCycles.count()).toBe(0);
  });
});
