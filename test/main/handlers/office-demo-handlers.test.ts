import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { createDemoExpert } from '../../../src-main/services/office-demo-experts';
import { secureRandom } from '../../../src-main/services/secure-random';
import { contract, type ChannelRequest } from '../../../src-shared/contract/channels';
import { demoCycleName, DEMO_CONFIRMED_BY, DEMO_EXPERTS } from '../../../src-shared/office/demo-office';
import { errorOf, expertApp, valueOf } from './expert-world';
import { demoBundle, officeApp, pledgeText, realCycle } from './office-world';

/**
 * office:demo-load on a real office installation: five fictional experts registered, confirmed, assigned, and their
 * pledges, declarations and sheets verified by the office's own inbox. What the office's screens then read
 * (experts-list, assignments-list, inbox-list) must look like a real cycle's.
 */

const loadSchema = contract['office:demo-load'].response;
const listSchema = contract['office:inbox-list'].response;

let root: string;
let clock: number;
let office: Dispatch;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-office-demo-'));
  clock = Date.UTC(2026, 3, 1, 8, 0, 0, 0);
  office = await officeApp(join(root, 'office'), () => clock).create();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const demoCycle = { ...realCycle, id: 'cycle-demo', name: demoCycleName(2026) };

function demoRequest(patch: Partial<ChannelRequest<'office:demo-load'>> = {}): ChannelRequest<'office:demo-load'> {
  return {
    cycle: demoCycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText,
    stage: 'material',
    deadline: '2026-06-30',
    panelId: 'panel-demo',
    applicants: demoBundle.applicants,
    ...patch,
  };
}

const [first, second, third] = demoBundle.applicants;

describe('office:demo-load', () => {
  it('registers and confirms five demo experts and takes in their packages through the inbox, all accepted', async () => {
    const loaded = loadSchema.parse(valueOf(await office('office:demo-load', demoRequest())));

    expect(loaded.experts.map((e) => e.profile.name)).toEqual(DEMO_EXPERTS.map((p) => p.name));
    expect(loaded.experts.every((e) => e.status === 'confirmed' && e.confirmedBy === DEMO_CONFIRMED_BY)).toBe(true);
    expect(loaded.issued).toBe(5);
    // 5 pledges, 5 × 3 declarations, 5 × 3 − 1 sheets (the fifth expert is recused from the first applicant).
    const count = (kind: string) => loaded.inbox.filter((r) => r.outcome === 'accepted' && r.kind === kind).length;
    expect(loaded.inbox.filter((r) => r.outcome !== 'accepted')).toEqual([]);
    expect([count('pledge'), count('declaration'), count('sheet')]).toEqual([5, 15, 14]);

    // The registry the experts page reads holds them, confirmed.
    const experts = contract['office:experts-list'].response.parse(valueOf(await office('office:experts-list', {})));
    expect(experts.map((e) => e.expertId).sort()).toEqual(loaded.experts.map((e) => e.expertId).sort());
  });

  it('signs sheets against the assignments the office issued: hash, seq 1, the panel, one recusal with grounds', async () => {
    const loaded = loadSchema.parse(valueOf(await office('office:demo-load', demoRequest())));
    const issued = contract['office:assignments-list'].response.parse(
      valueOf(await office('office:assignments-list', { cycleId: demoCycle.id })),
    );
    expect(issued).toHaveLength(5);
    expect(issued.every((a) => a.panelId === 'panel-demo' && a.stage === 'material')).toBe(true);
    const hashOf = new Map(issued.map((a) => [a.assignmentId, a.payloadSha256]));

    const inbox = listSchema.parse(valueOf(await office('office:inbox-list', { cycleId: demoCycle.id })));
    expect(inbox.rejected).toEqual([]);
    expect(inbox.acceptedCount).toBe(loaded.inbox.length);
    const sheets = inbox.packages.flatMap(({ payload }) => (payload.kind === 'sheet' ? [payload] : []));
    expect(sheets).toHaveLength(14);
    for (const sheet of sheets) {
      expect(sheet.assignmentHash).toBe(hashOf.get(sheet.assignmentId));
      expect([sheet.seq, sheet.prevHash]).toEqual([1, null]);
    }
    const fifth = loaded.experts[4]?.expertId;
    const conflicts = inbox.packages.flatMap(({ payload }) =>
      payload.kind === 'declaration' && payload.conflict ? [payload] : [],
    );
    expect(conflicts.map((d) => [d.issuer, d.applicantId])).toEqual([[fifth, first?.id]]);
    expect(conflicts[0]?.grounds[0]?.text).toContain('虚构');
    expect(sheets.some((s) => s.issuer === fifth && s.applicantId === first?.id)).toBe(false);
  });

  it('gives each applicant exactly one item 30 or more points apart among its experts', async () => {
    valueOf(await office('office:demo-load', demoRequest()));
    const inbox = listSchema.parse(valueOf(await office('office:inbox-list', { cycleId: demoCycle.id })));
    for (const applicant of [first, second, third]) {
      const percents = new Map<string, number[]>();
      for (const { payload } of inbox.packages) {
        if (payload.kind !== 'sheet' || payload.applicantId !== applicant?.id) continue;
        for (const item of payload.items)
          percents.set(item.itemId, [...(percents.get(item.itemId) ?? []), item.percent]);
      }
      const spreads = [...percents.values()].map((values) => Math.max(...values) - Math.min(...values));
      expect(spreads.filter((spread) => spread >= 30)).toHaveLength(1);
    }
  });

  it('keeps the demo experts in memory: no expert files are written in the office’s data folder', async () => {
    valueOf(await office('office:demo-load', demoRequest()));
    const top = await readdir(join(root, 'office'));
    expect(top).not.toContain('outbox');
    expect(top).not.toContain('assignments.json');
    expect(top).not.toContain('office-pin.json');
    expect(top).toEqual(expect.arrayContaining(['keys.json', 'office', 'inbox']));
  });

  it('loads into a second demo cycle with five new experts', async () => {
    const firstLoad = loadSchema.parse(valueOf(await office('office:demo-load', demoRequest())));
    const again = loadSchema.parse(
      valueOf(await office('office:demo-load', demoRequest({ cycle: { ...demoCycle, id: 'cycle-demo-2' } }))),
    );
    expect(again.inbox.every((r) => r.outcome === 'accepted')).toBe(true);
    const ids = new Set(firstLoad.experts.map((e) => e.expertId));
    expect(again.experts.some((e) => ids.has(e.expertId))).toBe(false);
  });

  it('refuses a cycle whose name does not mark it as a demo, and registers nobody', async () => {
    const name = { 'zh-CN': '2026年度乌鲁木齐市人民政府质量奖', en: '2026 Urumqi Quality Award' };
    const error = errorOf(await office('office:demo-load', demoRequest({ cycle: { ...demoCycle, name } })));
    expect(error.code).toBe('E_BAD_REQUEST');
    expect(String(error.params?.detail)).toContain('示例');
    expect(valueOf(await office('office:experts-list', {}))).toEqual([]);
  });

  it('needs the unlocked office key: E_LOCKED once locked, E_NOT_OFFICE on an expert’s installation', async () => {
    valueOf(await office('identity:lock', {}));
    expect(errorOf(await office('office:demo-load', demoRequest())).code).toBe('E_LOCKED');
    const me = await expertApp(join(root, 'expert'), () => clock).expert();
    expect(errorOf(await me.dispatch('office:demo-load', demoRequest())).code).toBe('E_NOT_OFFICE');
  });
});

describe('a demo expert', () => {
  it('signs with real keys until discarded, then nothing more can be signed or opened', async () => {
    const made = await createDemoExpert(
      DEMO_EXPERTS[0] ?? { name: '示例', workUnit: '示例', title: '', phone: '', fields: [] },
      {
        nowMs: clock,
        random: secureRandom,
        appVersion: 'test',
      },
    );
    const expert = valueOf(made);
    expect(expert.expertId).toBe(`expert-${expert.fingerprint.slice(0, 16)}`);
    expect(expert.enrollment.payload.profile.name).toBe('示例专家一');
    expect(valueOf(await expert.keys.sign(new Uint8Array([1, 2, 3])))).toHaveLength(64);
    expert.discard();
    expect(errorOf(await expert.keys.sign(new Uint8Array([1]))).code).toBe('E_LOCKED');
    expect(errorOf(await expert.keys.withReceivingKey(async () => 'x')).code).toBe('E_LOCKED');
    expect((await expert.keys.status()).state).toBe('locked');
  });
});
