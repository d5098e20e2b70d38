import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { expertIdOf } from '../../../src-main/services/enrollment-package';
import { contract, signedPackageSchema } from '../../../src-shared/contract/channels';
import { sha256Hex, utf8Encode } from '../../../src-shared/packages/bytes';
import { verifyForOffice } from '../../../src-shared/packages/verify-office';
import {
  accept,
  demoOfficeReceivingPrivate,
  errorOf,
  expertApp,
  importDemo,
  importOfficeAssignment,
  officeFor,
  officeOpens,
  testOffice,
  valueOf,
} from './expert-world';

const importSchema = contract['assignments:import'].response;
const statusSchema = contract['assignments:status'].response;

let dataDir: string;
let clock: number;

/** A fresh app on this test's data folder and clock (expert-world.ts). */
function start(): Dispatch {
  return expertApp(dataDir, () => clock).start();
}

async function expert() {
  return expertApp(dataDir, () => clock).expert();
}

async function status(dispatch: Dispatch, assignmentId: string) {
  return statusSchema.parse(valueOf(await dispatch('assignments:status', { assignmentId })));
}

function declaration(assignmentId: string, applicantId: string, patch: object = {}) {
  return { assignmentId, applicantId, conflict: false, grounds: [], correctionReason: null, ...patch };
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-packages-'));
  clock = Date.UTC(2026, 4, 1, 8, 0, 0, 0);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('pledge and declarations under the demo assignment', () => {
  it('signs, seals to the office, chains versions and keeps the records', async () => {
    const me = await expert();
    const { payload } = await importDemo(me);
    const assignmentId = payload.assignment.id;
    const [applicantId] = payload.assignment.applicantIds;
    if (applicantId === undefined) throw new Error('test setup: no applicant');
    const office = officeFor(me, payload);

    expect(await status(me.dispatch, assignmentId)).toEqual({ pledged: false, declarations: [] });
    const early = errorOf(await me.dispatch('packages:sign-declaration', declaration(assignmentId, applicantId)));
    expect(early).toMatchObject({ code: 'E_BAD_REQUEST', params: { detail: 'pledge first' } });

    const pledge = signedPackageSchema.parse(valueOf(await me.dispatch('packages:sign-pledge', { assignmentId })));
    expect(pledge.seq).toBeNull();
    expect(pledge.fileName).toBe(`pledge-${payload.cycleId}-${pledge.packageId.slice(-8)}.qapkg`);
    const openedPledge = valueOf(await officeOpens(me, pledge.base64, 'pledge', demoOfficeReceivingPrivate));
    expect(openedPledge.sealed).toBe(true);
    expect(openedPledge.payloadSha256).toBe(pledge.payloadSha256);
    expect(openedPledge.payload).toMatchObject({
      issuer: expertIdOf(me.fingerprint),
      keyId: me.fingerprint,
      cycleId: payload.cycleId,
      packageId: pledge.packageId,
      pledgeTextSha256: await sha256Hex(utf8Encode(payload.pledgeText)),
      accepted: true,
    });
    expect(valueOf(await verifyForOffice(openedPledge, office))).toEqual({
      outcome: 'accept',
      chainKey: null,
      seq: null,
    });
    expect(await readdir(join(dataDir, 'outbox'))).toContain(`${pledge.packageId}-pledge.qapkg`);
    expect((await status(me.dispatch, assignmentId)).pledged).toBe(true);

    clock += 60_000;
    const first = signedPackageSchema.parse(
      valueOf(await me.dispatch('packages:sign-declaration', declaration(assignmentId, applicantId))),
    );
    expect(first.seq).toBe(1);
    const openedFirst = valueOf(await officeOpens(me, first.base64, 'declaration', demoOfficeReceivingPrivate));
    expect(openedFirst.payload).toMatchObject({
      seq: 1,
      prevHash: null,
      conflict: false,
      stage: payload.assignment.stage,
      assignmentId,
      applicantId,
      correctionReason: null,
    });
    const firstVerdict = valueOf(await verifyForOffice(openedFirst, office));
    expect(firstVerdict).toMatchObject({ outcome: 'accept', seq: 1 });
    accept(office, openedFirst);

    const noReason = errorOf(
      await me.dispatch(
        'packages:sign-declaration',
        declaration(assignmentId, applicantId, { conflict: true, grounds: [{ ground: 'consulting', text: '咨询' }] }),
      ),
    );
    expect(noReason.code).toBe('E_BAD_REQUEST');
    const blankReason = errorOf(
      await me.dispatch(
        'packages:sign-declaration',
        declaration(assignmentId, applicantId, {
          conflict: true,
          grounds: [{ ground: 'consulting', text: '咨询' }],
          correctionReason: '  ',
        }),
      ),
    );
    expect(blankReason.code).toBe('E_BAD_REQUEST');

    clock += 60_000;
    const second = signedPackageSchema.parse(
      valueOf(
        await me.dispatch(
          'packages:sign-declaration',
          declaration(assignmentId, applicantId, {
            conflict: true,
            grounds: [{ ground: 'consulting', text: '曾为该组织提供咨询' }],
            correctionReason: '漏报了咨询关系',
          }),
        ),
      ),
    );
    expect(second.seq).toBe(2);
    const openedSecond = valueOf(await officeOpens(me, second.base64, 'declaration', demoOfficeReceivingPrivate));
    expect(openedSecond.payload).toMatchObject({ seq: 2, prevHash: first.payloadSha256, conflict: true });
    expect(first.payloadSha256).toBe(await sha256Hex(openedFirst.payloadBytes));
    expect(valueOf(await verifyForOffice(openedSecond, office))).toMatchObject({ outcome: 'accept', seq: 2 });

    const after = await status(me.dispatch, assignmentId);
    expect(after.declarations).toEqual([
      { applicantId, conflict: true, seq: 2, declaredAt: new Date(clock).toISOString() },
    ]);

    // The records live in main's data folder: a restart reads them back.
    expect(await status(start(), assignmentId)).toEqual(after);
  });

  it('refuses an unknown assignment, an applicant not in it, a mismatched conflict, and a locked app', async () => {
    const me = await expert();
    const { payload } = await importDemo(me);
    const assignmentId = payload.assignment.id;
    const [applicantId] = payload.assignment.applicantIds;
    if (applicantId === undefined) throw new Error('test setup: no applicant');

    expect(errorOf(await me.dispatch('assignments:status', { assignmentId: 'nope' })).code).toBe('E_NOT_ASSIGNED');
    expect(errorOf(await me.dispatch('packages:sign-pledge', { assignmentId: 'nope' })).code).toBe('E_NOT_ASSIGNED');
    valueOf(await me.dispatch('packages:sign-pledge', { assignmentId }));
    const stranger = errorOf(await me.dispatch('packages:sign-declaration', declaration(assignmentId, 'not-assigned')));
    expect(stranger.code).toBe('E_NOT_ASSIGNED');
    const groundless = errorOf(
      await me.dispatch('packages:sign-declaration', declaration(assignmentId, applicantId, { conflict: true })),
    );
    expect(groundless.code).toBe('E_BAD_REQUEST');
    const reasonFirst = errorOf(
      await me.dispatch('packages:sign-declaration', declaration(assignmentId, applicantId, { correctionReason: 'x' })),
    );
    expect(reasonFirst.code).toBe('E_BAD_REQUEST');

    valueOf(await me.dispatch('identity:lock', {}));
    expect(errorOf(await me.dispatch('packages:sign-pledge', { assignmentId })).code).toBe('E_LOCKED');
    const locked = errorOf(await me.dispatch('packages:sign-declaration', declaration(assignmentId, applicantId)));
    expect(locked.code).toBe('E_LOCKED');
    expect(await status(me.dispatch, assignmentId)).toEqual({ pledged: true, declarations: [] });
  });

  it('records an assignment once, however often the same file is imported', async () => {
    const me = await expert();
    const { base64 } = contract['demo:assignment'].response.parse(valueOf(await me.dispatch('demo:assignment', {})));
    const { payload } = importSchema.parse(valueOf(await me.dispatch('assignments:import', { base64 })));
    const before = await readFile(join(dataDir, 'assignments.json'), 'utf8');
    valueOf(await me.dispatch('assignments:import', { base64 }));
    expect(await readFile(join(dataDir, 'assignments.json'), 'utf8')).toBe(before);
    const records = JSON.parse(before) as { assignments: { assignmentId: string; demo: boolean }[] };
    expect(records.assignments).toEqual([expect.objectContaining({ assignmentId: payload.assignment.id, demo: true })]);
    // A newly built demo file (a new package, so a new hash) replaces the record of the same assignment id.
    await importDemo(me);
    const again = JSON.parse(await readFile(join(dataDir, 'assignments.json'), 'utf8')) as { assignments: unknown[] };
    expect(again.assignments).toHaveLength(1);
  });

  it('reports a corrupt assignments.json by name and never overwrites it', async () => {
    const me = await expert();
    const { base64 } = contract['demo:assignment'].response.parse(valueOf(await me.dispatch('demo:assignment', {})));
    const path = join(dataDir, 'assignments.json');
    await writeFile(path, '{"format": "scorebook.assignments/1", "version": 1, "assi');
    for (const result of [
      await me.dispatch('assignments:import', { base64 }),
      await me.dispatch('assignments:status', { assignmentId: 'a' }),
      await me.dispatch('packages:sign-pledge', { assignmentId: 'a' }),
    ]) {
      expect(errorOf(result)).toMatchObject({ code: 'E_KEY_FILE_CORRUPT', params: { file: path } });
    }
    expect(await readFile(path, 'utf8')).toBe('{"format": "scorebook.assignments/1", "version": 1, "assi');
  });
});

describe('a pledge under an office assignment', () => {
  it('is sealed to the office receiving key the assignment carries', async () => {
    const me = await expert();
    const office = await testOffice();
    const expertId = expertIdOf(me.fingerprint);
    const { demo, imported, payload } = await importOfficeAssignment(me, office);
    expect(imported.pinned).toBe('new');

    const pledge = signedPackageSchema.parse(
      valueOf(await me.dispatch('packages:sign-pledge', { assignmentId: 'assignment-real' })),
    );
    const opened = valueOf(await officeOpens(me, pledge.base64, 'pledge', office.receivingPrivateKey));
    expect(opened.payload).toMatchObject({ cycleId: 'cycle-2026', issuer: expertId });
    expect(valueOf(await verifyForOffice(opened, officeFor(me, payload)))).toMatchObject({ outcome: 'accept' });
    // Not openable with the demo office's key: it went to this office only.
    expect(errorOf(await officeOpens(me, pledge.base64, 'pledge', demoOfficeReceivingPrivate)).code).toBe('E_SEAL');
    // The demo cycle's pledge is separate.
    expect((await status(me.dispatch, demo.payload.assignment.id)).pledged).toBe(false);
  });
});
