import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedPackageSchema } from '../../../src-shared/contract/channels';
import { sha256Hex } from '../../../src-shared/packages/bytes';
import { sheetPayloadSchema } from '../../../src-shared/packages/payload-schemas';
import { verifyForOffice } from '../../../src-shared/packages/verify-office';
import { shippedCriteria } from '../../support/shipped-criteria';
import { emptyStageWork } from '../../../src-shared/stages/stage-work';
import { completeSheetItems, type SheetItems } from './complete-sheet';
import {
  accept,
  demoOfficeReceivingPrivate,
  errorOf,
  expertApp,
  importDemo,
  officeFor,
  officeOpens,
  passphrase,
  valueOf,
  type Expert,
} from './expert-world';

let dataDir: string;
let clock: number;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-sheets-'));
  clock = Date.UTC(2026, 4, 1, 8, 0, 0, 0);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** An expert with the demo assignment imported and pledged, and its first applicant declared without conflict. */
async function declared() {
  const app = expertApp(dataDir, () => clock);
  const me = await app.expert();
  const { payload, assignmentHash } = await importDemo(me);
  const assignmentId = payload.assignment.id;
  const [applicantId, otherId] = payload.assignment.applicantIds;
  if (applicantId === undefined || otherId === undefined) throw new Error('test setup: two applicants needed');
  valueOf(await me.dispatch('packages:sign-pledge', { assignmentId }));
  const declaration = { assignmentId, applicantId, conflict: false, grounds: [], correctionReason: null };
  valueOf(await me.dispatch('packages:sign-declaration', declaration));
  return { app, me, payload, assignmentHash, assignmentId, applicantId, otherId };
}

function sheet(assignmentId: string, applicantId: string, items: SheetItems, revisionReason: string | null = null) {
  return { assignmentId, applicantId, items, revisionReason, work: emptyStageWork('material', null) };
}

async function sign(me: Expert, request: ReturnType<typeof sheet>) {
  return signedPackageSchema.parse(valueOf(await me.dispatch('packages:sign-sheet', request)));
}

describe('packages:sign-sheet', () => {
  it('signs a complete sheet the office accepts, and chains a revision with a reason', async () => {
    const { me, payload, assignmentHash, assignmentId, applicantId } = await declared();
    const office = officeFor(me, payload);
    const items = completeSheetItems();
    expect(items).toHaveLength(23);

    clock += 60_000;
    const first = await sign(me, sheet(assignmentId, applicantId, items));
    expect(first.seq).toBe(1);
    expect(first.fileName).toBe(`sheet-material-${applicantId}-v1-${first.packageId.slice(-8)}.qapkg`);
    expect(await readdir(join(dataDir, 'outbox'))).toContain(`${first.packageId}-sheet.qapkg`);

    const opened = valueOf(await officeOpens(me, first.base64, 'sheet', demoOfficeReceivingPrivate));
    expect(opened.sealed).toBe(true);
    expect(opened.payloadSha256).toBe(first.payloadSha256);
    const signed = sheetPayloadSchema.parse(opened.payload);
    const criteria = shippedCriteria();
    expect(signed).toMatchObject({
      kind: 'sheet',
      packageId: first.packageId,
      cycleId: payload.cycleId,
      keyId: me.fingerprint,
      stage: payload.assignment.stage,
      applicantId,
      assignmentId,
      assignmentHash,
      seq: 1,
      prevHash: null,
      criteria: { id: criteria.id, version: criteria.version },
      attachments: [],
      revisionReason: null,
      createdAt: new Date(clock).toISOString(),
    });
    expect(signed.items.map((item) => item.itemId)).toEqual(items.map((item) => item.itemId));
    // The office recomputes the totals (step 11) and finds the ones signed.
    expect(valueOf(await verifyForOffice(opened, office))).toMatchObject({ outcome: 'accept', seq: 1 });
    accept(office, opened);

    const noReason = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, items)));
    expect(noReason).toMatchObject({ code: 'E_BAD_REQUEST' });
    const blank = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, items, ' \n')));
    expect(blank.code).toBe('E_BAD_REQUEST');

    clock += 60_000;
    const revised = items.map((item, i) => (i === 0 ? { ...item, percent: 100, ofis: [] } : item));
    const second = await sign(me, sheet(assignmentId, applicantId, revised, '复核后调整 4.1.1'));
    expect(second.seq).toBe(2);
    expect(second.fileName).toBe(`sheet-material-${applicantId}-v2-${second.packageId.slice(-8)}.qapkg`);
    const openedSecond = valueOf(await officeOpens(me, second.base64, 'sheet', demoOfficeReceivingPrivate));
    expect(openedSecond.payload).toMatchObject({
      seq: 2,
      prevHash: first.payloadSha256,
      revisionReason: '复核后调整 4.1.1',
    });
    expect(first.payloadSha256).toBe(await sha256Hex(opened.payloadBytes));
    expect(valueOf(await verifyForOffice(openedSecond, office))).toMatchObject({ outcome: 'accept', seq: 2 });
  });

  it('refuses an incomplete sheet with the number of problems, and warnings do not block', async () => {
    const { me, assignmentId, applicantId } = await declared();
    const items = completeSheetItems();
    // Two items left out, each unscored and uncommented (4 problems); the third, at 10 %, scored but without any
    // comment: no comment and no opportunity (2 problems).
    const incomplete = items.slice(2).map((item, i) => (i === 0 ? { ...item, strengths: [], ofis: [] } : item));
    const error = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, incomplete)));
    expect(error).toMatchObject({ code: 'E_SHEET_INCOMPLETE', params: { count: 6 } });

    // An item at 70 % or more whose strengths cite no evidence.
    const high = items.findIndex((item) => item.percent !== null && item.percent >= 70);
    const unevidenced = items.map((item, i) =>
      i === high ? { ...item, strengths: [{ text: '优势', page: null, ref: '  ' }] } : item,
    );
    const noEvidence = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, unevidenced)));
    expect(noEvidence).toMatchObject({ code: 'E_SHEET_INCOMPLETE', params: { count: 1 } });

    // An opportunity without evidence is only a warning.
    const warned = items.map((item) => ({ ...item, ofis: item.ofis.map((ofi) => ({ ...ofi, ref: '' })) }));
    expect((await sign(me, sheet(assignmentId, applicantId, warned))).seq).toBe(1);
  });

  it('refuses an item the criteria do not know, or one given twice', async () => {
    const { me, assignmentId, applicantId } = await declared();
    const items = completeSheetItems();
    const [first] = items;
    if (first === undefined) throw new Error('test setup: no items');
    for (const bad of [
      [...items, { ...first, itemId: '9.9.9' }],
      [...items, first],
    ]) {
      const error = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, bad)));
      expect(error.code).toBe('E_BAD_REQUEST');
    }
  });

  it('refuses before a declaration, after a recusal, for a stranger, and when locked', async () => {
    const { me, assignmentId, applicantId, otherId } = await declared();
    const items = completeSheetItems();
    const undeclared = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, otherId, items)));
    expect(undeclared).toMatchObject({ code: 'E_BAD_REQUEST', params: { detail: 'declare first' } });

    const conflict = {
      assignmentId,
      applicantId: otherId,
      conflict: true,
      grounds: [{ ground: 'consulting', text: '曾为该组织提供咨询' }],
      correctionReason: null,
    };
    valueOf(await me.dispatch('packages:sign-declaration', conflict));
    const recused = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, otherId, items)));
    expect(recused.code).toBe('E_RECUSED');

    const stranger = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, 'nobody', items)));
    expect(stranger.code).toBe('E_NOT_ASSIGNED');
    const unknown = errorOf(await me.dispatch('packages:sign-sheet', sheet('nope', applicantId, items)));
    expect(unknown.code).toBe('E_NOT_ASSIGNED');

    valueOf(await me.dispatch('identity:lock', {}));
    const locked = errorOf(await me.dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, items)));
    expect(locked.code).toBe('E_LOCKED');
    expect(await readdir(join(dataDir, 'outbox'))).not.toContainEqual(expect.stringMatching(/-sheet\.qapkg$/));
  });
});

describe('assignment records written before criteriaId and commentRules were kept', () => {
  it('read as the shipped criteria without comment rules, and a sheet signs under them', async () => {
    const { app, assignmentId, applicantId } = await declared();
    const path = join(dataDir, 'assignments.json');
    const records = JSON.parse(await readFile(path, 'utf8')) as { assignments: Record<string, unknown>[] };
    expect(records.assignments[0]).toMatchObject({
      criteriaId: 'gbt19580-2012',
      commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    });
    for (const record of records.assignments) {
      delete record.criteriaId;
      delete record.commentRules;
    }
    await writeFile(path, JSON.stringify(records));
    // After a restart: the records are read again, without the new fields.
    const dispatch = app.start();
    valueOf(await dispatch('identity:unlock', { passphrase }));
    // No rules: an item at 100 % without evidence and one at 0 % without an opportunity are fine.
    const items = completeSheetItems().map((item) => ({
      ...item,
      strengths: [{ text: '优势', page: null, ref: '' }],
      ofis: [],
    }));
    const signed = signedPackageSchema.parse(
      valueOf(await dispatch('packages:sign-sheet', sheet(assignmentId, applicantId, items))),
    );
    expect(signed.seq).toBe(1);
  });
});
