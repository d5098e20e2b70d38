import { z } from 'zod';
import { errorCodes } from './error-codes';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** A receipt whose signature by the pinned office key holds: what the outbox matches against its packages. */
export const verifiedReceiptSchema = z
  .object({
    /** The receipt's own packageId. */
    receiptId: z.string().min(1).max(200),
    /** The packageId of the package it answers, and the SHA-256 of the payload bytes the office accepted. */
    receiptFor: z.string().min(1).max(200),
    payloadSha256: hex64,
    status: z.enum(['accepted', 'duplicate']),
    acceptedSeq: z.number().int().min(1).nullable(),
    receivedAt: z.string().min(1).max(40),
  })
  .strict();
export type VerifiedReceiptSummary = z.infer<typeof verifiedReceiptSchema>;

/** A receipt in the file that did not verify: its position in the file and why. */
export const rejectedReceiptSchema = z
  .object({
    index: z.number().int().min(0),
    code: z.enum(errorCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .strict();
export type RejectedReceipt = z.infer<typeof rejectedReceiptSchema>;

export const receiptImportSchema = z
  .object({
    receipts: z.array(verifiedReceiptSchema),
    rejected: z.array(rejectedReceiptSchema),
  })
  .strict();
export type ReceiptImport = z.infer<typeof receiptImportSchema>;
