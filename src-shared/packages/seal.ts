import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fail, ok, type Result } from '../contract/result';
import { defaultContainerLimits } from './container';

/**
 * Sealing for confidentiality (docs/package-format.md, layer 5): HPKE, RFC 9180, base mode, with
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, single-shot (RFC 9180 §6.1).
 *
 * A sealed file is, byte for byte:
 *   1. the ASCII magic `SCOREBOOK-SEALED/1\n` (19 bytes, ending in a line feed 0x0a),
 *   2. `enc`, the 32-byte encapsulated key (Nenc of DHKEM(X25519), RFC 9180 §7.1),
 *   3. the HPKE ciphertext (the plaintext's length plus the 16-byte AES-GCM tag).
 * `info` is the UTF-8 of `scorebook.package/1`; `aad` is the magic, so the header is authenticated too.
 */

/** The sealed-file magic and the HPKE `info`, as text (docs/package-format.md §2.5, vectors `seal-magic`, `seal-info`). */
export const SEAL_MAGIC_TEXT = 'SCOREBOOK-SEALED/1\n';
export const SEAL_INFO_TEXT = 'scorebook.package/1';

const MAGIC = ascii(SEAL_MAGIC_TEXT);
const INFO = ascii(SEAL_INFO_TEXT);
/** Nenc, Npk and Nsk of DHKEM(X25519, HKDF-SHA256) (RFC 9180 §7.1). */
export const SEAL_KEY_BYTES = 32;
/** Nt of AES-256-GCM (RFC 9180 §7.3). */
export const SEAL_TAG_BYTES = 16;
/** Magic, enc and tag: a sealed file is this much longer than its plaintext. */
export const SEAL_OVERHEAD = MAGIC.length + SEAL_KEY_BYTES + SEAL_TAG_BYTES;

/** By default a sealed file may carry a container of the largest size unpackContainer accepts. */
export const DEFAULT_MAX_SEALED_BYTES = defaultContainerLimits.maxFileBytes + SEAL_OVERHEAD;

/**
 * The suite, built once when the module loads: a constant holding no keys and no per-call state (house rule: no
 * module-level mutable state). The library looks up WebCrypto lazily on first use, not here.
 */
const SUITE = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

/**
 * Makes an X25519 key pair for receiving sealed packages, as raw 32-byte keys (RFC 7748 encoding),
 * so main can wrap the private bytes with a passphrase-derived key and store them.
 */
export async function generateReceivingKeyPair(): Promise<{ publicKeyRaw: Uint8Array; privateKeyRaw: Uint8Array }> {
  const { kem } = SUITE;
  const pair = await kem.generateKeyPair();
  const publicKeyRaw = new Uint8Array((await kem.serializePublicKey(pair.publicKey)).slice(0));
  const privateKeyRaw = new Uint8Array((await kem.serializePrivateKey(pair.privateKey)).slice(0));
  if (publicKeyRaw.length !== SEAL_KEY_BYTES || privateKeyRaw.length !== SEAL_KEY_BYTES) {
    throw new Error('X25519 key pair of unexpected length');
  }
  return { publicKeyRaw, privateKeyRaw };
}

/** Seals `plaintext` to the recipient's raw X25519 public key with a fresh random ephemeral key. */
export async function sealTo(recipientPublicRaw: Uint8Array, plaintext: Uint8Array): Promise<Result<Uint8Array>> {
  return seal(recipientPublicRaw, plaintext, undefined);
}

/**
 * FOR TEST VECTORS ONLY. Seals like {@link sealTo}, but derives the ephemeral key pair from `ikmE`
 * (RFC 9180 §7.1.3 DeriveKeyPair), so a published example re-derives byte for byte. Production
 * sealing must use {@link sealTo}: a reused ephemeral key with the same recipient reuses the AEAD
 * key and nonce, which breaks AES-GCM.
 */
export async function sealToWithEphemeralSeed(
  recipientPublicRaw: Uint8Array,
  plaintext: Uint8Array,
  ikmE: Uint8Array,
): Promise<Result<Uint8Array>> {
  return seal(recipientPublicRaw, plaintext, ikmE);
}

async function seal(
  recipientPublicRaw: Uint8Array,
  plaintext: Uint8Array,
  ikmE: Uint8Array | undefined,
): Promise<Result<Uint8Array>> {
  if (recipientPublicRaw.length !== SEAL_KEY_BYTES) return fail('E_SEAL', 'recipient public key is not 32 bytes');
  try {
    const hpke = SUITE;
    const recipientPublicKey = await hpke.kem.deserializePublicKey(recipientPublicRaw);
    const params = { recipientPublicKey, info: INFO };
    const sealed = await hpke.seal(
      // `ekm` is the library's hook for a given ephemeral key pair (meant for testing, as here).
      ikmE === undefined ? params : { ...params, ekm: await hpke.kem.deriveKeyPair(ikmE) },
      plaintext,
      MAGIC,
    );
    const enc = new Uint8Array(sealed.enc);
    const ct = new Uint8Array(sealed.ct);
    if (enc.length !== SEAL_KEY_BYTES) return fail('E_SEAL', 'unexpected encapsulated key length');
    const out = new Uint8Array(MAGIC.length + enc.length + ct.length);
    out.set(MAGIC, 0);
    out.set(enc, MAGIC.length);
    out.set(ct, MAGIC.length + SEAL_KEY_BYTES);
    return ok(out);
  } catch {
    // RFC 9180 §7.1.4: an all-zero X25519 shared secret (a low-order public key) aborts encapsulation.
    return fail('E_SEAL', 'cannot seal to this public key');
  }
}

/**
 * Opens a sealed file with the recipient's raw X25519 private key. E_TOO_LARGE above `maxBytes`
 * (checked first); E_SEAL for a wrong magic, a short input, a wrong key or any tampering — AES-GCM
 * authenticates the ciphertext and the magic, and the KEM context binds `enc`. Never throws.
 */
export async function openSealed(
  recipientPrivateRaw: Uint8Array,
  sealed: Uint8Array,
  maxBytes: number = DEFAULT_MAX_SEALED_BYTES,
): Promise<Result<Uint8Array>> {
  if (sealed.length > maxBytes) {
    return fail('E_TOO_LARGE', `sealed file of ${sealed.length} bytes is over the ${maxBytes}-byte limit`, {
      size: sealed.length,
      limit: maxBytes,
    });
  }
  if (!isSealed(sealed)) return fail('E_SEAL', 'not a sealed package (magic missing)');
  if (sealed.length < SEAL_OVERHEAD) return fail('E_SEAL', 'sealed file is truncated');
  if (recipientPrivateRaw.length !== SEAL_KEY_BYTES) return fail('E_SEAL', 'private key is not 32 bytes');
  try {
    const hpke = SUITE;
    const recipientKey = await hpke.kem.deserializePrivateKey(recipientPrivateRaw);
    const enc = sealed.subarray(MAGIC.length, MAGIC.length + SEAL_KEY_BYTES);
    const ct = sealed.subarray(MAGIC.length + SEAL_KEY_BYTES);
    const plaintext = await hpke.open({ recipientKey, enc, info: INFO }, ct, MAGIC);
    return ok(new Uint8Array(plaintext));
  } catch {
    return fail('E_SEAL', 'cannot open: not sealed to this key, or damaged');
  }
}

/** True when the bytes start with the sealed-file magic `SCOREBOOK-SEALED/1\n`. */
export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((byte, i) => bytes[i] === byte);
}

/** ASCII only (the magic and info strings), so UTF-8 and ASCII agree; no TextEncoder in src-shared. */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}
