import { z } from 'zod';

/**
 * The channels of issue 5's files: the applicants' PDFs an assignment carries (stored by main at import), the photos
 * and files an expert takes as evidence (copied into main's store by SHA-256, carried as attachments when a sheet is
 * signed), and the office's side of both (storing PDFs to issue, reading the attachments of accepted sheets).
 * Files travel as base64 under the web host's body cap.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const MiB = 1024 * 1024;
/** 64 MiB of file (the container's entry cap) is ~85.4 MiB of base64. */
const fileBase64 = z
  .string()
  .min(1)
  .max(Math.ceil((64 * MiB) / 3) * 4);
const fileName = z.string().min(1).max(255);
const mediaType = z.string().min(1).max(100);

export const storedFileSchema = z
  .object({ sha256: hex64, size: z.number().int().nonnegative(), name: fileName, mediaType })
  .strict();
export type StoredFile = z.infer<typeof storedFileSchema>;

export const stageContract = {
  /** An applicant's PDF of an imported assignment, by SHA-256 (E_MATERIAL_MISSING when main holds no such file). */
  'materials:read': {
    request: z.object({ assignmentId: z.string().min(1).max(200), sha256: hex64 }).strict(),
    response: z.object({ base64: z.string() }).strict(),
  },
  /**
   * Copies an evidence file into main's store under its SHA-256; refused over the assignment's cycle limit
   * (E_EVIDENCE_TOO_LARGE, checked on the size before the bytes are decoded). The same bytes twice are stored once.
   */
  'evidence:add': {
    request: z
      .object({ assignmentId: z.string().min(1).max(200), name: fileName, mediaType, base64: fileBase64 })
      .strict(),
    response: storedFileSchema,
  },
  /** An evidence file's bytes, checked against their SHA-256 on the way out (E_EVIDENCE_MISSING otherwise). */
  'evidence:read': {
    request: z.object({ sha256: hex64 }).strict(),
    response: z.object({ base64: z.string() }).strict(),
  },
  /** The office stores an applicant's PDF (checked to start like a PDF) so assignments can carry it. */
  'office:material-add': {
    request: z.object({ name: fileName, base64: fileBase64 }).strict(),
    response: storedFileSchema,
  },
  /** An attachment of an accepted sheet (kept by SHA-256 when the inbox accepted it). */
  'office:attachment-read': {
    request: z.object({ sha256: hex64 }).strict(),
    response: z.object({ base64: z.string() }).strict(),
  },
} as const;
