import type { AppError } from '../../../../src-shared/contract/result';
import type { Material } from '../../../../src-shared/office/applicant-schema';
import { sha256Hex } from '../../../../src-shared/packages/bytes';
import type { AppServices } from '../../../components/services';
import { toBase64 } from '../../../components/file-bytes';

/**
 * Storing an applicant's PDF (issue 5): the bytes go to main with office:material-add, which keeps them by SHA-256 so
 * assignments can carry them. The checks here run before anything is sent — a file over the container's entry cap,
 * or one that does not start like a PDF, is refused at once; main checks the PDF header again.
 */

/** The container's cap on one entry (docs/package-format.md §2.4), and so on one material. */
export const MATERIAL_MAX_BYTES = 64 * 1024 * 1024;

/** ISO 32000-1 §7.5.2: a PDF starts with "%PDF-"; readers accept it within the first 1024 bytes. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** What the office already registered for the applicant, and which of those main holds the bytes of. */
export interface KnownMaterials {
  readonly materials: readonly Material[];
  readonly stored: readonly string[];
}

export type MaterialOutcome =
  /** A new material, its bytes stored. */
  | { readonly kind: 'added'; readonly material: Material }
  /** A material registered before by its hash only: the same bytes are now stored. */
  | { readonly kind: 'restored'; readonly sha256: string }
  /** The same file is registered and stored already. */
  | { readonly kind: 'duplicate'; readonly name: string }
  | { readonly kind: 'refused'; readonly error: Pick<AppError, 'code' | 'params'> };

/** Checks one chosen file and stores its bytes with main; nothing is stored for a file refused here. */
export async function storeMaterial(
  client: AppServices['client'],
  file: { readonly name: string; readonly bytes: Uint8Array },
  known: KnownMaterials,
): Promise<MaterialOutcome> {
  const { name, bytes } = file;
  if (bytes.length > MATERIAL_MAX_BYTES) {
    return {
      kind: 'refused',
      error: { code: 'E_TOO_LARGE', params: { size: bytes.length, limit: MATERIAL_MAX_BYTES } },
    };
  }
  if (bytes.length === 0 || !looksLikePdf(bytes)) {
    return { kind: 'refused', error: { code: 'E_PDF_DAMAGED', params: { name } } };
  }
  const sha256 = await sha256Hex(bytes);
  const registered = known.materials.some((m) => m.sha256 === sha256);
  if (registered && known.stored.includes(sha256)) return { kind: 'duplicate', name };
  const answer = await client.call('office:material-add', { name, base64: toBase64(bytes) });
  if (!answer.ok) return { kind: 'refused', error: answer.error };
  // Main hashed what it wrote; should that ever differ from what was read here, its answer is what assignments name.
  if (registered && answer.value.sha256 === sha256) return { kind: 'restored', sha256 };
  return {
    kind: 'added',
    material: { fileName: name, sha256: answer.value.sha256, size: answer.value.size, commercialSecret: false },
  };
}

/** The applicant's materials and stored marks after one outcome. */
export function applyOutcome(known: KnownMaterials, outcome: MaterialOutcome): KnownMaterials {
  switch (outcome.kind) {
    case 'added': {
      const { material } = outcome;
      const materials = known.materials.some((m) => m.sha256 === material.sha256)
        ? known.materials
        : [...known.materials, material];
      return { materials, stored: [...new Set([...known.stored, material.sha256])] };
    }
    case 'restored':
      return { materials: known.materials, stored: [...new Set([...known.stored, outcome.sha256])] };
    default:
      return known;
  }
}
