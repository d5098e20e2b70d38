import type { ChannelRequest } from '../../../../src-shared/contract/channels';
import { errorCodes, type ErrorCode } from '../../../../src-shared/contract/error-codes';
import type { FileRejection } from '../../../../src-shared/contract/office-channels';
import type { AppError } from '../../../../src-shared/contract/result';
import { expertProfileSchema } from '../../../../src-shared/packages/payload-schemas';

/**
 * What the office types about an expert, read into the shapes main accepts. Pure functions, so the rules are tested
 * without a screen.
 */

/** "质量管理，卓越绩效、六西格玛" → fields; commas of either width, semicolons and the enumeration comma separate. */
export function splitFields(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((field) => field.trim())
    .filter((field) => field !== '');
}

/**
 * A fingerprint as read aloud → the lower-case hex main compares, or undefined when it is not 64 hex digits. Spaces,
 * hyphens and full-width characters (an IME may produce them) are forgiven; anything else is not guessed at.
 */
export function readFingerprint(text: string): string | undefined {
  const hex = text.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

export type ExpertUpdate = ChannelRequest<'office:expert-update'>;

/** The edit form's values as an office:expert-update request, or undefined when one of them breaks the profile rules. */
export function readExpertUpdate(
  expertId: string,
  values: { readonly workUnit: string; readonly fields: string; readonly phone: string },
): ExpertUpdate | undefined {
  const shape = expertProfileSchema.shape;
  const workUnit = shape.workUnit.safeParse(values.workUnit.trim());
  const fields = shape.fields.safeParse(splitFields(values.fields));
  const phone = shape.phone.safeParse(values.phone.trim());
  if (!workUnit.success || !fields.success || !phone.success) return undefined;
  return { expertId, workUnit: workUnit.data, fields: fields.data, phone: phone.data };
}

/** A file the office picked, read as base64. */
export interface PickedFile {
  readonly name: string;
  readonly base64: string;
}

/**
 * Splits picked files into requests main accepts: at most `maxFiles` per request and at most `maxChars` of base64
 * together (the web host refuses bodies over 16 MiB). The caller refuses a file too large on its own first; one that
 * still exceeds `maxChars` goes alone rather than being dropped.
 */
export function batchFiles(files: readonly PickedFile[], maxChars: number, maxFiles = 500): PickedFile[][] {
  const batches: PickedFile[][] = [];
  let current: PickedFile[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && (size + file.base64.length > maxChars || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.base64.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A refusal main reported with its code as text → an error the banner can word; a code this build lacks is shown raw. */
export function rejectionError(rejection: FileRejection): Pick<AppError, 'code' | 'params'> {
  const { code, params } = rejection;
  return isErrorCode(code) ? { code, params } : { code: 'E_INTERNAL', params: { detail: code } };
}

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}
