import { fail, ok } from '../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import type { FileStore } from '../services/file-store';
import type { KeyStore } from '../services/key-store';
import type { Handlers } from './handler-types';
import { unlockedOfficeKey } from './office-key';

/**
 * The office's files of issue 5, both by SHA-256 (file-store.ts):
 * - office:material-add keeps an applicant's PDF in `<dataDir>/office/materials/` so assignments can carry it. Only
 *   a file that starts like a PDF (`%PDF-`, ISO 32000-1 §7.5.2) is taken (E_PDF_DAMAGED naming it): a Word file or
 *   an image picked by mistake is refused here, not at the expert's viewer.
 * - office:attachment-read serves an attachment of an accepted sheet (kept by the inbox in
 *   `<dataDir>/office/attachments/`), re-hashed on the way out (E_EVIDENCE_MISSING when absent or changed).
 * Both need the unlocked office key (E_NOT_OFFICE on an expert's installation).
 */

export interface OfficeFileDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  readonly materials: FileStore;
  readonly attachments: FileStore;
}

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function createOfficeFileHandlers(
  deps: OfficeFileDeps,
): Pick<Handlers, 'office:material-add' | 'office:attachment-read'> {
  return {
    async 'office:material-add'({ name, base64 }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const bytes = decodeBase64Strict(base64);
      if (bytes === undefined) {
        return fail('E_BAD_REQUEST', 'bad request: base64', { detail: 'base64: not canonical base64' });
      }
      if (!pdfMagic.every((byte, index) => bytes[index] === byte)) {
        return fail('E_PDF_DAMAGED', `${name} does not start with %PDF-`, { name });
      }
      const stored = await deps.materials.put(bytes);
      if (!stored.ok) return stored;
      return ok({ sha256: stored.value.sha256, size: stored.value.size, name, mediaType: 'application/pdf' });
    },

    async 'office:attachment-read'({ sha256 }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const bytes = await deps.attachments.read(sha256);
      if (bytes === undefined) return fail('E_EVIDENCE_MISSING', `attachment ${sha256} missing or changed`, { sha256 });
      return ok({ base64: encodeBase64(bytes) });
    },
  };
}
