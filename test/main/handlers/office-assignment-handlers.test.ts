import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { officeIdOf } from '../../../src-main/services/office-assignment';
import { contract } from '../../../src-shared/contract/channels';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { errorOf, expertApp, passphrase, valueOf, type Expert } from './expert-world';
import {
  demoBundle,
  enrollmentOf,
  issue,
  issueRequest,
  officeApp,
  officeName,
  pledgeText,
  register,
} from './office-world';

let root: string;
let clock: number;
let office: Dispatch;
let officeFingerprint: string;

function officeDir(): string {
  return join(root, 'office');
}

async function anExpert(name: string): Promise<Expert> {
  return expertApp(join(root, name), () => clock).expert();
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-office-issue-'));
  clock = Date.UTC(2026, 3, 1, 8, 0, 0, 0);
  office = await officeApp(officeDir(), () => clock).create();
  const status = contract['identity:status'].response.parse(valueOf(await office('identity:status', {})));
  officeFingerprint = status.fingerprint ?? '';
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('issuing an assignment', () => {
  it('signs it with the office key, seals it to the expert, keeps and lists it; the expert app imports it', async () => {
    const me = await anExpert('li');
    const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
    const issued = await issue(office, issueRequest(expertId));
    expect(issued).toMatchObject({
      cycleId: 'cycle-2026',
      stage: 'material',
      expertId,
      panelId: 'panel-a',
      applicantIds: demoBundle.applicants.map((applicant) => applicant.id),
      issuedAt: '2026-04-01T08:00:00.000Z',
    });
    expect(issued.fileName).toMatch(/^assignment-cycle-2026-material-李四-[0-9a-f]{8}\.qapkg$/);
    const kept = await readFile(join(officeDir(), 'office', 'issued', `${issued.packageId}.qapkg`));
    expect(encodeBase64(new Uint8Array(kept))).toBe(issued.base64);

    const imported = contract['assignments:import'].response.parse(
      valueOf(await me.dispatch('assignments:import', { base64: issued.base64 })),
    );
    expect(imported.pinned).toBe('new');
    expect(imported.officeFingerprint).toBe(officeFingerprint);
    expect(imported.assignmentHash).toBe(issued.payloadSha256);
    expect(imported.payload).toMatchObject({
      packageId: issued.packageId,
      issuer: officeIdOf(officeFingerprint),
      expertId,
      expertFingerprint: me.fingerprint,
      pledgeText,
      assignment: { id: issued.assignmentId, stage: 'material', deadline: '2026-06-30' },
      office: { name: officeName },
    });

    const view = contract['office:assignments-list'].response.parse(
      valueOf(await office('office:assignments-list', { cycleId: 'cycle-2026' })),
    );
    expect(view).toEqual([
      {
        assignmentId: issued.assignmentId,
        cycleId: issued.cycleId,
        stage: issued.stage,
        expertId,
        panelId: 'panel-a',
        applicantIds: issued.applicantIds,
        packageId: issued.packageId,
        payloadSha256: issued.payloadSha256,
        fileName: issued.fileName,
        issuedAt: issued.issuedAt,
      },
    ]);
    expect(valueOf(await office('office:assignments-list', { cycleId: 'cycle-2027' }))).toEqual([]);
  });

  it('gives every assignment its own id, and the list survives a restart', async () => {
    const me = await anExpert('li');
    const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
    const first = await issue(office, issueRequest(expertId));
    const second = await issue(office, issueRequest(expertId, { stage: 'defense' }));
    expect(second.assignmentId).not.toBe(first.assignmentId);
    const restarted = officeApp(officeDir(), () => clock).start();
    valueOf(await restarted('identity:unlock', { passphrase }));
    const listed = contract['office:assignments-list'].response.parse(
      valueOf(await restarted('office:assignments-list', { cycleId: 'cycle-2026' })),
    );
    expect(listed.map((entry) => entry.assignmentId)).toEqual([first.assignmentId, second.assignmentId]);
  });

  it('refuses an unknown, an unconfirmed and a revoked expert', async () => {
    expect(errorOf(await office('office:assignment-issue', issueRequest('expert-nobody')))).toMatchObject({
      code: 'E_EXPERT_UNKNOWN',
      params: { expertId: 'expert-nobody' },
    });
    const me = await anExpert('li');
    const imported = contract['office:experts-import'].response.parse(
      valueOf(await office('office:experts-import', { files: [await enrollmentOf(me)] })),
    );
    const expertId = imported.imported[0]?.expertId ?? '';
    expect(errorOf(await office('office:assignment-issue', issueRequest(expertId)))).toMatchObject({
      code: 'E_EXPERT_UNCONFIRMED',
      params: { name: '李四' },
    });
    valueOf(await office('office:expert-revoke', { expertId, reason: '密钥遗失' }));
    expect(errorOf(await office('office:assignment-issue', issueRequest(expertId)))).toMatchObject({
      code: 'E_KEY_REVOKED',
      params: { keyId: me.fingerprint },
    });
    expect(valueOf(await office('office:assignments-list', { cycleId: 'cycle-2026' }))).toEqual([]);
  });

  it('refuses an applicant that is the expert’s work unit (E_CONFLICT with names and reasons)', async () => {
    const me = await anExpert('li');
    const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
    valueOf(
      await office('office:expert-update', { expertId, workUnit: '新疆雪麓乳业有限公司', fields: [], phone: '' }),
    );
    expect(errorOf(await office('office:assignment-issue', issueRequest(expertId)))).toMatchObject({
      code: 'E_CONFLICT',
      params: {
        expert: '李四',
        applicant: '新疆雪麓乳业有限公司',
        reason: '专家的工作单位即为该申报组织',
        reasonEn: 'the expert’s work unit is this applicant',
      },
    });
    // Without that applicant the assignment is issued.
    const others = demoBundle.applicants.filter((applicant) => applicant.id !== 'demo-applicant-xuelu');
    expect((await issue(office, issueRequest(expertId, { applicants: others }))).applicantIds).toHaveLength(2);
  });

  it('refuses what the expert app would refuse: a demo cycle, a stage outside the cycle, a repeated applicant', async () => {
    const me = await anExpert('li');
    const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
    const [applicant] = demoBundle.applicants;
    if (applicant === undefined) throw new Error('test setup');
    const cases = [
      issueRequest(expertId, { cycle: { ...demoBundle.cycle } }),
      issueRequest(expertId, {
        cycle: { ...demoBundle.cycle, id: 'c', demo: false, stages: ['material'] },
        stage: 'site',
      }),
      issueRequest(expertId, { applicants: [applicant, applicant] }),
    ];
    for (const request of cases) {
      expect(errorOf(await office('office:assignment-issue', request)).code).toBe('E_BAD_REQUEST');
    }
  });
});

describe('who may issue', () => {
  it('answers E_LOCKED while the office is locked and E_NOT_OFFICE on an expert’s installation', async () => {
    const me = await anExpert('li');
    valueOf(await office('identity:lock', {}));
    for (const [channel, request] of [
      ['office:assignment-issue', issueRequest('expert-1')],
      ['office:assignments-list', { cycleId: 'cycle-2026' }],
    ] as const) {
      expect([channel, errorOf(await office(channel, request)).code]).toEqual([channel, 'E_LOCKED']);
      expect([channel, errorOf(await me.dispatch(channel, request)).code]).toEqual([channel, 'E_NOT_OFFICE']);
    }
  });
});
