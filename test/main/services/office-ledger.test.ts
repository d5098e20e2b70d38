import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cycleInbox,
  declaredConflicts,
  isRecusedIn,
  ledgerOf,
  receiptsOf,
  type AcceptedEntry,
  type IssuedEntry,
  type RejectedEntry,
} from '../../../src-main/services/office-ledger';
import { createOfficeLedgerStore } from '../../../src-main/services/office-ledger-store';
import { fail, ok } from '../../../src-shared/contract/result';
import type { DeclarationPayload, PledgePayload } from '../../../src-shared/packages/payload-schemas';
import { makeSigner, sheetPayload, type Signer } from '../../support/package-world';

let signer: Signer;
beforeAll(async () => {
  signer = await makeSigner('expert-1');
});

const hash = (c: string) => c.repeat(64);
let ids = 0;
const nextId = () => `01890a5d-ac96-774b-bcce-${String((ids += 1)).padStart(12, '0')}`;

function issued(patch: Partial<IssuedEntry> = {}): IssuedEntry {
  return {
    type: 'issued',
    assignmentId: 'assignment-1',
    cycleId: 'cycle-2026',
    stage: 'material',
    expertId: 'expert-1',
    panelId: 'panel-a',
    applicantIds: ['applicant-1'],
    packageId: nextId(),
    payloadSha256: hash('a'),
    fileName: 'a.qapkg',
    issuedAt: '2026-04-01T08:00:00.000Z',
    pledgeTextSha256: hash('c'),
    criteriaId: 'gbt19580-2012',
    applicants: [{ id: 'applicant-1', name: '新疆昆岚电气装备股份有限公司', uscc: '9165010671296457XA' }],
    ...patch,
  };
}

function accepted(payload: AcceptedEntry['payload'], sha: string): AcceptedEntry {
  return {
    type: 'accepted',
    packageId: payload.packageId,
    receivedAt: '2026-04-02T08:00:00.000Z',
    payloadSha256: sha,
    payload,
    name: `${payload.kind}.qapkg`,
    archivedAs: `${payload.packageId}.qapkg`,
    receiptId: `receipt-${payload.packageId}`,
    receipt: `receipt of ${payload.packageId}`,
  };
}

function declaration(seq: number, conflict: boolean, patch: Partial<DeclarationPayload> = {}): DeclarationPayload {
  return {
    schema: 'scorebook.declaration/1',
    kind: 'declaration',
    packageId: nextId(),
    cycleId: 'cycle-2026',
    issuer: 'expert-1',
    keyId: signer.fingerprint,
    createdAt: '2026-04-02T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    stage: 'material',
    applicantId: 'applicant-1',
    assignmentId: 'assignment-1',
    assignmentHash: hash('a'),
    seq,
    prevHash: seq === 1 ? null : hash(String(seq - 1)),
    conflict,
    grounds: conflict ? [{ ground: 'other', text: '亲属' }] : [],
    correctionReason: seq === 1 ? null : '更正',
    ...patch,
  };
}

function pledge(cycleId = 'cycle-2026'): PledgePayload {
  return {
    schema: 'scorebook.pledge/1',
    kind: 'pledge',
    packageId: nextId(),
    cycleId,
    issuer: 'expert-1',
    keyId: signer.fingerprint,
    createdAt: '2026-04-02T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    pledgeTextSha256: hash('c'),
    accepted: true,
  };
}

const rejected = (cycleId: string | null): RejectedEntry => ({
  type: 'rejected',
  name: 'bad.qapkg',
  sha256: hash(cycleId === null ? 'd' : 'e'),
  cycleId,
  code: 'E_SIG',
  params: {},
  at: '2026-04-02T08:00:00.000Z',
});

describe('the ledger, read back', () => {
  it('lists the latest version of each chain and every pledge, counts every version, and shows refusals', () => {
    const pledged = accepted(pledge(), hash('1'));
    const sheetV1 = accepted(sheetPayload(signer, { issuer: 'expert-1', packageId: nextId() }), hash('2'));
    const sheetV2 = accepted(
      sheetPayload(signer, {
        issuer: 'expert-1',
        packageId: nextId(),
        seq: 2,
        prevHash: hash('2'),
        revisionReason: '复核',
      }),
      hash('3'),
    );
    const otherCycle = accepted(pledge('cycle-2027'), hash('4'));
    const ledger = ledgerOf([issued(), pledged, sheetV1, sheetV2, otherCycle, rejected(null), rejected('cycle-2027')]);
    const inbox = cycleInbox(ledger, 'cycle-2026');
    expect(inbox.packages.map((entry) => entry.packageId)).toEqual([pledged.packageId, sheetV2.packageId]);
    expect(inbox.acceptedCount).toBe(3);
    // A file that named no cycle shows with every cycle; one of another cycle does not.
    expect(inbox.rejected.map((entry) => entry.sha256)).toEqual([hash('d')]);
    expect(cycleInbox(ledger, 'cycle-2027').rejected).toHaveLength(2);
    expect(receiptsOf(ledger, 'cycle-2026', 'expert-1')).toEqual([pledged, sheetV1, sheetV2].map((e) => e.receipt));
    expect(receiptsOf(ledger, 'cycle-2026', 'expert-2')).toEqual([]);
  });

  it('knows conflicts by the latest declaration, with the credit code from the assignment issued', () => {
    const declared = ledgerOf([issued(), accepted(declaration(1, true), hash('1'))]);
    expect(isRecusedIn(declared, 'expert-1', 'cycle-2026', 'applicant-1')).toBe(true);
    expect(isRecusedIn(declared, 'expert-1', 'cycle-2027', 'applicant-1')).toBe(false);
    expect(declaredConflicts(declared)).toEqual([
      { expertId: 'expert-1', cycleId: 'cycle-2026', applicantId: 'applicant-1', uscc: '9165010671296457XA' },
    ]);
    const corrected = ledgerOf([
      issued(),
      accepted(declaration(1, true), hash('1')),
      accepted(declaration(2, false), hash('2')),
    ]);
    expect(isRecusedIn(corrected, 'expert-1', 'cycle-2026', 'applicant-1')).toBe(false);
    expect(declaredConflicts(corrected)).toEqual([]);
    const unissued = ledgerOf([accepted(declaration(1, true, { assignmentId: 'elsewhere' }), hash('1'))]);
    expect(declaredConflicts(unissued)).toMatchObject([{ uscc: null }]);
  });
});

describe('createOfficeLedgerStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scorebook-ledger-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes what a change added, once, and a new store reads it back', async () => {
    const path = join(dir, 'ledger.jsonl');
    const store = createOfficeLedgerStore(path);
    const answer = await store.change(async (draft) => {
      draft.add(issued());
      // The change sees its own additions at once.
      return ok(draft.ledger.issued.length);
    });
    expect(answer).toEqual({ ok: true, value: 1 });
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(2);
    const again = createOfficeLedgerStore(path);
    expect(await again.read((ledger) => ok(ledger.issuedById.has('assignment-1')))).toEqual({ ok: true, value: true });
  });

  it('forgets what a failed change added, in memory and on disk', async () => {
    const store = createOfficeLedgerStore(join(dir, 'ledger.jsonl'));
    const failed = await store.change(async (draft) => {
      draft.add(issued());
      return fail('E_STORAGE_WRITE', 'disk full', { detail: 'disk full' });
    });
    expect(failed.ok).toBe(false);
    expect(await store.read((ledger) => ok(ledger.issued.length))).toEqual({ ok: true, value: 0 });
  });

  it('runs changes one at a time, in call order', async () => {
    const store = createOfficeLedgerStore(join(dir, 'ledger.jsonl'));
    const order: string[] = [];
    const slow = store.change(async (draft) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
      draft.add(issued({ assignmentId: 'a-1' }));
      return ok(undefined);
    });
    const fast = store.read((ledger) => {
      order.push(`second saw ${ledger.issued.length}`);
      return ok(undefined);
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['first', 'second saw 1']);
  });
});
