import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';
import { decodeBase64Strict, encodeBase64 } from './base64';
import { utf8Decode } from './bytes';
import { canonicalBytes, parseJsonStrict } from './jcs';

/**
 * A receipts file (回执文件, docs/package-format.md §3.10): the office answers each expert with one file holding that
 * expert's receipts, each the exact bytes of a signed, unsealed `receipt` package. Keeping the receipts as they were
 * signed (rather than merging them into one payload) means a duplicate import can be answered with the original
 * receipt, byte for byte. The file itself is not signed: every receipt in it is, and is verified on its own.
 *
 * A single receipt `.qapkg` (a zip, `PK\x03\x04`) is read as a receipts file of one.
 */

export const RECEIPTS_FILE_SCHEMA = 'scorebook.receipts/1';
/** The extension of a receipts file. */
export const RECEIPTS_FILE_EXTENSION = '.qarcpt';
/** Largest receipts file read at all: a receipt is about 1.5 kB, so this holds tens of thousands. */
export const MAX_RECEIPTS_FILE_BYTES = 32 * 1024 * 1024;
/** Largest single receipt package, and most receipts in one file. */
export const MAX_RECEIPT_BYTES = 64 * 1024;
export const MAX_RECEIPTS_PER_FILE = 20_000;

const zipMagic = [0x50, 0x4b, 0x03, 0x04] as const;

const receiptsFileSchema = z
  .object({
    schema: z.literal(RECEIPTS_FILE_SCHEMA),
    /** The expert these receipts answer (informative: each receipt is matched by its own `receiptFor`). */
    expertId: z.string().min(1).max(200),
    issuedAt: z.string().min(1).max(40),
    /** Each receipt package file, in canonical base64. */
    receipts: z
      .array(
        z
          .string()
          .min(1)
          .max(Math.ceil(MAX_RECEIPT_BYTES / 3) * 4),
      )
      .min(1)
      .max(MAX_RECEIPTS_PER_FILE),
  })
  .strict();
export type ReceiptsFile = z.infer<typeof receiptsFileSchema>;

/** Writes a receipts file: canonical JSON (RFC 8785) in UTF-8, so the same receipts give the same bytes. */
export function packReceiptsFile(input: {
  readonly expertId: string;
  readonly issuedAt: string;
  readonly receipts: readonly Uint8Array[];
}): Result<Uint8Array> {
  return canonicalBytes({
    schema: RECEIPTS_FILE_SCHEMA,
    expertId: input.expertId,
    issuedAt: input.issuedAt,
    receipts: input.receipts.map(encodeBase64),
  });
}

function startsWithZip(bytes: Uint8Array): boolean {
  return zipMagic.every((byte, index) => bytes[index] === byte);
}

/**
 * The receipt package files a receipts file holds, or why it is not one: E_TOO_LARGE over the cap (checked before
 * anything is read), E_RECEIPTS_FILE for anything else (not UTF-8 JSON, duplicate names, another schema, a receipt that is
 * not canonical base64). The receipts themselves are not verified here (verify-receipt.ts).
 */
export function readReceiptsFile(bytes: Uint8Array): Result<Uint8Array[]> {
  if (bytes.byteLength > MAX_RECEIPTS_FILE_BYTES) {
    return fail('E_TOO_LARGE', 'receipts file too large', { size: bytes.byteLength, limit: MAX_RECEIPTS_FILE_BYTES });
  }
  if (startsWithZip(bytes)) return ok([bytes]);
  const malformed = (detail: string): Result<never> =>
    fail('E_RECEIPTS_FILE', `not a receipts file: ${detail}`, { detail });
  const text = utf8Decode(bytes);
  if (text === undefined) return malformed('not UTF-8');
  const json = parseJsonStrict(text, { maxLength: MAX_RECEIPTS_FILE_BYTES });
  if (!json.ok) return malformed(json.error.params?.detail?.toString() ?? 'not JSON');
  const parsed = receiptsFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return malformed(`${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const files: Uint8Array[] = [];
  for (const [index, text64] of parsed.data.receipts.entries()) {
    const file = decodeBase64Strict(text64);
    if (file === undefined) return malformed(`receipts.${index}: not canonical base64`);
    files.push(file);
  }
  return ok(files);
}
