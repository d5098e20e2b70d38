import { fail, ok, type Result } from '../contract/result';
import { sha256Hex, toHex } from './bytes';
import { webCrypto, type CryptoKeyLike, type CryptoKeyPairLike } from './web-crypto';

/**
 * Ed25519 (RFC 8032) through WebCrypto's 'Ed25519' algorithm (Secure Curves in WebCrypto,
 * W3C WICG), the same in Node 20, Chromium and Electron (docs/package-format.md). Keys and
 * fingerprints follow the "Keys" section of docs/package-format.md.
 */

const ED25519 = { name: 'Ed25519' } as const;

/** Raw Ed25519 public keys are 32 bytes (RFC 8032 section 5.1.5). */
export const ED25519_PUBLIC_KEY_BYTES = 32;

/** Ed25519 signatures are 64 bytes (RFC 8032 section 5.1.6). */
export const ED25519_SIGNATURE_BYTES = 64;

/** A new Ed25519 key pair; `extractable` applies to the private key (public keys always export). */
export async function generateSigningKeyPair(extractable: boolean): Promise<CryptoKeyPairLike> {
  return webCrypto().subtle.generateKey(ED25519, extractable, ['sign', 'verify']);
}

/** The raw 32-byte encoding of a public key (RFC 8032 section 5.1.5). */
export async function exportPublicRaw(key: CryptoKeyLike): Promise<Uint8Array> {
  return new Uint8Array(await webCrypto().subtle.exportKey('raw', key));
}

/** Imports a raw 32-byte public key for verification; E_MALFORMED for any other length or refusal. */
export async function importPublicRaw(raw: Uint8Array): Promise<Result<CryptoKeyLike>> {
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) {
    const detail = `public key is ${raw.length} bytes, Ed25519 needs ${ED25519_PUBLIC_KEY_BYTES}`;
    return fail('E_MALFORMED', detail, { detail });
  }
  try {
    return ok(await webCrypto().subtle.importKey('raw', raw, ED25519, true, ['verify']));
  } catch {
    const detail = 'not an Ed25519 public key';
    return fail('E_MALFORMED', detail, { detail });
  }
}

/** Imports a PKCS#8 (RFC 5208, RFC 8410) Ed25519 private key for signing; E_MALFORMED if refused. */
export async function importPrivatePkcs8(bytes: Uint8Array, extractable: boolean): Promise<Result<CryptoKeyLike>> {
  try {
    return ok(await webCrypto().subtle.importKey('pkcs8', bytes, ED25519, extractable, ['sign']));
  } catch {
    const detail = 'not an Ed25519 PKCS#8 private key';
    return fail('E_MALFORMED', detail, { detail });
  }
}

/** The PKCS#8 (RFC 8410 section 7) encoding of an extractable private key; rejects otherwise. */
export async function exportPrivatePkcs8(key: CryptoKeyLike): Promise<Uint8Array> {
  return new Uint8Array(await webCrypto().subtle.exportKey('pkcs8', key));
}

/** The 64-byte Ed25519 signature of a message (RFC 8032 section 5.1.6; deterministic). */
export async function signEd25519(privateKey: CryptoKeyLike, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await webCrypto().subtle.sign(ED25519, privateKey, message));
}

/**
 * Verifies an Ed25519 signature (RFC 8032 section 5.1.7) with a raw 32-byte public key. Never
 * throws: a wrong length, a key the platform refuses or any other failure is simply `false`.
 * Imports the key on every call; a verifier that meets the same signers again uses
 * {@link createVerifyKeyCache}.
 */
export async function verifyEd25519(
  publicRaw: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
): Promise<boolean> {
  if (publicRaw.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  const key = await importVerifyKey(publicRaw);
  return key !== undefined && verifyWith(key, signature, message);
}

async function importVerifyKey(publicRaw: Uint8Array): Promise<CryptoKeyLike | undefined> {
  try {
    return await webCrypto().subtle.importKey('raw', publicRaw, ED25519, false, ['verify']);
  } catch {
    return undefined;
  }
}

/** The caller has checked the signature's length. */
async function verifyWith(key: CryptoKeyLike, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  try {
    return (await webCrypto().subtle.verify(ED25519, key, signature, message)) === true;
  } catch {
    return false;
  }
}

/**
 * Verifies like {@link verifyEd25519} (RFC 8032 section 5.1.7 with a raw 32-byte key; `false` for any failure, never
 * throws), typically keeping imported keys between calls. {@link createVerifyKeyCache} is the WebCrypto one; main
 * has a synchronous node:crypto one (src-main/services/node-verify.ts).
 */
export interface Ed25519Verifier {
  verify(publicRaw: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> | boolean;
}

/**
 * A per-verifier cache of imported Ed25519 public keys (the office's run, one CLI call): importing the raw key costs
 * about as much as verifying a 37 kB message (docs/performance.md, "Packages"). Entries are keyed by the raw key
 * bytes themselves, so a cached key is always exactly the key the caller passed: the registry still decides which
 * key verifies, and revocation is checked before (verification step 4). A failed import is not cached. At
 * `maxKeys` distinct keys the cache starts over, which bounds its memory whatever the input.
 */
export function createVerifyKeyCache(maxKeys = 1024): Ed25519Verifier {
  const keys = new Map<string, CryptoKeyLike>();
  return {
    async verify(publicRaw, signature, message) {
      if (publicRaw.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
      const id = toHex(publicRaw);
      let key = keys.get(id);
      if (key === undefined) {
        key = await importVerifyKey(publicRaw);
        if (key === undefined) return false;
        if (keys.size >= maxKeys) keys.clear();
        keys.set(id, key);
      }
      return verifyWith(key, signature, message);
    },
  };
}

/**
 * A key's fingerprint: lowercase hex SHA-256 of the raw 32-byte public key
 * (docs/package-format.md, "Keys"). Rejects with a RangeError for any other length.
 */
export async function fingerprintOf(publicRaw: Uint8Array): Promise<string> {
  if (publicRaw.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new RangeError(`public key is ${publicRaw.length} bytes, Ed25519 needs ${ED25519_PUBLIC_KEY_BYTES}`);
  }
  return sha256Hex(publicRaw);
}

/**
 * A fingerprint for reading aloud or comparing on paper: upper-case hex in groups of 4 separated by
 * single spaces ("3F2A 9C01 …"); a last group may be shorter if the length is not a multiple of 4.
 */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
