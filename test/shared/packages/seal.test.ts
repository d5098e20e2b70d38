import { createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { Aes128Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  generateReceivingKeyPair,
  isSealed,
  openSealed,
  sealTo,
  sealToWithEphemeralSeed,
} from '../../../src-shared/packages/seal';

const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const MAGIC = ascii('SCOREBOOK-SEALED/1\n');
const INFO = ascii('scorebook.package/1');

/** RFC 9180 Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. */
const A11 = {
  info: hex('4f6465206f6e2061204772656369616e2055726e'),
  ikmE: hex('7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234'),
  pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  ikmR: hex('6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037'),
  pkRm: '3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d',
  skRm: '4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8',
  // the first encryption (sequence number 0)
  aad: hex('436f756e742d30'),
  pt: hex('4265617574792069732074727574682c20747275746820626561757479'),
  ct: 'f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a',
};

/**
 * An independent HPKE base-mode recipient (RFC 9180 §4.1, §5.1, §7.1) on node:crypto, written from
 * the RFC rather than from the library: X25519, HMAC-SHA256 and AES-GCM only.
 */
function referenceOpen(
  aead: { id: number; keyBytes: 16 | 32 },
  skR: Uint8Array,
  enc: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  ct: Uint8Array,
): Uint8Array {
  const u16 = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
  const hmac = (key: Uint8Array, data: Uint8Array): Buffer => createHmac('sha256', key).update(data).digest();
  const extract = (suite: Buffer, salt: Uint8Array, label: string, ikm: Uint8Array): Buffer =>
    hmac(salt, Buffer.concat([ascii('HPKE-v1'), suite, ascii(label), ikm]));
  const expand = (suite: Buffer, prk: Uint8Array, label: string, context: Uint8Array, length: number): Buffer =>
    hmac(prk, Buffer.concat([u16(length), ascii('HPKE-v1'), suite, ascii(label), context, Buffer.from([1])])).subarray(
      0,
      length, // one HMAC block is enough for every length used here (≤ 32)
    );
  const privateKey = createPrivateKey({
    key: Buffer.concat([hex('302e020100300506032b656e04220420'), skR]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey({
    key: Buffer.concat([hex('302a300506032b656e032100'), enc]),
    format: 'der',
    type: 'spki',
  });
  const pkR = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url');
  const kemSuite = Buffer.concat([ascii('KEM'), u16(0x0020)]);
  const dh = diffieHellman({ privateKey, publicKey });
  const eaePrk = extract(kemSuite, new Uint8Array(0), 'eae_prk', dh);
  const shared = expand(kemSuite, eaePrk, 'shared_secret', Buffer.concat([enc, pkR]), 32);
  const suite = Buffer.concat([ascii('HPKE'), u16(0x0020), u16(0x0001), u16(aead.id)]);
  const empty = new Uint8Array(0);
  const context = Buffer.concat([
    Buffer.from([0]), // mode_base
    extract(suite, empty, 'psk_id_hash', empty),
    extract(suite, empty, 'info_hash', info),
  ]);
  const secret = extract(suite, shared, 'secret', empty);
  const key = expand(suite, secret, 'key', context, aead.keyBytes);
  const nonce = expand(suite, secret, 'base_nonce', context, 12);
  const decipher = createDecipheriv(aead.keyBytes === 16 ? 'aes-128-gcm' : 'aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(ct.subarray(ct.length - 16));
  return new Uint8Array(Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]));
}

const AES_128_GCM = { id: 0x0001, keyBytes: 16 } as const;
const AES_256_GCM = { id: 0x0002, keyBytes: 32 } as const;

/** Splits our sealed format: magic, 32-byte enc, HPKE ciphertext. */
const parts = (sealed: Uint8Array): { enc: Uint8Array; ct: Uint8Array } => ({
  enc: sealed.subarray(MAGIC.length, MAGIC.length + 32),
  ct: sealed.subarray(MAGIC.length + 32),
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

const codeOf = (result: { ok: boolean; error?: { code: string } }): string | undefined => result.error?.code;

describe('RFC 9180 conformance', () => {
  it('the library reproduces test vector A.1.1 (keys, enc and the first ciphertext)', async () => {
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });
    const recipient = await suite.kem.deriveKeyPair(A11.ikmR);
    expect(toHex(new Uint8Array(await suite.kem.serializePrivateKey(recipient.privateKey)))).toBe(A11.skRm);
    expect(toHex(new Uint8Array(await suite.kem.serializePublicKey(recipient.publicKey)))).toBe(A11.pkRm);
    const recipientPublicKey = await suite.kem.deserializePublicKey(hex(A11.pkRm));
    const ekm = await suite.kem.deriveKeyPair(A11.ikmE);
    const { enc, ct } = await suite.seal({ recipientPublicKey, info: A11.info, ekm }, A11.pt, A11.aad);
    expect(toHex(new Uint8Array(enc))).toBe(A11.pkEm);
    expect(toHex(new Uint8Array(ct))).toBe(A11.ct);
    const recipientKey = await suite.kem.deserializePrivateKey(hex(A11.skRm));
    const opened = await suite.open({ recipientKey, enc, info: A11.info }, ct, A11.aad);
    expect(new Uint8Array(opened)).toEqual(A11.pt);
  });

  it('the node:crypto reference recipient reproduces A.1.1 too', () => {
    expect(referenceOpen(AES_128_GCM, hex(A11.skRm), hex(A11.pkEm), A11.info, A11.aad, hex(A11.ct))).toEqual(A11.pt);
  });

  it('the reference recipient opens what sealTo writes (AES-256-GCM, info, the magic as aad)', async () => {
    const keys = await generateReceivingKeyPair();
    const plaintext = ascii('a score sheet container');
    const { enc, ct } = parts(unwrap(await sealTo(keys.publicKeyRaw, plaintext)));
    expect(referenceOpen(AES_256_GCM, keys.privateKeyRaw, enc, INFO, MAGIC, ct)).toEqual(plaintext);
  });
});

describe('sealTo and openSealed', () => {
  const message = ascii('hello');

  it('round-trip, in the documented layout, with a fresh ephemeral key each time', async () => {
    const keys = await generateReceivingKeyPair();
    expect([keys.publicKeyRaw.length, keys.privateKeyRaw.length]).toEqual([32, 32]);
    const sealed = unwrap(await sealTo(keys.publicKeyRaw, message));
    expect(Buffer.from(sealed.subarray(0, 19)).toString('latin1')).toBe('SCOREBOOK-SEALED/1\n');
    expect(sealed.length).toBe(19 + 32 + message.length + 16);
    expect(isSealed(sealed)).toBe(true);
    expect(unwrap(await openSealed(keys.privateKeyRaw, sealed))).toEqual(message);
    expect(unwrap(await sealTo(keys.publicKeyRaw, message))).not.toEqual(sealed);
  });

  it('refuses the wrong private key', async () => {
    const [alice, bob] = [await generateReceivingKeyPair(), await generateReceivingKeyPair()];
    const sealed = unwrap(await sealTo(alice.publicKeyRaw, message));
    expect(codeOf(await openSealed(bob.privateKeyRaw, sealed))).toBe('E_SEAL');
  });

  it('refuses every single-byte change and every truncation', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = unwrap(await sealTo(keys.publicKeyRaw, message));
    for (let at = 0; at < sealed.length; at++) {
      for (const mask of [0x01, 0x80]) {
        const changed = sealed.slice();
        changed[at] = (changed[at] ?? 0) ^ mask;
        expect(codeOf(await openSealed(keys.privateKeyRaw, changed)), `byte ${at} ^ ${mask}`).toBe('E_SEAL');
      }
    }
    for (let length = 0; length < sealed.length; length++) {
      expect(codeOf(await openSealed(keys.privateKeyRaw, sealed.subarray(0, length))), `length ${length}`).toBe(
        'E_SEAL',
      );
    }
  });

  it('refuses a wrong magic and recognises only its own', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = unwrap(await sealTo(keys.publicKeyRaw, message));
    const other = new Uint8Array([...ascii('SCOREBOOK-SEALED/2\n'), ...sealed.subarray(19)]);
    expect(codeOf(await openSealed(keys.privateKeyRaw, other))).toBe('E_SEAL');
    expect(isSealed(other)).toBe(false);
    expect(isSealed(hex('504b0304'))).toBe(false); // a plain zip
    expect(isSealed(MAGIC.subarray(0, 18))).toBe(false);
  });

  it('answers E_TOO_LARGE above maxBytes, before anything else', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = unwrap(await sealTo(keys.publicKeyRaw, message));
    const tooLarge = await openSealed(keys.privateKeyRaw, sealed, sealed.length - 1);
    expect(tooLarge.ok ? undefined : tooLarge.error).toMatchObject({
      code: 'E_TOO_LARGE',
      params: { size: sealed.length, limit: sealed.length - 1 },
    });
    expect(codeOf(await openSealed(new Uint8Array(3), new Uint8Array(100), 99))).toBe('E_TOO_LARGE');
    expect(unwrap(await openSealed(keys.privateKeyRaw, sealed, sealed.length))).toEqual(message);
  });

  it('refuses unusable keys with E_SEAL instead of throwing', async () => {
    const keys = await generateReceivingKeyPair();
    expect(codeOf(await sealTo(new Uint8Array(31), message))).toBe('E_SEAL');
    expect(codeOf(await sealTo(new Uint8Array(32), message))).toBe('E_SEAL'); // low order: all-zero DH (§7.1.4)
    const sealed = unwrap(await sealTo(keys.publicKeyRaw, message));
    expect(codeOf(await openSealed(keys.privateKeyRaw.subarray(0, 31), sealed))).toBe('E_SEAL');
  });

  it('never throws on arbitrary bytes after the magic', async () => {
    const keys = await generateReceivingKeyPair();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (tail) => {
        const result = await openSealed(keys.privateKeyRaw, new Uint8Array([...MAGIC, ...tail]));
        return codeOf(result) === 'E_SEAL';
      }),
      { numRuns: 100 },
    );
  });
});

describe('sealToWithEphemeralSeed (test vectors only)', () => {
  const recipient = { publicKeyRaw: hex(A11.pkRm), privateKeyRaw: hex(A11.skRm) };
  const plaintext = A11.pt;
  /**
   * The example the spec can publish: magic ‖ enc (= A.1.1 pkEm) ‖ this ciphertext, sealed to A.1.1's pkRm
   * with A.1.1's ikmE and pt. Pinned so it cannot drift; the reference recipient below shows it is right.
   */
  const EXAMPLE_CT = '0503be0cc5f02f1c81ad2020e0f364319a9be0547f02f222bbe4198e2403c10cc486a394cbda9485450bedeac1';

  it('is deterministic, uses the RFC 9180 ephemeral key for the RFC ikmE, and opens with the private key', async () => {
    const sealed = unwrap(await sealToWithEphemeralSeed(recipient.publicKeyRaw, plaintext, A11.ikmE));
    expect(unwrap(await sealToWithEphemeralSeed(recipient.publicKeyRaw, plaintext, A11.ikmE))).toEqual(sealed);
    expect(toHex(parts(sealed).enc)).toBe(A11.pkEm); // same KEM as A.1.1, so the same enc
    expect(toHex(parts(sealed).ct)).toBe(EXAMPLE_CT);
    expect(unwrap(await openSealed(recipient.privateKeyRaw, sealed))).toEqual(plaintext);
    const { enc, ct } = parts(sealed);
    expect(referenceOpen(AES_256_GCM, recipient.privateKeyRaw, enc, INFO, MAGIC, ct)).toEqual(plaintext);
    const reseeded = unwrap(await sealToWithEphemeralSeed(recipient.publicKeyRaw, plaintext, new Uint8Array(32)));
    expect(reseeded).not.toEqual(sealed);
  });
});
