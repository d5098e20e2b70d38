import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import { fromHex, sha256Hex, toHex, utf8Encode } from '../../../src-shared/packages/bytes';
import {
  createVerifyKeyCache,
  exportPrivatePkcs8,
  exportPublicRaw,
  fingerprintOf,
  formatFingerprint,
  generateSigningKeyPair,
  importPrivatePkcs8,
  importPublicRaw,
  signEd25519,
  verifyEd25519,
} from '../../../src-shared/packages/ed25519';
import { webCrypto, type CryptoKeyLike } from '../../../src-shared/packages/web-crypto';

/** PKCS#8 wrapping of a 32-byte Ed25519 seed (RFC 8410 section 7: OneAsymmetricKey, id-Ed25519). */
const PKCS8_PREFIX = '302e020100300506032b657004220420';

function hex(text: string): Uint8Array {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new Error(`bad hex in test: ${text}`);
  return bytes;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The key pair of an RFC 8032 secret seed, imported through PKCS#8. */
async function privateFromSeed(seedHex: string, extractable = false): Promise<CryptoKeyLike> {
  return value(await importPrivatePkcs8(hex(PKCS8_PREFIX + seedHex), extractable));
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice();
  const index = Math.floor(bit / 8) % copy.length;
  copy[index] = (copy[index] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

// RFC 8032 section 7.1, TEST 1, TEST 2 and TEST 3.
const RFC8032 = [
  {
    name: 'TEST 1',
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
      '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da' +
      '085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac' +
      '18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
] as const;

describe.each(RFC8032)('RFC 8032 section 7.1 $name', (vector) => {
  it('derives the public key from the secret seed', async () => {
    const privateKey = await privateFromSeed(vector.secret, true);
    const pkcs8 = await exportPrivatePkcs8(privateKey);
    expect(toHex(pkcs8)).toBe(PKCS8_PREFIX + vector.secret);
    // WebCrypto has no "public from private"; the JWK export of a private key carries x.
    const jwk = (await crypto.subtle.exportKey('jwk', privateKey as CryptoKey)) as { x?: string };
    expect(toHex(Uint8Array.from(Buffer.from(jwk.x ?? '', 'base64url')))).toBe(vector.public);
    const imported = value(await importPublicRaw(hex(vector.public)));
    expect(toHex(await exportPublicRaw(imported))).toBe(vector.public);
  });

  it('signs the message to exactly the published signature, which verifies', async () => {
    const privateKey = await privateFromSeed(vector.secret);
    const signature = await signEd25519(privateKey, hex(vector.message));
    expect(toHex(signature)).toBe(vector.signature);
    expect(await verifyEd25519(hex(vector.public), hex(vector.signature), hex(vector.message))).toBe(true);
  });

  it('fails verification for any flipped bit in message, signature or key', async () => {
    const publicRaw = hex(vector.public);
    const signature = hex(vector.signature);
    const message = hex(vector.message);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 511 }), fc.nat({ max: 255 }), fc.nat({ max: 15 }), async (s, k, m) => {
        expect(await verifyEd25519(publicRaw, flipBit(signature, s), message)).toBe(false);
        expect(await verifyEd25519(flipBit(publicRaw, k), signature, message)).toBe(false);
        if (message.length > 0) expect(await verifyEd25519(publicRaw, signature, flipBit(message, m))).toBe(false);
      }),
      { numRuns: 40 },
    );
    expect(await verifyEd25519(publicRaw, signature, Uint8Array.from([...message, 0]))).toBe(false);
  });
});

describe('generated keys', () => {
  it('sign and verify, export 32-byte public keys and (if extractable) PKCS#8', async () => {
    const pair = await generateSigningKeyPair(true);
    const publicRaw = await exportPublicRaw(pair.publicKey);
    expect(publicRaw.length).toBe(32);
    const message = utf8Encode('评分 85%');
    const signature = await signEd25519(pair.privateKey, message);
    expect(signature.length).toBe(64);
    expect(await verifyEd25519(publicRaw, signature, message)).toBe(true);
    const again = value(await importPrivatePkcs8(await exportPrivatePkcs8(pair.privateKey), false));
    expect(toHex(await signEd25519(again, message))).toBe(toHex(signature));
  });

  it('keeps a non-extractable private key inside WebCrypto', async () => {
    const pair = await generateSigningKeyPair(false);
    await expect(exportPrivatePkcs8(pair.privateKey)).rejects.toThrow();
    expect((await exportPublicRaw(pair.publicKey)).length).toBe(32);
  });
});

describe('bad input', () => {
  it('importPublicRaw refuses wrong lengths with E_MALFORMED', async () => {
    for (const length of [0, 31, 33, 64]) {
      const result = await importPublicRaw(new Uint8Array(length));
      expect(result.ok ? 'ok' : result.error.code).toBe('E_MALFORMED');
      expect(result.ok ? undefined : result.error.params?.detail).toBe(
        `public key is ${length} bytes, Ed25519 needs 32`,
      );
    }
  });

  it('importPrivatePkcs8 refuses what is not an Ed25519 PKCS#8 key', async () => {
    for (const bytes of [new Uint8Array(0), hex(RFC8032[0].secret), hex(PKCS8_PREFIX + RFC8032[0].secret.slice(2))]) {
      const result = await importPrivatePkcs8(bytes, false);
      expect(result.ok ? 'ok' : result.error.params?.detail).toBe('not an Ed25519 PKCS#8 private key');
    }
  });

  it('verifyEd25519 never throws: wrong lengths and arbitrary bytes are false', async () => {
    const vector = RFC8032[1];
    expect(await verifyEd25519(hex(vector.public).slice(1), hex(vector.signature), hex(vector.message))).toBe(false);
    expect(await verifyEd25519(hex(vector.public), hex(vector.signature).slice(1), hex(vector.message))).toBe(false);
    expect(await verifyEd25519(new Uint8Array(32).fill(0xff), new Uint8Array(64), new Uint8Array())).toBe(false);
    // S ≥ L (RFC 8032 section 5.1.7 requires rejecting a non-canonical S): add L to S of TEST 1.
    const sig = hex(RFC8032[0].signature);
    const l = hex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
    let carry = 0;
    for (let i = 0; i < 32; i++) {
      const sum = (sig[32 + i] ?? 0) + (l[i] ?? 0) + carry;
      sig[32 + i] = sum & 0xff;
      carry = sum >> 8;
    }
    expect(await verifyEd25519(hex(RFC8032[0].public), sig, new Uint8Array())).toBe(false);
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 70 }),
        fc.uint8Array(),
        async (k, s, m) => {
          expect(typeof (await verifyEd25519(k, s, m))).toBe('boolean');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('createVerifyKeyCache', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Counts WebCrypto key imports from here on. */
  const countImports = () => vi.spyOn(webCrypto().subtle, 'importKey');

  it('answers exactly as verifyEd25519 for the RFC 8032 vectors, flipped bits and swapped keys', async () => {
    const cache = createVerifyKeyCache();
    for (const vector of RFC8032) {
      const [publicRaw, signature, message] = [hex(vector.public), hex(vector.signature), hex(vector.message)];
      expect(await cache.verify(publicRaw, signature, message)).toBe(true);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 511 }), fc.nat({ max: 255 }), async (s, k) => {
          const [sig, key] = [flipBit(signature, s), flipBit(publicRaw, k)];
          expect(await cache.verify(publicRaw, sig, message)).toBe(await verifyEd25519(publicRaw, sig, message));
          expect(await cache.verify(key, signature, message)).toBe(await verifyEd25519(key, signature, message));
        }),
        { numRuns: 20 },
      );
    }
    // A key cached for one vector never verifies another vector's signature.
    const [a, b] = [RFC8032[0], RFC8032[2]];
    expect(await cache.verify(hex(a.public), hex(b.signature), hex(b.message))).toBe(false);
    expect(await cache.verify(hex(b.public), hex(b.signature), hex(b.message))).toBe(true);
  });

  it('imports each distinct public key once, and keeps nothing it could not import', async () => {
    const cache = createVerifyKeyCache();
    const imports = countImports();
    const [a, b] = [RFC8032[0], RFC8032[1]];
    for (let round = 0; round < 3; round++) {
      expect(await cache.verify(hex(a.public), hex(a.signature), hex(a.message))).toBe(true);
      expect(await cache.verify(hex(b.public), hex(b.signature), hex(b.message))).toBe(true);
      expect(await cache.verify(hex(a.public), hex(b.signature), hex(b.message))).toBe(false);
    }
    expect(imports).toHaveBeenCalledTimes(2);
    imports.mockRejectedValue(new Error('refused'));
    const unknown = new Uint8Array(32).fill(7);
    expect(await cache.verify(unknown, hex(a.signature), new Uint8Array())).toBe(false);
    expect(await cache.verify(unknown, hex(a.signature), new Uint8Array())).toBe(false);
    expect(imports).toHaveBeenCalledTimes(4);
  });

  it('starts over at maxKeys distinct keys, and refuses wrong lengths without importing', async () => {
    const cache = createVerifyKeyCache(2);
    const imports = countImports();
    const verifyAll = async (): Promise<boolean[]> =>
      Promise.all(RFC8032.map((v) => cache.verify(hex(v.public), hex(v.signature), hex(v.message))));
    expect(await verifyAll()).toEqual([true, true, true]);
    expect(await verifyAll()).toEqual([true, true, true]);
    expect(imports.mock.calls.length).toBeGreaterThan(3); // three keys never fit in two places
    imports.mockClear();
    const vector = RFC8032[1];
    expect(await cache.verify(hex(vector.public).slice(1), hex(vector.signature), hex(vector.message))).toBe(false);
    expect(await cache.verify(hex(vector.public), hex(vector.signature).slice(1), hex(vector.message))).toBe(false);
    expect(imports).not.toHaveBeenCalled();
  });
});

describe('fingerprints (docs/package-format.md, "Keys")', () => {
  it('is the lowercase hex SHA-256 of the raw public key', async () => {
    const publicRaw = hex(RFC8032[0].public);
    const fingerprint = await fingerprintOf(publicRaw);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).toBe(await sha256Hex(publicRaw));
    await expect(fingerprintOf(new Uint8Array(33))).rejects.toThrow(RangeError);
  });

  it('SHA-256 itself matches the FIPS 180-2 "abc" example', async () => {
    expect(await sha256Hex(utf8Encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('formats in upper-case groups of four', () => {
    expect(formatFingerprint('3f2a9c01')).toBe('3F2A 9C01');
    expect(formatFingerprint('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')).toBe(
      'BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223 B003 61A3 9617 7A9C B410 FF61 F200 15AD',
    );
    expect(formatFingerprint('abcde')).toBe('ABCD E');
    expect(formatFingerprint('')).toBe('');
  });
});

describe('hex (bytes.ts)', () => {
  it('round-trips and refuses odd lengths and non-hex characters', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
    expect(fromHex('ABcd')).toEqual(Uint8Array.from([0xab, 0xcd]));
    for (const bad of ['a', 'abc', 'zz', '0x00', 'a ', ' a', '١٢']) expect(fromHex(bad)).toBeUndefined();
  });
});
