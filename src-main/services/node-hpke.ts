import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import {
  DEFAULT_MAX_SEALED_BYTES,
  isSealed,
  SEAL_INFO_TEXT,
  SEAL_KEY_BYTES,
  SEAL_MAGIC_TEXT,
  SEAL_OVERHEAD,
  SEAL_TAG_BYTES,
} from '../../src-shared/packages/seal';

/**
 * The seal of docs/package-format.md §2.5 on node:crypto, for main: the same HPKE (RFC 9180) base mode, single-shot,
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, and the same file (magic ‖ enc ‖ ciphertext, `info`
 * `scorebook.package/1`, aad = the magic) as src-shared/packages/seal.ts, so either side opens what the other seals.
 *
 * Why a second implementation: seal.ts (shared with the renderer) goes through @hpke/core and WebCrypto, about a dozen
 * asynchronous calls per open, and takes only the private key, so every open re-derives the recipient's public key.
 * Here one open is one X25519 (OpenSSL), five HMAC-SHA256 and one AES-GCM pass, synchronously, and
 * {@link createNodeUnsealer} prepares the recipient's key once (docs/performance.md, "Packages").
 *
 * Errors are values with the codes of openSealed: E_TOO_LARGE above the cap, E_SEAL for everything else. Never throws.
 */

const MAGIC = Buffer.from(SEAL_MAGIC_TEXT, 'latin1');
const INFO = Buffer.from(SEAL_INFO_TEXT, 'latin1');
const ENC_END = MAGIC.length + SEAL_KEY_BYTES;
const EMPTY = Buffer.alloc(0);

// RFC 9180 §4: every labelled HKDF call is prefixed with "HPKE-v1" and the suite id. The KEM's suite id is
// "KEM" ‖ I2OSP(kem_id, 2) (§4.1); the key schedule's is "HPKE" ‖ kem_id ‖ kdf_id ‖ aead_id (§5.1), with kem_id 0x0020
// (DHKEM(X25519, HKDF-SHA256), §7.1), kdf_id 0x0001 (HKDF-SHA256, §7.2), aead_id 0x0002 (AES-256-GCM, §7.3).
const LABEL_PREFIX = Buffer.from('HPKE-v1', 'latin1');
const KEM_SUITE = Buffer.concat([Buffer.from('KEM', 'latin1'), Buffer.from([0x00, 0x20])]);
const HPKE_SUITE = Buffer.concat([Buffer.from('HPKE', 'latin1'), Buffer.from([0x00, 0x20, 0x00, 0x01, 0x00, 0x02])]);
/** Nh of HKDF-SHA256: one HMAC block covers every LabeledExpand used here (Nsecret 32, Nk 32, Nn 12, Nsk 32). */
const HASH_BYTES = 32;
/** Nk and Nn of AES-256-GCM (RFC 9180 §7.3). */
const AEAD_KEY_BYTES = 32;
const NONCE_BYTES = 12;

// RFC 8410 §7 (PKCS#8 of an X25519 private key): a fixed 16-byte DER prefix, then the 32-byte scalar.
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** LabeledExtract(salt, label, ikm) = HKDF-Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm) (RFC 9180 §4). */
function labeledExtract(suite: Buffer, salt: Uint8Array, label: string, ikm: Uint8Array): Buffer {
  // HKDF-Extract is HMAC(salt, IKM) (RFC 5869 §2.2); an empty salt is the same HMAC key as HashLen zero bytes.
  return createHmac('sha256', salt).update(LABEL_PREFIX).update(suite).update(label, 'latin1').update(ikm).digest();
}

/**
 * LabeledExpand(prk, label, info, L) = HKDF-Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L)
 * (RFC 9180 §4). L ≤ Nh here, so HKDF-Expand is its first block: HMAC(prk, labeled_info ‖ 0x01) (RFC 5869 §2.3).
 */
function labeledExpand(suite: Buffer, prk: Uint8Array, label: string, info: Uint8Array, length: number): Buffer {
  const block = createHmac('sha256', prk)
    .update(Buffer.from([length >> 8, length & 0xff]))
    .update(LABEL_PREFIX)
    .update(suite)
    .update(label, 'latin1')
    .update(info)
    .update(Buffer.from([0x01]))
    .digest();
  return length === HASH_BYTES ? block : block.subarray(0, length);
}

/**
 * key_schedule_context = mode ‖ psk_id_hash ‖ info_hash (RFC 9180 §5.1). In base mode (mode_base 0x00, empty psk_id)
 * with our fixed `info` it never changes, so it is computed once.
 */
const KEY_SCHEDULE_CONTEXT = Buffer.concat([
  Buffer.from([0x00]),
  labeledExtract(HPKE_SUITE, EMPTY, 'psk_id_hash', EMPTY),
  labeledExtract(HPKE_SUITE, EMPTY, 'info_hash', INFO),
]);

/** The AES-256-GCM key and nonce of the single-shot context (RFC 9180 §5.1 KeySchedule, §5.2: sequence number 0). */
function keySchedule(sharedSecret: Buffer): { key: Buffer; nonce: Buffer } {
  // Base mode: psk is empty, so `secret` = LabeledExtract(shared_secret, "secret", "").
  const secret = labeledExtract(HPKE_SUITE, sharedSecret, 'secret', EMPTY);
  const key = labeledExpand(HPKE_SUITE, secret, 'key', KEY_SCHEDULE_CONTEXT, AEAD_KEY_BYTES);
  // ComputeNonce(0) = base_nonce XOR I2OSP(0, Nn) = base_nonce: single-shot uses the first sequence number only.
  const nonce = labeledExpand(HPKE_SUITE, secret, 'base_nonce', KEY_SCHEDULE_CONTEXT, NONCE_BYTES);
  secret.fill(0);
  return { key, nonce };
}

/**
 * DH then ExtractAndExpand (RFC 9180 §4.1): shared_secret = LabeledExpand(LabeledExtract("", "eae_prk", dh),
 * "shared_secret", enc ‖ pkRm, Nsecret). Throws on an all-zero DH output (§7.1.4: X25519 with a low-order point);
 * OpenSSL refuses those itself, and the check stays so the rule does not depend on the library.
 */
function sharedSecret(privateKey: KeyObject, publicKey: KeyObject, enc: Uint8Array, pkRm: Uint8Array): Buffer {
  const dh = diffieHellman({ privateKey, publicKey });
  try {
    if (dh.every((byte) => byte === 0)) throw new Error('all-zero X25519 shared secret');
    const eaePrk = labeledExtract(KEM_SUITE, EMPTY, 'eae_prk', dh);
    const secret = labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', Buffer.concat([enc, pkRm]), HASH_BYTES);
    eaePrk.fill(0);
    return secret;
  } finally {
    dh.fill(0);
  }
}

/**
 * DeserializePublicKey for X25519 is the raw 32 bytes (RFC 9180 §7.1.1). Imported as a JWK (RFC 8037 §2): for a
 * per-file key that is some 30 times faster in Node 20 (OpenSSL 3) than decoding an SPKI DER.
 */
function x25519PublicKey(raw: Uint8Array): KeyObject {
  const x = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x }, format: 'jwk' });
}

function x25519PrivateKey(raw: Uint8Array): KeyObject {
  const der = Buffer.concat([X25519_PKCS8_PREFIX, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/** SerializePublicKey of a key's public half: the raw 32 bytes (RFC 9180 §7.1.1, RFC 7748 §5). */
function publicRaw(key: KeyObject): Buffer {
  const x = createPublicKey(key).export({ format: 'jwk' }).x;
  const raw = Buffer.from(x ?? '', 'base64url');
  if (raw.length !== SEAL_KEY_BYTES) throw new Error('X25519 public key of unexpected length');
  return raw;
}

/** A plain Uint8Array of the bytes, without copying when the Buffer owns its whole memory. */
function plainBytes(buffer: Buffer): Uint8Array {
  const own = buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.byteLength;
  return own ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
}

function tooLarge(size: number, limit: number): Result<never> {
  return fail('E_TOO_LARGE', `sealed file of ${size} bytes is over the ${limit}-byte limit`, { size, limit });
}

/** Opens sealed files for one recipient; the key was imported, and its public half derived, once. */
export interface NodeUnsealer {
  /** pkRm, the recipient's raw X25519 public key (part of the KEM context, RFC 9180 §4.1). */
  readonly publicKeyRaw: Uint8Array;
  /**
   * Opens one sealed file: E_TOO_LARGE above `maxBytes` (checked first; default the container cap plus 67 bytes),
   * E_SEAL for a missing magic, a short file, a wrong key or any changed byte. Synchronous; never throws.
   */
  open(sealed: Uint8Array, maxBytes?: number): Result<Uint8Array>;
}

/**
 * Prepares the recipient's raw 32-byte X25519 private key once (E_SEAL if it is not one). The unsealer holds the key
 * as a KeyObject for as long as the caller keeps it: main builds one inside KeyStore.withReceivingKey and lets it go
 * when the loan ends, so no private key outlives the call.
 */
export function createNodeUnsealer(privateRaw: Uint8Array): Result<NodeUnsealer> {
  if (privateRaw.length !== SEAL_KEY_BYTES) return fail('E_SEAL', 'private key is not 32 bytes');
  let skR: KeyObject;
  let pkRm: Buffer;
  try {
    skR = x25519PrivateKey(privateRaw);
    pkRm = publicRaw(skR);
  } catch {
    return fail('E_SEAL', 'not an X25519 private key');
  }
  const open = (sealed: Uint8Array, maxBytes: number = DEFAULT_MAX_SEALED_BYTES): Result<Uint8Array> => {
    if (sealed.length > maxBytes) return tooLarge(sealed.length, maxBytes);
    if (!isSealed(sealed)) return fail('E_SEAL', 'not a sealed package (magic missing)');
    if (sealed.length < SEAL_OVERHEAD) return fail('E_SEAL', 'sealed file is truncated');
    return openBody(skR, pkRm, sealed);
  };
  return ok({ publicKeyRaw: new Uint8Array(pkRm), open });
}

/** Decap (RFC 9180 §4.1), the key schedule (§5.1) and Open (§5.2) of one file whose magic and length were checked. */
function openBody(skR: KeyObject, pkRm: Buffer, sealed: Uint8Array): Result<Uint8Array> {
  const enc = sealed.subarray(MAGIC.length, ENC_END);
  const body = sealed.subarray(ENC_END, sealed.length - SEAL_TAG_BYTES);
  const tag = sealed.subarray(sealed.length - SEAL_TAG_BYTES);
  let plaintext: Buffer | undefined;
  try {
    const shared = sharedSecret(skR, x25519PublicKey(enc), enc, pkRm);
    const { key, nonce } = keySchedule(shared);
    shared.fill(0);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: SEAL_TAG_BYTES });
    key.fill(0);
    decipher.setAAD(MAGIC);
    decipher.setAuthTag(tag);
    plaintext = decipher.update(body);
    // final() checks the tag (RFC 9180 §5.2 Open): nothing is returned before it has.
    decipher.final();
    return ok(plainBytes(plaintext));
  } catch {
    plaintext?.fill(0);
    return fail('E_SEAL', 'cannot open: not sealed to this key, or damaged');
  }
}

/**
 * Opens a sealed file with a raw private key in one call, checking in openSealed's order: size (E_TOO_LARGE), magic,
 * length, key length (E_SEAL). For many files to one key, {@link createNodeUnsealer} once is cheaper.
 */
export function nodeOpenSealed(
  privateRaw: Uint8Array,
  sealed: Uint8Array,
  maxBytes: number = DEFAULT_MAX_SEALED_BYTES,
): Result<Uint8Array> {
  if (sealed.length > maxBytes) return tooLarge(sealed.length, maxBytes);
  if (!isSealed(sealed)) return fail('E_SEAL', 'not a sealed package (magic missing)');
  if (sealed.length < SEAL_OVERHEAD) return fail('E_SEAL', 'sealed file is truncated');
  const unsealer = createNodeUnsealer(privateRaw);
  return unsealer.ok ? unsealer.value.open(sealed, maxBytes) : unsealer;
}

/** Seals `plaintext` to a raw X25519 public key with a fresh random ephemeral key (RFC 9180 §4.1 Encap). */
export function nodeSealTo(recipientPublicRaw: Uint8Array, plaintext: Uint8Array): Result<Uint8Array> {
  return seal(recipientPublicRaw, plaintext, () => generateKeyPairSync('x25519').privateKey);
}

/**
 * FOR TEST VECTORS ONLY, like sealToWithEphemeralSeed in seal.ts: the ephemeral key comes from `ikmE` by DeriveKeyPair
 * (RFC 9180 §7.1.3: sk = LabeledExpand(LabeledExtract("", "dkp_prk", ikm), "sk", "", Nsk), used as the X25519
 * scalar as it is). Reusing an ephemeral key with one recipient reuses the AES-GCM key and nonce.
 */
export function nodeSealToWithEphemeralSeed(
  recipientPublicRaw: Uint8Array,
  plaintext: Uint8Array,
  ikmE: Uint8Array,
): Result<Uint8Array> {
  return seal(recipientPublicRaw, plaintext, () => {
    const dkpPrk = labeledExtract(KEM_SUITE, EMPTY, 'dkp_prk', ikmE);
    const sk = labeledExpand(KEM_SUITE, dkpPrk, 'sk', EMPTY, SEAL_KEY_BYTES);
    try {
      return x25519PrivateKey(sk);
    } finally {
      dkpPrk.fill(0);
      sk.fill(0);
    }
  });
}

/** Encap (RFC 9180 §4.1), the key schedule (§5.1) and Seal (§5.2) into magic ‖ enc ‖ ct ‖ tag. */
function seal(recipientPublicRaw: Uint8Array, plaintext: Uint8Array, ephemeral: () => KeyObject): Result<Uint8Array> {
  if (recipientPublicRaw.length !== SEAL_KEY_BYTES) return fail('E_SEAL', 'recipient public key is not 32 bytes');
  try {
    const skE = ephemeral();
    const enc = publicRaw(skE);
    const shared = sharedSecret(skE, x25519PublicKey(recipientPublicRaw), enc, recipientPublicRaw);
    const { key, nonce } = keySchedule(shared);
    shared.fill(0);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: SEAL_TAG_BYTES });
    key.fill(0);
    cipher.setAAD(MAGIC);
    const out = new Uint8Array(plaintext.length + SEAL_OVERHEAD);
    out.set(MAGIC, 0);
    out.set(enc, MAGIC.length);
    const ct = cipher.update(plaintext);
    out.set(ct, ENC_END);
    out.set(cipher.final(), ENC_END + ct.length);
    out.set(cipher.getAuthTag(), out.length - SEAL_TAG_BYTES);
    return ok(out);
  } catch {
    // RFC 9180 §7.1.4: an all-zero X25519 shared secret (a low-order public key) aborts encapsulation.
    return fail('E_SEAL', 'cannot seal to this public key');
  }
}
