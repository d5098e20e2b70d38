import { fail, ok, type Result } from '../../../src-shared/contract/result';
import type { AssignmentMaterial } from '../../../src-shared/stages/stage-setup';
import { bytesFromBase64 } from '../../components/file-bytes';
import type { AppServices } from '../../components/services';

/** Lowercase hex SHA-256 of the bytes (WebCrypto, off the main thread's JavaScript). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The bytes are the material the office signed, or they are not shown: size and SHA-256 must both match the
 * assignment's entry (a file changed on disk after import is refused like a changed attachment).
 */
export async function verifyMaterialBytes(
  bytes: Uint8Array<ArrayBuffer>,
  material: Pick<AssignmentMaterial, 'name' | 'sha256' | 'size'>,
): Promise<Result<Uint8Array<ArrayBuffer>>> {
  if (bytes.byteLength !== material.size || (await sha256Hex(bytes)) !== material.sha256) {
    return fail('E_ATTACHMENT', `material ${material.sha256} does not match its signed hash or size`, {
      name: material.name,
    });
  }
  return ok(bytes);
}

export type MaterialStep = 'reading' | 'verifying';

/** Reads a material from main (`materials:read`) and checks it before anyone sees a page of it. */
export async function readMaterial(
  client: AppServices['client'],
  assignmentId: string,
  material: AssignmentMaterial,
  onStep: (step: MaterialStep) => void,
): Promise<Result<Uint8Array<ArrayBuffer>>> {
  onStep('reading');
  const read = await client.call('materials:read', { assignmentId, sha256: material.sha256 });
  if (!read.ok) return read;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = bytesFromBase64(read.value.base64);
  } catch {
    return fail('E_ATTACHMENT', 'material is not valid base64', { name: material.name });
  }
  onStep('verifying');
  return verifyMaterialBytes(bytes, material);
}
