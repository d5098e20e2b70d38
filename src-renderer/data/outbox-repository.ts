import type { SignedPackage } from '../../src-shared/contract/channels';
import type { VerifiedReceiptSummary } from '../../src-shared/contract/receipt-schemas';
import type { ErrorCode } from '../../src-shared/contract/error-codes';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ScorebookDb } from './database';
import { keyFields, parseRows } from './quarantine';
import { outboxRowSchema, sheetRowSchema, type OutboxRow } from './row-schemas';
import { storageFailure } from './storage-errors';

type Target = { assignmentId: string; applicantId: string | null; kind: OutboxRow['kind'] };

function rowOf(signed: SignedPackage, target: Target, at: string): OutboxRow {
  return {
    v: 2,
    ...target,
    packageId: signed.packageId,
    seq: signed.seq,
    fileName: signed.fileName,
    base64: signed.base64,
    payloadSha256: signed.payloadSha256,
    status: 'not-exported',
    createdAt: at,
    exportedAt: null,
    receipt: null,
  };
}

/** Queues a signed pledge or declaration for export. */
export async function queuePackage(
  db: ScorebookDb,
  signed: SignedPackage,
  target: Target,
  now: () => Date,
): Promise<Result<OutboxRow>> {
  const row = rowOf(signed, target, now().toISOString());
  try {
    await db.outbox.put(row);
    return ok(row);
  } catch (error) {
    return storageFailure(error);
  }
}

/**
 * A submitted sheet: the sheet locks and its package joins the outbox in one transaction, so a sheet is never
 * locked without its package, nor a package queued for a sheet still open.
 */
export async function recordSubmission(
  db: ScorebookDb,
  sheetId: string,
  signed: SignedPackage,
  target: Target,
  now: () => Date,
): Promise<Result<OutboxRow>> {
  const at = now().toISOString();
  const row = rowOf(signed, target, at);
  try {
    return await db.transaction('rw', db.sheets, db.outbox, async () => {
      const sheet = sheetRowSchema.safeParse(await db.sheets.get(sheetId));
      if (!sheet.success) return fail('E_SHEET_NOT_FOUND', `no sheet ${sheetId}`);
      // The revision reason was signed into this version; the next revision needs its own.
      const next = { ...sheet.data, status: 'submitted' as const, submittedSeq: signed.seq ?? 1, updatedAt: at };
      delete next.revisionReason;
      await db.sheets.put(next);
      await db.outbox.put(row);
      return ok(row);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Reopens a submitted sheet for a revision; the reason travels with the next signed version. */
export async function reopenForRevision(
  db: ScorebookDb,
  sheetId: string,
  reason: string,
  now: () => Date,
): Promise<Result<true>> {
  try {
    return await db.transaction('rw', db.sheets, async () => {
      const sheet = sheetRowSchema.safeParse(await db.sheets.get(sheetId));
      if (!sheet.success) return fail('E_SHEET_NOT_FOUND', `no sheet ${sheetId}`);
      await db.sheets.put({ ...sheet.data, status: 'draft', revisionReason: reason, updatedAt: now().toISOString() });
      return ok(true as const);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** Every queued package, newest first. */
export async function listOutbox(db: ScorebookDb, now: () => Date): Promise<OutboxRow[]> {
  const parsed = await parseRows(db, 'outbox', await db.outbox.toArray(), outboxRowSchema, keyFields('packageId'), now);
  return parsed.rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Marks packages exported (the expert saved their files); a confirmed one stays confirmed. */
export async function markExported(
  db: ScorebookDb,
  packageIds: readonly string[],
  now: () => Date,
): Promise<Result<true>> {
  const at = now().toISOString();
  try {
    await db.transaction('rw', db.outbox, async () => {
      for (const id of packageIds) {
        const row = outboxRowSchema.safeParse(await db.outbox.get(id));
        if (row.success && row.data.status === 'not-exported')
          await db.outbox.put({ ...row.data, status: 'exported', exportedAt: at });
      }
    });
    return ok(true);
  } catch (error) {
    return storageFailure(error);
  }
}

/** What became of one verified receipt in the outbox. */
export type ReceiptOutcome =
  | { readonly receiptFor: string; readonly outcome: 'confirmed' | 'already-confirmed' }
  | { readonly receiptFor: string; readonly outcome: 'refused'; readonly code: ErrorCode };

/**
 * Marks the packages that verified receipts answer as confirmed (docs/package-format.md §3.9): only when the receipt
 * names a package of this outbox (else E_RECEIPT_UNKNOWN) and the SHA-256 of exactly the payload it sent (else
 * E_RECEIPT_MISMATCH: the office holds other content under that id, which the expert must take up with it). A
 * confirmed package stays confirmed with its first receipt. All rows change in one transaction.
 */
export async function applyReceipts(
  db: ScorebookDb,
  receipts: readonly VerifiedReceiptSummary[],
  now: () => Date,
): Promise<Result<ReceiptOutcome[]>> {
  const importedAt = now().toISOString();
  try {
    const outcomes = await db.transaction('rw', db.outbox, async () => {
      const done: ReceiptOutcome[] = [];
      for (const receipt of receipts) {
        const { receiptFor } = receipt;
        const row = outboxRowSchema.safeParse(await db.outbox.get(receiptFor));
        if (!row.success) {
          done.push({ receiptFor, outcome: 'refused', code: 'E_RECEIPT_UNKNOWN' });
        } else if (row.data.payloadSha256 !== receipt.payloadSha256) {
          done.push({ receiptFor, outcome: 'refused', code: 'E_RECEIPT_MISMATCH' });
        } else if (row.data.receipt !== null) {
          done.push({ receiptFor, outcome: 'already-confirmed' });
        } else {
          const { receiptId, status, acceptedSeq, receivedAt } = receipt;
          await db.outbox.put({
            ...row.data,
            status: 'confirmed',
            receipt: { receiptId, status, acceptedSeq, receivedAt, importedAt },
          });
          done.push({ receiptFor, outcome: 'confirmed' });
        }
      }
      return done;
    });
    return ok(outcomes);
  } catch (error) {
    return storageFailure(error);
  }
}
