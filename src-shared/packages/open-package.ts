import { fail, ok, type Result } from '../contract/result';
import { sha256Hex } from './bytes';
import { unpackContainer, type ContainerLimits } from './container';
import { pae, parseEnvelope } from './dsse';
import { verifyEd25519, type Ed25519Verifier } from './ed25519';
import { isCanonicalJsonBytes } from './jcs';
import { kindOfPayloadType, payloadSchemas, type PackageKind } from './payload-schemas';
import { isSealed } from './seal';

/** A registered signing key, as the verifier's registry knows it. */
export interface RegisteredKey {
  readonly publicKeyRaw: Uint8Array;
  /** The expert or office id that owns the key. */
  readonly owner: string;
  readonly revoked: boolean;
}

export interface OpenOptions {
  /** Largest file accepted at all, checked before anything is read (E_TOO_LARGE). */
  readonly maxFileBytes: number;
  readonly containerLimits?: Partial<ContainerLimits>;
  /**
   * Opens a sealed file with the reader's private key; absent when the reader holds none (E_SEAL). May answer
   * synchronously (main's node:crypto unsealer does).
   */
  readonly openSeal?: (sealed: Uint8Array) => Promise<Result<Uint8Array>> | Result<Uint8Array>;
  /** Refuse an unsealed file (E_SEAL): the office takes sheets, declarations and pledges sealed only. */
  readonly requireSealed?: boolean;
  /** The kinds this reader accepts (E_TYPE for others). */
  readonly acceptedKinds: readonly PackageKind[];
  /** Looks up a key by the fingerprint the envelope names; the lookup, not the hint, decides. */
  readonly keyFor: (fingerprint: string) => Promise<RegisteredKey | undefined> | RegisteredKey | undefined;
  /**
   * Checks the signature of step 5 with the registered key, for a reader that opens many packages from the same signers
   * and keeps their imported keys (createVerifyKeyCache; main's node:crypto one). It never chooses the key: the
   * registry does. Default: WebCrypto, importing the key for every package.
   */
  readonly signatureVerifier?: Ed25519Verifier;
  /** SHA-256 of the payload bytes as lower-case hex (FIPS 180-4). Default: WebCrypto (bytes.ts). */
  readonly sha256Hex?: (bytes: Uint8Array) => Promise<string> | string;
}

/** A package whose signature, form and schema hold (steps 1–7 of the verification order). */
export interface OpenedPackage<K extends PackageKind = PackageKind> {
  readonly kind: K;
  readonly payloadType: string;
  /** The exact signed payload bytes (canonical JSON). */
  readonly payloadBytes: Uint8Array;
  readonly payloadSha256: string;
  readonly payload: unknown;
  readonly keyId: string;
  readonly key: RegisteredKey;
  readonly blobs: ReadonlyMap<string, Uint8Array>;
  readonly sealed: boolean;
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * Steps 1–7 of docs/package-format.md, stopping at the first failure: size, unseal, container,
 * envelope shape, payload type, registered and unrevoked key, signature over the exact received
 * bytes (before the payload is parsed), canonical form and schema, issuer owns the key.
 */
export async function openPackage(file: Uint8Array, options: OpenOptions): Promise<Result<OpenedPackage>> {
  // 1. size cap, unseal
  if (file.byteLength > options.maxFileBytes) {
    return fail('E_TOO_LARGE', 'file too large', { size: file.byteLength, limit: options.maxFileBytes });
  }
  let containerBytes = file;
  const sealed = isSealed(file);
  if (!sealed && options.requireSealed === true) return fail('E_SEAL', 'not sealed');
  if (sealed) {
    if (options.openSeal === undefined) return fail('E_SEAL', 'sealed, and no key to open it');
    const opened = await options.openSeal(file);
    if (!opened.ok) return opened;
    containerBytes = opened.value;
  }
  // 2. container limits, strict envelope shape
  const container = unpackContainer(containerBytes, options.containerLimits);
  if (!container.ok) return container;
  const envelope = parseEnvelope(container.value.envelope);
  if (!envelope.ok) return envelope;
  const { payloadType, payloadBytes, keyId, signature } = envelope.value;
  // 3. payload type allowed
  const kind = kindOfPayloadType(payloadType);
  if (kind === undefined || !options.acceptedKinds.includes(kind)) {
    return fail('E_TYPE', `payload type not accepted: ${payloadType}`, { payloadType: payloadType.slice(0, 100) });
  }
  // 4. key registered, not revoked
  const key = await options.keyFor(keyId);
  if (key === undefined) return fail('E_KEY_UNKNOWN', `unknown key ${keyId}`, { keyId: keyId.slice(0, 64) });
  if (key.revoked) return fail('E_KEY_REVOKED', `revoked key ${keyId}`, { keyId });
  // 5. signature over PAE of the exact received payload bytes
  const message = pae(payloadType, payloadBytes);
  const verified =
    options.signatureVerifier === undefined
      ? await verifyEd25519(key.publicKeyRaw, signature, message)
      : await options.signatureVerifier.verify(key.publicKeyRaw, signature, message);
  if (!verified) return fail('E_SIG', 'signature does not verify');
  // 6. canonical JSON without duplicate keys, then the kind's schema
  const canonical = isCanonicalJsonBytes(payloadBytes);
  if (!canonical.ok) return canonical;
  const parsed = payloadSchemas[kind].safeParse(canonical.value);
  if (!parsed.success) {
    const detail = describe(parsed.error.issues);
    return fail('E_SCHEMA', `payload schema: ${detail}`, { detail });
  }
  // 7. the issuer named in the payload owns the key that signed, and the payload names that key
  if (parsed.data.issuer !== key.owner || parsed.data.keyId !== keyId) {
    return fail('E_ISSUER_MISMATCH', `issuer ${parsed.data.issuer} does not own key ${keyId}`);
  }
  return ok({
    kind,
    payloadType,
    payloadBytes,
    payloadSha256: await (options.sha256Hex ?? sha256Hex)(payloadBytes),
    payload: parsed.data,
    keyId,
    key,
    blobs: container.value.blobs,
    sealed,
  });
}
