import { fail, ok, type Result } from '../../../src-shared/contract/result';
import type { AssignmentMaterial } from '../../../src-shared/stages/stage-setup';
import { loadAssignmentPackage } from '../../data/assignment-repository';
import type { ScorebookDb } from '../../data/database';
import { storageFailure } from '../../data/storage-errors';

/**
 * The applicant's materials as the verified assignment lists them (the office signed the names, sizes, hashes and
 * secret marks). An assignment stored without its package, or carrying no materials, has none.
 */
export async function loadApplicantMaterials(
  db: ScorebookDb,
  assignmentId: string,
  applicantId: string,
  now: () => Date,
): Promise<Result<readonly AssignmentMaterial[]>> {
  try {
    const row = await loadAssignmentPackage(db, assignmentId, now);
    return ok((row?.payload.materials ?? []).filter((material) => material.applicantId === applicantId));
  } catch (error) {
    return storageFailure(error);
  }
}

/** Which material an open request means: null is the applicant's first; an unknown hash is an error. */
export function pickMaterial(
  materials: readonly AssignmentMaterial[],
  sha256: string | null,
): Result<AssignmentMaterial | undefined> {
  if (sha256 === null) return ok(materials[0]);
  const found = materials.find((material) => material.sha256 === sha256);
  if (found !== undefined) return ok(found);
  return fail('E_MATERIAL_MISSING', `no material ${sha256} for this applicant`, {
    name: shaPrefix(sha256),
    sha256,
  });
}

/** The first 12 hex digits: enough to tell files apart on screen and to compare with the office's list. */
export function shaPrefix(sha256: string): string {
  return sha256.slice(0, 12);
}

/** A file size for people: bytes below 1 KiB, then KB and MB with one decimal below ten. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = value < 10 ? value.toFixed(1) : Math.round(value).toString();
  return `${shown} ${units[unit] ?? 'GB'}`;
}
