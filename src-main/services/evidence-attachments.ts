import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { AttachmentRef } from '../../src-shared/packages/payload-schemas';
import type { Evidence } from '../../src-shared/stages/stage-work';
import type { FileStore } from './file-store';

/**
 * A sheet's evidence as package attachments (issue 5 item 6; docs/package-format.md §2.3): one attachment per
 * distinct SHA-256, named and typed as the first evidence record of those bytes, its bytes read from the expert's
 * evidence store — re-hashed on the way out, so a file changed on disk since it was added is never signed.
 * E_EVIDENCE_MISSING names the hash of a file the store lacks, holds changed, or holds with another size than the
 * record says.
 */
export async function evidenceAttachments(
  store: FileStore,
  evidence: readonly Evidence[],
): Promise<Result<{ attachments: AttachmentRef[]; blobs: Uint8Array[] }>> {
  const attachments: AttachmentRef[] = [];
  const bytesOf = new Map<string, Uint8Array>();
  for (const record of evidence) {
    const { sha256 } = record;
    const bytes = bytesOf.get(sha256) ?? (await store.read(sha256));
    if (bytes?.byteLength !== record.size) {
      return fail('E_EVIDENCE_MISSING', `evidence ${record.name} (${sha256}) missing or changed`, { sha256 });
    }
    if (!bytesOf.has(sha256)) {
      bytesOf.set(sha256, bytes);
      attachments.push({ sha256, size: record.size, name: record.name, mediaType: record.mediaType });
    }
  }
  return ok({ attachments, blobs: [...bytesOf.values()] });
}
