import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../../../src-main/services/node-verify';
import { fromHex, sha256Hex, utf8Encode } from '../../../src-shared/packages/bytes';
import {
  exportPublicRaw,
  generateSigningKeyPair,
  signEd25519,
  verifyEd25519,
} from '../../../src-shared/packages/ed25519';

/**
 * Main's node:crypto signature check and hash must answer exactly as src-shared's WebCrypto ones (ed25519.ts,
 * bytes.ts): the office's verdict may not depend on which reader opened a package.
 */

function hex(text: string): Uint8Array {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new Error(`bad hex in test: ${text}`);
  return bytes;
}

/** RFC 8032 section 7.1, TEST 1 to 3: public key, message, signature. */
const RFC8032 = [
  {
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
].map((v) => ({ publicRaw: hex(v.public), message: hex(v.message), signature: hex(v.signature) }));

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  const index = Math.floor(bit / 8) % copy.length;
  copy[index] = (copy[index] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

describe('createNodeSignatureVerifier', () => {
  it('verifies the RFC 8032 section 7.1 vectors, and refuses every flipped bit as verifyEd25519 does', async () => {
    const verifier = createNodeSignatureVerifier();
    for (const { publicRaw, message, signature } of RFC8032) {
      expect(verifier.verify(publicRaw, signature, message)).toBe(true);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 511 }), fc.nat({ max: 255 }), async (s, k) => {
          const [sig, key] = [flipBit(signature, s), flipBit(publicRaw, k)];
          expect(verifier.verify(publicRaw, sig, message)).toBe(false);
          expect(verifier.verify(key, signature, message)).toBe(await verifyEd25519(key, signature, message));
        }),
        { numRuns: 30 },
      );
    }
  });

  it('agrees with verifyEd25519 on generated keys, any message, and keys cached across calls', async () => {
    const pairs = await Promise.all([0, 1, 2].map(() => generateSigningKeyPair(false)));
    const publics = await Promise.all(pairs.map((pair) => exportPublicRaw(pair.publicKey)));
    const verifier = createNodeSignatureVerifier(2); // three signers in two places: the cache starts over
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), fc.nat({ max: 2 }), fc.uint8Array({ maxLength: 200 }), async (s, k, m) => {
        const signer = pairs[s];
        const publicRaw = publics[k];
        if (signer === undefined || publicRaw === undefined) throw new Error('no key');
        const signature = await signEd25519(signer.privateKey, m);
        const expected = await verifyEd25519(publicRaw, signature, m);
        expect(expected).toBe(s === k);
        expect(verifier.verify(publicRaw, signature, m)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a non-canonical S (S + L, RFC 8032 section 5.1.7) and wrong lengths, and never throws', async () => {
    const verifier = createNodeSignatureVerifier();
    const [first] = RFC8032;
    if (first === undefined) throw new Error('no vector');
    const sig = first.signature.slice();
    const l = hex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    let carry = 0;
    for (let i = 0; i < 32; i++) {
      const sum = (sig[32 + i] ?? 0) + (l[i] ?? 0) + carry;
      sig[32 + i] = sum & 0xff;
      carry = sum >> 8;
    }
    expect(verifier.verify(first.publicRaw, sig, first.message)).toBe(false);
    expect(verifier.verify(first.publicRaw.subarray(1), first.signature, first.message)).toBe(false);
    expect(verifier.verify(first.publicRaw, first.signature.subarray(1), first.message)).toBe(false);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 40 })),
        fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.uint8Array({ maxLength: 70 })),
        fc.uint8Array({ maxLength: 64 }),
        async (k, s, m) => {
          expect(verifier.verify(k, s, m)).toBe(await verifyEd25519(k, s, m));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nodeSha256Hex', () => {
  it('matches the FIPS 180-2 "abc" example and WebCrypto on any bytes', async () => {
    expect(nodeSha256Hex(utf8Encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        expect(nodeSha256Hex(bytes)).toBe(await sha256Hex(bytes));
      }),
      { numRuns: 100 },
    );
  });
});
