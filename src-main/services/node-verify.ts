import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { toHex } from '../../src-shared/packages/bytes';
import {
  ED25519_PUBLIC_KEY_BYTES,
  ED25519_SIGNATURE_BYTES,
  type Ed25519Verifier,
} from '../../src-shared/packages/ed25519';

/**
 * The signature check and the payload hash of openPackage (docs/package-format.md §5, steps 5–7) on node:crypto, for
 * main. WebCrypto's Ed25519 and SHA-256 are asynchronous: each call is handed to a worker thread and its answer comes
 * back through the event loop. After the millisecond of parsing around them, that round trip costs several times the
 * work itself whenever the machine is busy (docs/performance.md, "Packages"). node:crypto does the same OpenSSL
 * operations synchronously. Results are the same: in Node, WebCrypto's Ed25519 is this OpenSSL verification.
 */

/**
 * Ed25519 verification (RFC 8032 §5.1.7, pure Ed25519: no context, no pre-hash) with each distinct raw public key
 * imported once. Keys are cached by their raw bytes, so the cache never changes which key verifies; the registry
 * chooses it, and revocation is checked before (step 4). At `maxKeys` distinct keys the cache starts over. Build one
 * per run (an office import, a CLI call); never throws: wrong lengths, unusable keys and errors are `false`.
 */
export function createNodeSignatureVerifier(maxKeys = 1024): Ed25519Verifier {
  const keys = new Map<string, KeyObject>();
  const keyFor = (publicRaw: Uint8Array): KeyObject => {
    const id = toHex(publicRaw);
    let key = keys.get(id);
    if (key === undefined) {
      // The raw key as a JWK (RFC 8037 §2): "x" is the RFC 8032 §5.1.5 encoding in base64url.
      const x = Buffer.from(publicRaw.buffer, publicRaw.byteOffset, publicRaw.byteLength).toString('base64url');
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      if (keys.size >= maxKeys) keys.clear();
      keys.set(id, key);
    }
    return key;
  };
  return {
    verify(publicRaw, signature, message) {
      if (publicRaw.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
      try {
        // The algorithm is null for Ed25519: the key type decides (Node's crypto.verify).
        return verify(null, message, keyFor(publicRaw), signature);
      } catch {
        return false;
      }
    },
  };
}

/** SHA-256 (FIPS 180-4) as 64 lower-case hex digits, synchronously. */
export function nodeSha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
