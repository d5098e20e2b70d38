import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createNodeUnsealer,
  nodeOpenSealed,
  nodeSealTo,
  nodeSealToWithEphemeralSeed,
} from '../../../src-main/services/node-hpke';
import { decodeBase64Strict } from '../../../src-shared/packages/base64';
import {
  generateReceivingKeyPair,
  openSealed,
  sealTo,
  sealToWithEphemeralSeed,
} from '../../../src-shared/packages/seal';
import { hex, normalise, readVectorBlocks, RFC9180_A11 } from '../../shared/packages/vectors-fixture';

/**
 * node-hpke.ts against seal.ts and the published vectors: the two implementations must produce and accept exactly the
 * same files (docs/package-format.md §2.5), so the office may open with either. Every refusal is E_SEAL (or
 * E_TOO_LARGE above the cap), as openSealed answers, and nothing throws.
 */

const MAGIC = new Uint8Array(Buffer.from('SCOREBOOK-SEALED/1\n', 'latin1'));
const text = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const codeOf = (result: { ok: boolean; error?: { code: string } }): string | undefined => result.error?.code;

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const markdown = readFileSync(fileURLToPath(new URL('../../../docs/package-format.md', import.meta.url)), 'utf8');
const blocks = new Map(readVectorBlocks(markdown).map((block) => [block.name, block]));

function docBytes(name: string): Uint8Array {
  const block = blocks.get(name);
  if (block === undefined) throw new Error(`docs/package-format.md has no vector ${name}`);
  const value = normalise(block.encoding, block.raw);
  const bytes = block.encoding === 'hex' ? hex(value) : decodeBase64Strict(value);
  if (bytes === undefined) throw new Error(`vector ${name} is not canonical base64`);
  return bytes;
}

/**
 * The points of small order on Curve25519 as u-coordinates, and their non-canonical spellings (u + p): X25519 with
 * any of them gives an all-zero shared secret, which RFC 9180 §7.1.4 requires to abort.
 */
const LOW_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

describe('node-hpke against the published vectors', () => {
  const skRm = hex(RFC9180_A11.skRm);
  const pkRm = hex(RFC9180_A11.pkRm);
  const ikmE = hex(RFC9180_A11.ikmE);

  it('derives pkRm of RFC 9180 A.1.1 from skRm', () => {
    expect(must(createNodeUnsealer(skRm)).publicKeyRaw).toEqual(pkRm);
  });

  it('opens the sealed file of docs/package-format.md §8.10 to exactly the container of §8.9', () => {
    const sealed = docBytes('sealed');
    expect(createHash('sha256').update(sealed).digest('hex')).toBe(
      normalise('hex', blocks.get('sealed-sha256')?.raw ?? ''),
    );
    const container = docBytes('container');
    expect(must(nodeOpenSealed(skRm, sealed))).toEqual(container);
    expect(must(must(createNodeUnsealer(skRm)).open(sealed))).toEqual(container);
  });

  it('re-seals the container of §8.9 with ikmE to the published file byte for byte (DeriveKeyPair, §7.1.3)', () => {
    const sealed = must(nodeSealToWithEphemeralSeed(pkRm, docBytes('container'), ikmE));
    expect(Buffer.from(sealed.subarray(19, 51)).toString('hex')).toBe(RFC9180_A11.pkEm);
    expect(sealed).toEqual(docBytes('sealed'));
  });

  it('seals with a seed exactly as seal.ts does, for any plaintext and seed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        async (plaintext, seed) => {
          const ours = must(nodeSealToWithEphemeralSeed(pkRm, plaintext, seed));
          expect(ours).toEqual(must(await sealToWithEphemeralSeed(pkRm, plaintext, seed)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('node-hpke and seal.ts open what the other seals', () => {
  const sizes = [0, 1, 15, 16, 17, 4096, 100_000];

  it.each(sizes)('seal.ts → node-hpke, %i bytes', async (size) => {
    const keys = await generateReceivingKeyPair();
    const plaintext = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 0xff);
    const sealed = must(await sealTo(keys.publicKeyRaw, plaintext));
    expect(must(nodeOpenSealed(keys.privateKeyRaw, sealed))).toEqual(plaintext);
    expect(must(must(createNodeUnsealer(keys.privateKeyRaw)).open(sealed))).toEqual(plaintext);
  });

  it.each(sizes)('node-hpke → seal.ts, %i bytes', async (size) => {
    const keys = await generateReceivingKeyPair();
    const plaintext = new Uint8Array(size).map((_, i) => (i * 17 + 3) & 0xff);
    const sealed = must(nodeSealTo(keys.publicKeyRaw, plaintext));
    expect(sealed.length).toBe(size + 67);
    expect(sealed.subarray(0, 19)).toEqual(MAGIC);
    expect(must(await openSealed(keys.privateKeyRaw, sealed))).toEqual(plaintext);
    expect(must(nodeOpenSealed(keys.privateKeyRaw, sealed))).toEqual(plaintext);
  });

  it('uses a fresh ephemeral key for every seal', async () => {
    const keys = await generateReceivingKeyPair();
    const [a, b] = [must(nodeSealTo(keys.publicKeyRaw, text('x'))), must(nodeSealTo(keys.publicKeyRaw, text('x')))];
    expect(a.subarray(19, 51)).not.toEqual(b.subarray(19, 51));
  });

  it('gives a plain Uint8Array that owns its memory', async () => {
    const keys = await generateReceivingKeyPair();
    const opened = must(nodeOpenSealed(keys.privateKeyRaw, must(await sealTo(keys.publicKeyRaw, text('hello')))));
    expect(Object.getPrototypeOf(opened)).toBe(Uint8Array.prototype);
    expect(opened.buffer.byteLength).toBe(opened.byteLength);
  });
});

describe('node-hpke refusals', () => {
  it('refuses every single-byte change (magic, enc, ciphertext, tag) and every truncation with E_SEAL', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = must(await sealTo(keys.publicKeyRaw, text('a score sheet')));
    const unsealer = must(createNodeUnsealer(keys.privateKeyRaw));
    for (let at = 0; at < sealed.length; at++) {
      for (const mask of [0x01, 0x80]) {
        const changed = sealed.slice();
        changed[at] = (changed[at] ?? 0) ^ mask;
        expect(codeOf(unsealer.open(changed)), `byte ${at} ^ ${mask}`).toBe('E_SEAL');
        expect(codeOf(nodeOpenSealed(keys.privateKeyRaw, changed)), `byte ${at} ^ ${mask}`).toBe('E_SEAL');
      }
    }
    for (let length = 0; length < sealed.length; length++) {
      expect(codeOf(unsealer.open(sealed.subarray(0, length))), `length ${length}`).toBe('E_SEAL');
    }
    expect(codeOf(unsealer.open(new Uint8Array([...sealed, 0])))).toBe('E_SEAL'); // an extra byte
  });

  it('refuses the wrong private key and another magic', async () => {
    const [alice, bob] = [await generateReceivingKeyPair(), await generateReceivingKeyPair()];
    const sealed = must(nodeSealTo(alice.publicKeyRaw, text('hello')));
    expect(codeOf(nodeOpenSealed(bob.privateKeyRaw, sealed))).toBe('E_SEAL');
    const other = new Uint8Array([...text('SCOREBOOK-SEALED/2\n'), ...sealed.subarray(19)]);
    expect(codeOf(nodeOpenSealed(alice.privateKeyRaw, other))).toBe('E_SEAL');
  });

  it('refuses an all-zero or low-order enc, and sealing to a low-order key (RFC 9180 §7.1.4)', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = must(await sealTo(keys.publicKeyRaw, text('hello')));
    for (const point of LOW_ORDER) {
      const changed = sealed.slice();
      changed.set(hex(point), 19);
      expect(codeOf(nodeOpenSealed(keys.privateKeyRaw, changed)), point).toBe('E_SEAL');
      expect(codeOf(nodeSealTo(hex(point), text('hello'))), point).toBe('E_SEAL');
    }
  });

  it('answers E_TOO_LARGE above the cap before anything else, with the size and the limit', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = must(nodeSealTo(keys.publicKeyRaw, text('hello')));
    expect(nodeOpenSealed(keys.privateKeyRaw, sealed, sealed.length - 1)).toMatchObject({
      ok: false,
      error: { code: 'E_TOO_LARGE', params: { size: sealed.length, limit: sealed.length - 1 } },
    });
    expect(codeOf(nodeOpenSealed(new Uint8Array(3), new Uint8Array(100), 99))).toBe('E_TOO_LARGE');
    const unsealer = must(createNodeUnsealer(keys.privateKeyRaw));
    expect(codeOf(unsealer.open(sealed, sealed.length - 1))).toBe('E_TOO_LARGE');
    expect(must(unsealer.open(sealed, sealed.length))).toEqual(text('hello'));
  });

  it('refuses keys of the wrong length with E_SEAL', async () => {
    const keys = await generateReceivingKeyPair();
    const sealed = must(nodeSealTo(keys.publicKeyRaw, text('hello')));
    expect(codeOf(nodeOpenSealed(keys.privateKeyRaw.subarray(0, 31), sealed))).toBe('E_SEAL');
    expect(codeOf(createNodeUnsealer(new Uint8Array(33)))).toBe('E_SEAL');
    expect(codeOf(nodeSealTo(keys.publicKeyRaw.subarray(0, 31), text('hello')))).toBe('E_SEAL');
  });

  it('never throws on arbitrary bytes, with or without the magic', async () => {
    const keys = await generateReceivingKeyPair();
    const unsealer = must(createNodeUnsealer(keys.privateKeyRaw));
    await fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, withMagic) => {
        const file = withMagic ? new Uint8Array([...MAGIC, ...tail]) : tail;
        return (
          codeOf(unsealer.open(file)) === 'E_SEAL' && codeOf(nodeOpenSealed(keys.privateKeyRaw, file)) === 'E_SEAL'
        );
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (key) => {
        const made = createNodeUnsealer(key);
        return key.length === 32 ? made.ok : codeOf(made) === 'E_SEAL';
      }),
    );
  });
});
