import { ok, type Result } from '../contract/result';
import { sha256Hex } from './bytes';
import { packContainer } from './container';
import { signEnvelope } from './dsse';
import { canonicalBytes, type JsonValue } from './jcs';
import { payloadTypeOf, type PackageKind } from './payload-schemas';
import { sealTo } from './seal';

export interface BuildInput {
  readonly kind: PackageKind;
  /** The payload object; it is canonicalised (RFC 8785) here, so the signed bytes are unique. */
  readonly payload: JsonValue;
  readonly keyId: string;
  /** Signs the DSSE PAE bytes with the issuer's Ed25519 key (in main, where the key lives). */
  readonly sign: (message: Uint8Array) => Promise<Result<Uint8Array>>;
  readonly blobs?: readonly Uint8Array[];
  /** The recipient's X25519 public key; without it the container is not sealed (enrollment, receipts). */
  readonly sealToPublicKey?: Uint8Array;
  /** SHA-256 as lower-case hex (FIPS 180-4); main passes node:crypto's. Default: WebCrypto (bytes.ts). */
  readonly sha256Hex?: (bytes: Uint8Array) => Promise<string> | string;
  /**
   * Seals the container to the recipient (docs/package-format.md §2.5); main passes node:crypto's, which takes a
   * 90 MB site-visit package in a fraction of @hpke/core's time. Default: sealTo (seal.ts, WebCrypto).
   */
  readonly seal?: (
    recipientPublicRaw: Uint8Array,
    plaintext: Uint8Array,
  ) => Promise<Result<Uint8Array>> | Result<Uint8Array>;
}

export interface BuiltPackage {
  /** The `.qapkg` file bytes: a zip, sealed with HPKE when a recipient was given. */
  readonly file: Uint8Array;
  readonly payloadBytes: Uint8Array;
  readonly payloadSha256: string;
}

/** Canonicalise → DSSE-sign → zip with attachments by hash → seal to the recipient (docs/package-format.md). */
export async function buildPackage(input: BuildInput): Promise<Result<BuiltPackage>> {
  const payloadBytes = canonicalBytes(input.payload);
  if (!payloadBytes.ok) return payloadBytes;
  let signError: Result<never> | undefined;
  const envelope = await signEnvelope(payloadTypeOf(input.kind), payloadBytes.value, input.keyId, async (message) => {
    const signature = await input.sign(message);
    if (signature.ok) return signature.value;
    signError = signature;
    return new Uint8Array(64);
  });
  if (signError !== undefined) return signError;
  const hash = input.sha256Hex ?? sha256Hex;
  const blobs = await Promise.all((input.blobs ?? []).map(async (bytes) => ({ sha256: await hash(bytes), bytes })));
  const container = packContainer({ envelope, blobs });
  const seal = input.seal ?? sealTo;
  const file = input.sealToPublicKey === undefined ? ok(container) : await seal(input.sealToPublicKey, container);
  if (!file.ok) return file;
  return ok({ file: file.value, payloadBytes: payloadBytes.value, payloadSha256: await hash(payloadBytes.value) });
}
