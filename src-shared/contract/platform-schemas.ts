import { z } from 'zod';

/**
 * What only the desktop app can do (a native dialog, a folder on disk, the OS keychain). The web host answers these
 * channels too, with E_NOT_AVAILABLE, so the renderer uses its in-page alternatives there.
 */

const line = z.string().min(1).max(200);

/** A native confirmation dialog from main (the desktop shell's message box), modal over the app. */
export const confirmRequestSchema = z
  .object({
    title: line,
    message: z.string().min(1).max(2000),
    detail: z.string().max(4000),
    confirmLabel: line,
    cancelLabel: line,
  })
  .strict();
export type ConfirmRequest = z.infer<typeof confirmRequestSchema>;

/** Package files to write into a folder the expert picks in a native dialog (a USB stick, say). */
export const saveToFolderRequestSchema = z
  .object({
    /** The folder dialog's title. */
    title: line,
    files: z
      .array(
        z
          .object({
            fileName: z.string().min(1).max(200),
            base64: z
              .string()
              .min(1)
              .max(64 * 1024 * 1024),
          })
          .strict(),
      )
      .min(1)
      .max(10_000),
  })
  .strict();

export const saveToFolderResultSchema = z
  .object({
    /** The folder chosen, or null when the expert cancelled (nothing was written). */
    folder: z.string().nullable(),
    /** The name each file was written under, in request order (another name when a different file had its name). */
    written: z.array(z.string()),
  })
  .strict();
export type SaveToFolderResult = z.infer<typeof saveToFolderResultSchema>;

/** Whether quick unlock through the OS keychain can be used here, and whether a copy of the passphrase is stored. */
export const quickUnlockStatusSchema = z
  .object({
    available: z.boolean(),
    /** Why not: no OS encryption, Linux's insecure `basic_text` store, or the web host (no keychain at all). */
    reason: z.enum(['encryption-unavailable', 'insecure-backend', 'web']).nullable(),
    stored: z.boolean(),
  })
  .strict();
export type QuickUnlockStatus = z.infer<typeof quickUnlockStatusSchema>;
