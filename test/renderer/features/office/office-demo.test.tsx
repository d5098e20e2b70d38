import { afterEach, describe, expect, it } from 'vitest';
import type { ScorebookDb } from '../../../../src-renderer/data/database';
import { listOfficeApplicants } from '../../../../src-renderer/data/office-applicant-repository';
import { listOfficeCycles } from '../../../../src-renderer/data/office-cycle-repository';
import { listOfficePanels } from '../../../../src-renderer/data/office-panel-repository';
import { loadDemo, OfficeDemo, type Step } from '../../../../src-renderer/features/office/office-demo';
import { createContractClient } from '../../../../src-renderer/host/contract-client';
import type { Channel, ChannelRequest } from '../../../../src-shared/contract/channels';
import type { ExpertRecord } from '../../../../src-shared/contract/office-channels';
import { demoCycleName } from '../../../../src-shared/office/demo-office';
import { loadDemoBundle, openTestDatabase, testClock } from '../../data/support/test-database';
import { renderStatic, testServices, type TestLang } from '../../support/static-render';

/**
 * The renderer's part of the office demo: the cycle, the register and the panel it writes around main's
 * office:demo-load, with main played by a transport that answers in the contract's wire form.
 */

const bundle = loadDemoBundle();

function expert(index: number): ExpertRecord {
  return {
    expertId: `expert-${String(index).repeat(16)}`,
    profile: { name: `示例专家${index}`, workUnit: '虚构单位', title: '', phone: '', fields: [] },
    fingerprint: String(index).repeat(64),
    signingPublicKey: 'AAAA',
    receivingPublicKey: 'AAAA',
    enrollmentPackageId: `enrollment-${index}`,
    enrolledAt: '2026-03-02T08:00:00.000Z',
    status: 'confirmed',
    confirmedBy: '示例数据（虚构）',
    confirmedAt: '2026-03-02T08:00:00.000Z',
    revokedAt: null,
    revokeReason: null,
  };
}
const experts = [1, 2, 3, 4, 5].map(expert);

let db: ScorebookDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** Main as a transport: demo:get gives the shipped bundle; office:demo-load is recorded and answered by `demoLoad`. */
function fakeMain(demoLoad: (request: ChannelRequest<'office:demo-load'>) => unknown) {
  const calls: { channel: Channel; request: unknown }[] = [];
  const client = createContractClient(async (channel, request) => {
    calls.push({ channel, request });
    if (channel === 'demo:get') return { ok: true, value: bundle };
    if (channel === 'office:demo-load') return demoLoad(request as ChannelRequest<'office:demo-load'>);
    return { ok: false, error: { code: 'E_NOT_AVAILABLE', message: 'not in this test', params: {} } };
  });
  return { client, calls };
}

async function run(demoLoad: (request: ChannelRequest<'office:demo-load'>) => unknown) {
  db = openTestDatabase('office-demo');
  const clock = testClock();
  let next = 0;
  const main = fakeMain(demoLoad);
  const steps: Step[] = [];
  const created: string[] = [];
  const result = await loadDemo(
    { client: main.client, db, now: clock.now, newId: () => `id-${(next += 1)}` },
    '示例：材料评审第一组（虚构）',
    (step) => steps.push(step),
    (cycleId) => created.push(cycleId),
  );
  return { db, clock, main, steps, created, result };
}

describe('loadDemo', () => {
  it('creates the demo cycle and register, lets main load the experts, then saves the panel and counts', async () => {
    const { db, clock, main, steps, created, result } = await run(() => ({
      ok: true,
      value: { experts, issued: 5, inbox: [] },
    }));
    if (!result.ok) throw new Error(result.error.message);
    expect(steps).toEqual(['bundle', 'cycle', 'applicants', 'experts', 'panel']);

    const [cycle, ...others] = await listOfficeCycles(db, clock.now);
    expect(others).toEqual([]);
    expect(cycle?.settings.name).toEqual(demoCycleName(2026));
    expect(cycle?.assignmentsIssued).toBe(5);
    expect(created).toEqual([cycle?.id]);
    expect(result.value.cycleId).toBe(cycle?.id);

    const rows = await listOfficeApplicants(db, result.value.cycleId, clock.now);
    expect(rows.map((row) => row.record.uscc).sort()).toEqual(bundle.applicants.map((a) => a.uscc).sort());
    expect(rows.every((row) => row.summaries.length === 7)).toBe(true);

    const request = main.calls.find((call) => call.channel === 'office:demo-load')?.request as
      ChannelRequest<'office:demo-load'> | undefined;
    expect(request?.cycle).toMatchObject({ id: cycle?.id, name: demoCycleName(2026), demo: false, year: 2026 });
    expect(request?.stage).toBe('material');
    expect(request?.deadline).toBe('2026-04-01');
    expect(request?.applicants.map((a) => a.id).sort()).toEqual(rows.map((row) => row.id).sort());
    expect(request?.applicants.every((a) => a.summaries.length === 7)).toBe(true);

    const [panel] = await listOfficePanels(db, result.value.cycleId, clock.now);
    expect(panel).toMatchObject({
      id: request?.panelId,
      stage: 'material',
      name: '示例：材料评审第一组（虚构）',
      leaderId: experts[0]?.expertId,
      expertIds: experts.map((e) => e.expertId),
    });
    expect(panel?.applicantIds.sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('stops at main’s refusal with its error, after the cycle exists, and saves no panel', async () => {
    const { db, clock, steps, created, result } = await run(() => ({
      ok: false,
      error: { code: 'E_LOCKED', message: 'locked', params: {} },
    }));
    expect(result.ok ? 'ok' : result.error.code).toBe('E_LOCKED');
    expect(steps).toEqual(['bundle', 'cycle', 'applicants', 'experts']);
    const [cycleId] = created;
    if (cycleId === undefined) throw new Error('no cycle was created');
    expect(await listOfficePanels(db, cycleId, clock.now)).toEqual([]);
    expect((await listOfficeCycles(db, clock.now))[0]?.assignmentsIssued).toBe(0);
  });
});

describe('OfficeDemo', () => {
  function html(lang: TestLang): string {
    const services = testServices((db ??= openTestDatabase('office-demo-render')), fakeMain(() => undefined).client);
    return renderStatic(<OfficeDemo />, { lang, services });
  }

  it('offers the demo with its button, says it is fictional, and shows no progress before it runs', () => {
    const zh = html('zh-CN');
    expect(zh).toMatch(/<button type="button" class="button"[^>]*>加载示例评审周期（虚构数据）<\/button>/);
    expect(zh).toContain('所有数据均为虚构');
    expect(zh).not.toContain('<progress');
    expect(html('en')).toContain('Load the demo award cycle (fictional data)');
  });
});
