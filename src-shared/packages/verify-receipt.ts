import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';
import { openPackage } from './open-package';
import { receiptPayloadSchema, type ReceiptPayload } from './payload-schemas';
import { peekPayload } from './peek-payload';
import { MAX_RECEIPT_BYTES } from './receipts-file';

/** The office signing key the expert app pinned (docs/package-format.md §7.4). */
export interface PinnedOfficeKey {
  readonly publicKeyRaw: Uint8Array;
  readonly fingerprint: string;
}

/** A receipt whose signature by the pinned office key holds. */
export interface VerifiedReceipt {
  /** The receipt's own packageId. */
  readonly receiptId: string;
  readonly payload: ReceiptPayload;
}

const issuerSchema = z.object({ issuer: z.string() });

/**
 * Verifies one receipt package (§3.9) for the expert app: unsealed, kind `receipt`, signed by the pinned office key
 * (any other key is E_KEY_UNKNOWN), canonical and schema-valid, its `keyId` the pinned key. Steps 1–7 of openPackage.
 *
 * The expert keeps no registry of office ids, only the pinned key, so the receipt's `issuer` is taken from the
 * receipt itself (peekPayload) and step 7 checks that the payload names the key that signed it. Trust comes from the
 * pinned key alone: nobody without the office's private key can make a receipt that passes.
 */
export async function verifyReceipt(file: Uint8Array, office: PinnedOfficeKey): Promise<Result<VerifiedReceipt>> {
  const opened = await openPackage(file, {
    maxFileBytes: MAX_RECEIPT_BYTES,
    acceptedKinds: ['receipt'],
    keyFor: (fingerprint) => {
      if (fingerprint !== office.fingerprint) return undefined;
      const carried = issuerSchema.safeParse(peekPayload(file));
      return carried.success
        ? { publicKeyRaw: office.publicKeyRaw, owner: carried.data.issuer, revoked: false }
        : undefined;
    },
  });
  if (!opened.ok) return opened;
  const payload = receiptPayloadSchema.safeParse(opened.value.payload);
  if (!payload.success) return fail('E_INTERNAL', 'opened receipt does not parse again', { detail: 'schema' });
  return ok({ receiptId: payload.data.packageId, payload: payload.data });
}
