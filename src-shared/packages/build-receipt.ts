import { ok, type Result } from '../contract/result';
import { buildPackage, type BuiltPackage } from './build-package';
import type { ReceiptPayload } from './payload-schemas';
import { uuidV7 } from './uuid-v7';

export interface ReceiptInput {
  /** The office id and its signing key's fingerprint (the receipt's `issuer` and `keyId`). */
  readonly officeId: string;
  readonly keyId: string;
  readonly sign: (message: Uint8Array) => Promise<Result<Uint8Array>>;
  /** The accepted package: its cycle, packageId and payload SHA-256. */
  readonly cycleId: string;
  readonly receiptFor: string;
  readonly payloadSha256: string;
  readonly status: ReceiptPayload['status'];
  readonly acceptedSeq: number | null;
  readonly nowMs: number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
  /** SHA-256 as lower-case hex; main passes node:crypto's (BuildInput.sha256Hex). */
  readonly sha256Hex?: (bytes: Uint8Array) => Promise<string> | string;
}

/** A built receipt with the payload it signs, so the caller need not read its own bytes back. */
export interface BuiltReceipt extends BuiltPackage {
  readonly payload: ReceiptPayload;
}

/**
 * An office-signed receipt (docs/package-format.md §3.9): unsealed, so the expert can check it with the pinned
 * office key alone. `receivedAt` and `createdAt` are the office's clock when it accepted the package.
 */
export async function buildReceipt(input: ReceiptInput): Promise<Result<BuiltReceipt>> {
  const at = new Date(input.nowMs).toISOString();
  const payload: ReceiptPayload = {
    schema: 'scorebook.receipt/1',
    kind: 'receipt',
    packageId: uuidV7(input.nowMs, input.random),
    cycleId: input.cycleId,
    issuer: input.officeId,
    keyId: input.keyId,
    createdAt: at,
    app: { name: 'Scorebook', version: input.appVersion },
    receiptFor: input.receiptFor,
    payloadSha256: input.payloadSha256,
    status: input.status,
    acceptedSeq: input.acceptedSeq,
    receivedAt: at,
  };
  const built = await buildPackage({
    kind: 'receipt',
    payload,
    keyId: input.keyId,
    sign: input.sign,
    sha256Hex: input.sha256Hex,
  });
  return built.ok ? ok({ ...built.value, payload }) : built;
}
