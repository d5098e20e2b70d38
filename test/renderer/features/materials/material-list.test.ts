import { afterEach, describe, expect, it } from 'vitest';
import type { AssignmentMaterial } from '../../../../src-shared/stages/stage-setup';
import type { ScorebookDb } from '../../../../src-renderer/data/database';
import {
  formatFileSize,
  loadApplicantMaterials,
  pickMaterial,
  shaPrefix,
} from '../../../../src-renderer/features/materials/material-list';
import { openTestDatabase, testClock } from '../../data/support/test-database';
import { demoIds, packageRowWithMaterials } from './support/materials-world';

const { assignmentId, applicantId, otherApplicantId } = demoIds();

function material(applicant: string, n: number, commercialSecret = false): AssignmentMaterial {
  return {
    applicantId: applicant,
    sha256: n.toString(16).padStart(64, '0'),
    size: 1000 * n,
    name: `材料${n}.pdf`,
    commercialSecret,
  };
}

let db: ScorebookDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe("loading an applicant's materials", () => {
  it("lists only this applicant's materials, in the assignment's order", async () => {
    db = openTestDatabase('materials');
    const row = packageRowWithMaterials([
      material(applicantId, 1),
      material(otherApplicantId, 2),
      material(applicantId, 3, true),
    ]);
    await db.assignmentPackages.put(row);
    const loaded = await loadApplicantMaterials(db, assignmentId, applicantId, testClock().now);
    expect(loaded).toEqual({ ok: true, value: [material(applicantId, 1), material(applicantId, 3, true)] });
  });

  it('has none when the assignment carries no materials or was stored without its package', async () => {
    db = openTestDatabase('materials');
    expect(await loadApplicantMaterials(db, assignmentId, applicantId, testClock().now)).toEqual({
      ok: true,
      value: [],
    });
    await db.assignmentPackages.put(packageRowWithMaterials([]));
    expect(await loadApplicantMaterials(db, assignmentId, applicantId, testClock().now)).toEqual({
      ok: true,
      value: [],
    });
  });

  it('answers a storage failure as an error value', async () => {
    db = openTestDatabase('materials');
    db.close();
    const loaded = await loadApplicantMaterials(db, assignmentId, applicantId, testClock().now);
    expect(loaded.ok).toBe(false);
  });
});

describe('which material an open request means', () => {
  const list = [material(applicantId, 1), material(applicantId, 2)];

  it('null is the first material, or none when there is none', () => {
    expect(pickMaterial(list, null)).toEqual({ ok: true, value: list[0] });
    expect(pickMaterial([], null)).toEqual({ ok: true, value: undefined });
  });

  it('a hash picks its material; an unknown hash is E_MATERIAL_MISSING', () => {
    expect(pickMaterial(list, list[1]?.sha256 ?? '')).toEqual({ ok: true, value: list[1] });
    const missing = pickMaterial(list, 'f'.repeat(64));
    expect(missing.ok ? undefined : missing.error.code).toBe('E_MATERIAL_MISSING');
    expect(missing.ok ? undefined : missing.error.params).toEqual({ name: 'ffffffffffff', sha256: 'f'.repeat(64) });
  });
});

describe('how a material is described', () => {
  it('shows the first 12 hex digits of the SHA-256', () => {
    expect(shaPrefix('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });

  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [20 * 1024, '20 KB'],
    [5.25 * 1024 * 1024, '5.3 MB'],
    [64 * 1024 * 1024, '64 MB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
