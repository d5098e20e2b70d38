import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { AssignmentMaterial } from '../../src-shared/stages/stage-setup';
import type { FileStore } from './file-store';
import { nodeSha256Hex } from './node-verify';

/**
 * The applicants' PDFs an assignment carries (issue 5 item 2; docs/package-format.md §2.3, §3.5): listed in the
 * payload's `materials` by SHA-256 and size, their bytes the container's blobs — the same binding as a sheet's
 * attachments, checked the same way (verify-office.ts step 10).
 */

/**
 * Every listed material is a blob of the container with exactly its size and SHA-256, and the container holds no
 * blob the list does not name; E_ATTACHMENT naming the file otherwise. An assignment without `materials` carries
 * no blobs at all.
 */
export function checkMaterials(
  materials: readonly AssignmentMaterial[],
  blobs: ReadonlyMap<string, Uint8Array>,
): Result<void> {
  const listed = new Set<string>();
  for (const material of materials) {
    const bytes = blobs.get(material.sha256);
    if (bytes === undefined || bytes.byteLength !== material.size || nodeSha256Hex(bytes) !== material.sha256) {
      return fail('E_ATTACHMENT', `material ${material.name} missing or altered`, { name: material.name });
    }
    listed.add(material.sha256);
  }
  for (const name of blobs.keys()) {
    if (!listed.has(name)) return fail('E_ATTACHMENT', `unlisted blob ${name}`, { name });
  }
  return ok(undefined);
}

/** Keeps each checked material in the store (one file per distinct SHA-256); stops at the first failed write. */
export async function storeMaterials(
  store: FileStore,
  materials: readonly AssignmentMaterial[],
  blobs: ReadonlyMap<string, Uint8Array>,
): Promise<Result<void>> {
  for (const sha256 of new Set(materials.map((material) => material.sha256))) {
    const bytes = blobs.get(sha256);
    if (bytes === undefined) return fail('E_INTERNAL', `material ${sha256} not checked`, { detail: 'materials' });
    const stored = await store.put(bytes);
    if (!stored.ok) return stored;
  }
  return ok(undefined);
}

/**
 * The office's side: the bytes of each material to carry, read from its store and checked against the listed size
 * (E_MATERIAL_MISSING when the store lacks the file or holds other bytes; E_BAD_REQUEST for a size that is not the
 * stored file's — the expert app would refuse that assignment with E_ATTACHMENT).
 */
export async function materialBlobs(
  store: FileStore,
  materials: readonly AssignmentMaterial[],
): Promise<Result<Uint8Array[]>> {
  const blobs = new Map<string, Uint8Array>();
  for (const material of materials) {
    if (blobs.has(material.sha256)) continue;
    const bytes = await store.read(material.sha256);
    if (bytes === undefined) {
      const { name, sha256 } = material;
      return fail('E_MATERIAL_MISSING', `office material ${name} (${sha256}) not stored`, { name, sha256 });
    }
    if (bytes.byteLength !== material.size) {
      const detail = `materials: ${material.name} has ${bytes.byteLength} bytes, not ${material.size}`;
      return fail('E_BAD_REQUEST', `bad request: ${detail}`, { detail });
    }
    blobs.set(material.sha256, bytes);
  }
  return ok([...blobs.values()]);
}
