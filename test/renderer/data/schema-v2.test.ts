import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-renderer/data/database';
import { storeVerifiedAssignment, loadAssignmentView } from '../../../src-renderer/data/assignment-repository';
import { schemaV2 } from '../../../src-renderer/data/schema/v2';
import { assignmentPayloadSchema, type AssignmentPayload } from '../../../src-shared/packages/payload-schemas';
import { fakeIdb, freshDatabaseName, loadDemoBundle, testClock } from './support/test-database';
import { readV1Tables, seedV1Database } from './support/v1-fixture';

describe('schema version 2', () => {
  it('upgrades a version-1 database without touching a row, and adds the assignmentPackages table', async () => {
    const name = freshDatabaseName('upgrade-v2');
    const seed = await seedV1Database(name);
    const db = openDatabase(name, fakeIdb);
    await db.open();
    expect(db.verno).toBe(7);
    expect(Object.keys(schemaV2).every((name) => db.tables.some((t) => t.name === name))).toBe(true);
    const tables = await readV1Tables(db);
    expect(tables.cycles).toEqual(seed.cycles);
    expect(tables.applicants).toEqual(seed.applicants);
    expect(tables.sheets).toEqual(seed.sheets);
    expect(tables.items).toEqual(seed.items);
    expect(tables.audit).toEqual(seed.audit);
    expect(await db.assignmentPackages.count()).toBe(0);
    db.close();
  });
});

function demoPayload(): AssignmentPayload {
  const bundle = loadDemoBundle();
  return assignmentPayloadSchema.parse({
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: '019e14de-b440-7677-8899-aabbccddeeff',
    cycleId: bundle.cycle.id,
    issuer: 'office-demo',
    keyId: 'a'.repeat(64),
    createdAt: '2026-03-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    expertId: bundle.expert.id,
    expertFingerprint: 'b'.repeat(64),
    cycle: bundle.cycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: '本人承诺保守评审秘密。',
    assignment: bundle.assignment,
    applicants: bundle.applicants,
    office: { name: '示例办公室', signingPublicKey: 'A'.repeat(43) + '=', receivingPublicKey: 'A'.repeat(43) + '=' },
  });
}

describe('storeVerifiedAssignment', () => {
  it('stores the working rows and the signed payload with its hash in one go', async () => {
    const db = openDatabase(freshDatabaseName('store-verified'), fakeIdb);
    const clock = testClock();
    const payload = demoPayload();
    const stored = await storeVerifiedAssignment(
      db,
      { payload, assignmentHash: 'c'.repeat(64), officeFingerprint: 'd'.repeat(64), pinned: 'demo' },
      { name: '李明', workUnit: '新疆质量研究院', title: '高级工程师' },
      clock.now,
    );
    expect(stored).toEqual({ ok: true, value: payload.assignment.id });
    const { view } = await loadAssignmentView(db, payload.assignment.id, clock.now);
    expect(view?.applicants.map((a) => a.id)).toEqual(payload.assignment.applicantIds);
    expect(view?.expert.name).toBe('李明');
    expect(view?.assignment.source).toBe('demo');
    const row = await db.assignmentPackages.get(payload.assignment.id);
    expect(row?.assignmentHash).toBe('c'.repeat(64));
    expect(row?.payload.pledgeText).toBe('本人承诺保守评审秘密。');
    db.close();
  });
});
