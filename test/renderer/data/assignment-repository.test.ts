import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScorebookDb } from '../../../src-renderer/data/database';
import {
  importAssignmentBundle,
  listAssignments,
  loadAssignmentView,
} from '../../../src-renderer/data/assignment-repository';
import type { AssignmentBundle } from '../../../src-shared/assignments/assignment-schema';
import { loadDemoBundle, openTestDatabase, testClock, type TestClock } from './support/test-database';

let db: ScorebookDb;
let clock: TestClock;
let bundle: AssignmentBundle;

beforeEach(() => {
  db = openTestDatabase('assignments');
  clock = testClock();
  bundle = loadDemoBundle();
});

afterEach(async () => {
  await db.delete();
});

async function importDemo(b: AssignmentBundle = bundle): Promise<void> {
  expect(await importAssignmentBundle(db, b, 'demo', clock.now)).toEqual({ ok: true, value: b.assignment.id });
}

describe('importAssignmentBundle', () => {
  it('stores the cycle, the expert, the three applicants and the assignment', async () => {
    const importedAt = clock.iso();
    await importDemo();
    expect(await db.cycles.toArray()).toEqual([{ ...bundle.cycle, v: 1 }]);
    expect(await db.experts.toArray()).toEqual([{ ...bundle.expert, v: 1 }]);
    expect(bundle.applicants).toHaveLength(3);
    const applicants = await db.applicants.where('cycleId').equals(bundle.cycle.id).toArray();
    expect(applicants).toHaveLength(3);
    expect(applicants).toEqual(
      expect.arrayContaining(bundle.applicants.map((a) => ({ ...a, v: 1, cycleId: bundle.cycle.id }))),
    );
    expect(await db.assignments.toArray()).toEqual([{ ...bundle.assignment, v: 1, source: 'demo', importedAt }]);
  });

  it('keeps importedAt when the same bundle is imported again, and adds no rows', async () => {
    const importedAt = clock.iso();
    await importDemo();
    clock.advance(86_400_000);
    await importDemo();
    expect((await db.assignments.get(bundle.assignment.id))?.importedAt).toBe(importedAt);
    expect(await db.applicants.count()).toBe(3);
    expect(await db.cycles.count()).toBe(1);
    expect(await db.assignments.count()).toBe(1);
  });

  it('replaces the content of a re-imported assignment', async () => {
    await importDemo();
    await importDemo({ ...bundle, assignment: { ...bundle.assignment, deadline: '2026-07-15' } });
    expect((await db.assignments.get(bundle.assignment.id))?.deadline).toBe('2026-07-15');
  });
});

describe('listAssignments', () => {
  it('is empty before any import', async () => {
    expect(await listAssignments(db, clock.now)).toEqual({ assignments: [], cycles: [], quarantined: 0 });
  });

  it('returns the imported assignment and its cycle', async () => {
    await importDemo();
    const listed = await listAssignments(db, clock.now);
    expect(listed.assignments.map((a) => a.id)).toEqual([bundle.assignment.id]);
    expect(listed.cycles).toEqual([{ ...bundle.cycle, v: 1 }]);
    expect(listed.quarantined).toBe(0);
  });

  it('lists the newest import first', async () => {
    await importDemo();
    clock.advance(60_000);
    await importDemo({ ...bundle, assignment: { ...bundle.assignment, id: 'later', stage: 'defense' } });
    const listed = await listAssignments(db, clock.now);
    expect(listed.assignments.map((a) => a.id)).toEqual(['later', bundle.assignment.id]);
  });
});

describe('loadAssignmentView', () => {
  it('returns the assignment with cycle, expert and the applicants in the order the assignment lists them', async () => {
    await importDemo();
    const { view, quarantined } = await loadAssignmentView(db, bundle.assignment.id, clock.now);
    expect(quarantined).toBe(0);
    expect(view?.assignment).toMatchObject(bundle.assignment);
    expect(view?.cycle).toEqual({ ...bundle.cycle, v: 1 });
    expect(view?.expert).toEqual({ ...bundle.expert, v: 1 });
    expect(view?.applicants.map((a) => a.id)).toEqual(bundle.assignment.applicantIds);
  });

  it('follows the assignment order, not the storage order', async () => {
    const reversed = [...bundle.assignment.applicantIds].reverse();
    await importDemo({ ...bundle, assignment: { ...bundle.assignment, applicantIds: reversed } });
    const { view } = await loadAssignmentView(db, bundle.assignment.id, clock.now);
    expect(view?.applicants.map((a) => a.id)).toEqual(reversed);
  });

  it('leaves out applicants of the cycle the assignment does not list', async () => {
    const listed = bundle.assignment.applicantIds.slice(0, 2);
    await importDemo({ ...bundle, assignment: { ...bundle.assignment, applicantIds: listed } });
    const { view } = await loadAssignmentView(db, bundle.assignment.id, clock.now);
    expect(view?.applicants.map((a) => a.id)).toEqual(listed);
  });

  it('returns no view for a missing assignment', async () => {
    await importDemo();
    expect(await loadAssignmentView(db, 'no-such-assignment', clock.now)).toEqual({
      view: undefined,
      quarantined: 0,
    });
  });

  it('returns no view when the cycle or the expert is missing', async () => {
    await importDemo();
    await db.experts.clear();
    expect((await loadAssignmentView(db, bundle.assignment.id, clock.now)).view).toBeUndefined();
    await importDemo();
    await db.cycles.clear();
    expect((await loadAssignmentView(db, bundle.assignment.id, clock.now)).view).toBeUndefined();
  });
});
