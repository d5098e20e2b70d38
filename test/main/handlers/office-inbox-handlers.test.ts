import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { contract, signedPackageSchema } from '../../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { sha256Hex, utf8Encode } from '../../../src-shared/packages/bytes';
import { emptyStageWork } from '../../../src-shared/stages/stage-work';
import { completeSheetItems } from './complete-sheet';
import { errorOf, expertApp, passphrase, valueOf, type Expert } from './expert-world';
import { enrollmentOf, inboxImport, issue, issueRequest, officeApp, register } from './office-world';

/**
 * The whole way of a package: the office issues an assignment, the expert app (expert-world.ts) imports it and signs
 * a pledge, a declaration and a sheet, the office's inbox verifies and answers each with a receipt, and the expert's
 * receipts:import confirms them.
 */

const listSchema = contract['office:inbox-list'].response;

let root: string;
let clock: number;
let office: Dispatch;

function officeDir(): string {
  return join(root, 'office');
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-office-inbox-'));
  clock = Date.UTC(2026, 3, 1, 8, 0, 0, 0);
  office = await officeApp(officeDir(), () => clock).create();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** An expert registered and confirmed at the office, with an issued assignment imported into their app. */
async function assignedExpert(): Promise<{ me: Expert; expertId: string; assignmentId: string }> {
  const me = await expertApp(join(root, 'li'), () => clock).expert();
  const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
  const issued = await issue(office, issueRequest(expertId));
  valueOf(await me.dispatch('assignments:import', { base64: issued.base64 }));
  return { me, expertId, assignmentId: issued.assignmentId };
}

async function sign(me: Expert, channel: string, request: object) {
  const signed = signedPackageSchema.parse(valueOf(await me.dispatch(channel, request)));
  return { ...signed, file: { name: signed.fileName, base64: signed.base64 } };
}

const applicantId = 'demo-applicant-kunlan';

describe('the round trip', () => {
  it('accepts pledge, declaration and sheet with receipts, answers duplicates, keeps refusals, and the expert confirms', async () => {
    const { me, expertId, assignmentId } = await assignedExpert();
    const pledge = await sign(me, 'packages:sign-pledge', { assignmentId });
    const declaration = await sign(me, 'packages:sign-declaration', {
      assignmentId,
      applicantId,
      conflict: false,
      grounds: [],
      correctionReason: null,
    });
    const sheet = await sign(me, 'packages:sign-sheet', {
      assignmentId,
      applicantId,
      items: completeSheetItems(),
      revisionReason: null,
      work: emptyStageWork('material', null),
    });

    clock += 60_000;
    const results = await inboxImport(office, [pledge.file, declaration.file, sheet.file]);
    expect(results).toEqual([
      {
        outcome: 'accepted',
        name: pledge.fileName,
        packageId: pledge.packageId,
        kind: 'pledge',
        expertId,
        cycleId: 'cycle-2026',
        stage: null,
        applicantId: null,
        seq: null,
        payloadSha256: pledge.payloadSha256,
        receiptId: expect.any(String),
      },
      {
        outcome: 'accepted',
        name: declaration.fileName,
        packageId: declaration.packageId,
        kind: 'declaration',
        expertId,
        cycleId: 'cycle-2026',
        stage: 'material',
        applicantId,
        seq: 1,
        payloadSha256: declaration.payloadSha256,
        receiptId: expect.any(String),
      },
      expect.objectContaining({ outcome: 'accepted', kind: 'sheet', seq: 1, payloadSha256: sheet.payloadSha256 }),
    ]);
    const receiptIds = results.map((result) => (result.outcome === 'rejected' ? '' : result.receiptId));
    expect(new Set(receiptIds).size).toBe(3);
    // Each accepted file is kept exactly as received.
    const accepted = join(officeDir(), 'inbox', 'accepted');
    expect(encodeBase64(new Uint8Array(await readFile(join(accepted, `${sheet.packageId}.qapkg`))))).toBe(sheet.base64);

    // The same files again: the original receipts, and nothing written.
    const ledger = join(officeDir(), 'office', 'ledger.jsonl');
    const ledgerSize = (await stat(ledger)).size;
    const again = await inboxImport(office, [sheet.file, pledge.file, declaration.file]);
    expect(again.map((result) => [result.outcome, result.outcome === 'rejected' ? '' : result.receiptId])).toEqual([
      ['duplicate', receiptIds[2]],
      ['duplicate', receiptIds[0]],
      ['duplicate', receiptIds[1]],
    ]);
    expect((await stat(ledger)).size).toBe(ledgerSize);
    expect(await readdir(accepted)).toHaveLength(3);

    // A file changed in transit is refused with its code and kept, unchanged, under its SHA-256.
    const bytes = decodeBase64Strict(sheet.base64) ?? new Uint8Array();
    const damaged = bytes.slice();
    damaged[damaged.length - 1] = (damaged.at(-1) ?? 0) ^ 0x01;
    const [refused] = await inboxImport(office, [{ name: 'damaged.qapkg', base64: encodeBase64(damaged) }]);
    const damagedSha = await sha256Hex(damaged);
    expect(refused).toEqual({
      outcome: 'rejected',
      name: 'damaged.qapkg',
      sha256: damagedSha,
      code: 'E_SEAL',
      params: {},
    });
    const kept = await readFile(join(officeDir(), 'inbox', 'rejected', `${damagedSha}.qapkg`));
    expect(new Uint8Array(kept)).toEqual(damaged);

    // A revision replaces the sheet in the list; every version is counted.
    const revised = await sign(me, 'packages:sign-sheet', {
      assignmentId,
      applicantId,
      items: completeSheetItems().map((item, i) => (i === 0 ? { ...item, percent: 100 } : item)),
      revisionReason: '复核后上调 4.1.1',
      work: emptyStageWork('material', null),
    });
    expect(await inboxImport(office, [revised.file])).toMatchObject([{ outcome: 'accepted', seq: 2 }]);
    const listed = listSchema.parse(valueOf(await office('office:inbox-list', { cycleId: 'cycle-2026' })));
    expect(listed.acceptedCount).toBe(4);
    expect(listed.packages.map((entry) => entry.packageId)).toEqual([
      pledge.packageId,
      declaration.packageId,
      revised.packageId,
    ]);
    expect(listed.packages[2]).toMatchObject({ receivedAt: '2026-04-01T08:01:00.000Z', payload: { seq: 2 } });
    expect(listed.rejected).toEqual([
      { name: 'damaged.qapkg', sha256: damagedSha, code: 'E_SEAL', params: {}, at: '2026-04-01T08:01:00.000Z' },
    ]);

    // The receipts file: the expert app verifies it with the pinned office key and finds every package answered.
    const exported = contract['office:receipts-export'].response.parse(
      valueOf(await office('office:receipts-export', { cycleId: 'cycle-2026', expertId })),
    );
    expect(exported.count).toBe(4);
    expect(exported.fileName).toBe(`receipts-cycle-2026-李四-${me.fingerprint.slice(0, 8)}.qarcpt`);
    const confirmed = contract['receipts:import'].response.parse(
      valueOf(await me.dispatch('receipts:import', { base64: exported.base64 })),
    );
    expect(confirmed.rejected).toEqual([]);
    expect(
      confirmed.receipts.map(({ receiptFor, payloadSha256, status }) => ({ receiptFor, payloadSha256, status })),
    ).toEqual(
      [pledge, declaration, sheet, revised].map((sent) => ({
        receiptFor: sent.packageId,
        payloadSha256: sent.payloadSha256,
        status: 'accepted',
      })),
    );
    expect(confirmed.receipts.map((receipt) => receipt.acceptedSeq)).toEqual([null, 1, 1, 2]);

    // A new start of the office on the same folder sees all of it.
    const restarted = officeApp(officeDir(), () => clock).start();
    valueOf(await restarted('identity:unlock', { passphrase }));
    expect(valueOf(await restarted('office:inbox-list', { cycleId: 'cycle-2026' }))).toEqual(listed);
    expect(await inboxImport(restarted, [sheet.file])).toMatchObject([
      { outcome: 'duplicate', receiptId: receiptIds[2] },
    ]);
  });

  it('gives no receipts file when nothing of the expert was accepted, and refuses an unknown expert', async () => {
    const { expertId } = await assignedExpert();
    expect(valueOf(await office('office:receipts-export', { cycleId: 'cycle-2026', expertId }))).toMatchObject({
      base64: '',
      count: 0,
    });
    expect(errorOf(await office('office:receipts-export', { cycleId: 'cycle-2026', expertId: 'x' })).code).toBe(
      'E_EXPERT_UNKNOWN',
    );
  });

  it('refuses a whole call whose file is not base64, writing nothing', async () => {
    expect(errorOf(await office('office:inbox-import', { files: [{ name: 'a.qapkg', base64: '!!' }] })).code).toBe(
      'E_BAD_REQUEST',
    );
    expect(await readdir(officeDir())).not.toContain('inbox');
  });

  it('the pledge text hash the expert signs is the one the office recorded', async () => {
    const { me, assignmentId } = await assignedExpert();
    const pledge = await sign(me, 'packages:sign-pledge', { assignmentId });
    const [result] = await inboxImport(office, [pledge.file]);
    expect(result?.outcome).toBe('accepted');
    const listed = listSchema.parse(valueOf(await office('office:inbox-list', { cycleId: 'cycle-2026' })));
    expect(listed.packages[0]?.payload).toMatchObject({
      pledgeTextSha256: await sha256Hex(utf8Encode(issueRequest('x').pledgeText)),
    });
  });
});

describe('who may use the inbox', () => {
  it('answers E_LOCKED while the office is locked and E_NOT_OFFICE on an expert’s installation', async () => {
    const me = await expertApp(join(root, 'li'), () => clock).expert();
    valueOf(await office('identity:lock', {}));
    for (const [channel, request] of [
      ['office:inbox-import', { files: [{ name: 'a.qapkg', base64: 'UEsDBA==' }] }],
      ['office:inbox-list', { cycleId: 'cycle-2026' }],
      ['office:receipts-export', { cycleId: 'cycle-2026', expertId: 'expert-1' }],
    ] as const) {
      expect([channel, errorOf(await office(channel, request)).code]).toEqual([channel, 'E_LOCKED']);
      expect([channel, errorOf(await me.dispatch(channel, request)).code]).toEqual([channel, 'E_NOT_OFFICE']);
    }
  });
});
