import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { toHex, utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';
import { pae, parseEnvelope, serializeEnvelope, signEnvelope } from '../../../src-shared/packages/dsse';
import {
  exportPublicRaw,
  fingerprintOf,
  generateSigningKeyPair,
  signEd25519,
  verifyEd25519,
} from '../../../src-shared/packages/ed25519';
import { isCanonicalJsonBytes } from '../../../src-shared/packages/jcs';
import type { CryptoKeyPairLike } from '../../../src-shared/packages/web-crypto';

const TYPE = 'application/vnd.scorebook.sheet.v1+json';
const SIG64 = encodeBase64(new Uint8Array(64).fill(7));

let pair: CryptoKeyPairLike;
let publicRaw: Uint8Array;
let keyId: string;

beforeAll(async () => {
  pair = await generateSigningKeyPair(false);
  publicRaw = await exportPublicRaw(pair.publicKey);
  keyId = await fingerprintOf(publicRaw);
});

const sign = (message: Uint8Array): Promise<Uint8Array> => signEd25519(pair.privateKey, message);

function malformedDetail<T>(result: Result<T>): string | number | undefined {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.code).toBe('E_MALFORMED');
  return result.error.params?.detail;
}

/** A well-formed envelope as JSON text, with any field replaced. */
function envelopeText(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    payloadType: TYPE,
    payload: encodeBase64(utf8Encode('{"schema":1}')),
    signatures: [{ keyid: 'k', sig: SIG64 }],
    ...fields,
  });
}

/** The RFC 4648 section 5 spelling of a standard base64 text. */
const urlSafe = (text: string): string => text.replace(/\+/g, '-').replace(/\//g, '_');

const parseText = (text: string) => parseEnvelope(utf8Encode(text));

describe('pae (DSSE protocol.md, "Signature definition")', () => {
  it('encodes the DSSE specification example', () => {
    const encoded = pae('http://example.com/HelloWorld', utf8Encode('hello world'));
    expect(utf8Decode(encoded)).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes of the UTF-8 type and body, not characters', () => {
    expect(utf8Decode(pae('类型', utf8Encode('é')))).toBe('DSSEv1 6 类型 2 é');
    expect(toHex(pae('t', Uint8Array.from([0xff, 0x00])))).toBe(toHex(utf8Encode('DSSEv1 1 t 2 ')) + 'ff00');
    expect(utf8Decode(pae('t', new Uint8Array()))).toBe('DSSEv1 1 t 0 ');
  });
});

describe('signEnvelope → parseEnvelope → verify', () => {
  it('writes canonical JSON with the payload and signature in base64', async () => {
    const bytes = await signEnvelope(TYPE, utf8Encode('{"a":1}'), keyId, sign);
    const json = isCanonicalJsonBytes(bytes);
    expect(json.ok).toBe(true);
    expect(utf8Decode(bytes)).toMatch(
      /^\{"payload":"eyJhIjoxfQ==","payloadType":"application\/vnd\.scorebook\.sheet\.v1\+json","signatures":\[\{"keyid":"[0-9a-f]{64}","sig":"[A-Za-z0-9+/]{86}=="\}\]\}$/,
    );
  });

  it('round-trips any payload and type, and the signature verifies over the PAE', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 256 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 70 }),
        async (payloadBytes, payloadType, id) => {
          const envelope = await signEnvelope(payloadType, payloadBytes, id, sign);
          const parsed = parseEnvelope(envelope);
          if (!parsed.ok) throw new Error(parsed.error.message);
          expect(parsed.value.payloadType).toBe(payloadType);
          expect(toHex(parsed.value.payloadBytes)).toBe(toHex(payloadBytes));
          expect(parsed.value.keyId).toBe(id);
          const { signature } = parsed.value;
          expect(await verifyEd25519(publicRaw, signature, pae(payloadType, payloadBytes))).toBe(true);
          // the signature binds the type as well as the body
          expect(await verifyEd25519(publicRaw, signature, pae(payloadType + 'x', payloadBytes))).toBe(false);
          expect(serializeEnvelope(parsed.value)).toEqual(envelope);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuses to sign what no receiver would accept, before signing', async () => {
    const spy = vi.fn(sign);
    await expect(signEnvelope('', new Uint8Array(), 'k', spy)).rejects.toThrow(TypeError);
    await expect(signEnvelope('a\ud800', new Uint8Array(), 'k', spy)).rejects.toThrow(TypeError);
    await expect(signEnvelope(TYPE, new Uint8Array(), '\udc00', spy)).rejects.toThrow(TypeError);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('parseEnvelope rejects malformed envelopes with E_MALFORMED', () => {
  it('accepts the well-formed baseline, whitespace and key order included', () => {
    const parsed = parseText(envelopeText());
    expect(parsed.ok && parsed.value.signature.length).toBe(64);
    expect(parseText(JSON.stringify(JSON.parse(envelopeText()), null, 2)).ok).toBe(true);
  });

  it.each([
    ['an extra top-level key', envelopeText({ extra: 1 }), 'Unrecognized key: "extra"'],
    ['zero signatures', envelopeText({ signatures: [] }), 'signatures: exactly one signature is required'],
    [
      'two signatures',
      envelopeText({
        signatures: [
          { keyid: 'k', sig: SIG64 },
          { keyid: 'k', sig: SIG64 },
        ],
      }),
      'signatures: exactly one signature is required',
    ],
    [
      'an extra key in the signature',
      envelopeText({ signatures: [{ keyid: 'k', sig: SIG64, cert: 'x' }] }),
      'signatures.0: Unrecognized key: "cert"',
    ],
    [
      'a missing payload',
      JSON.stringify({ payloadType: TYPE, signatures: [{ keyid: 'k', sig: SIG64 }] }),
      /^payload: /,
    ],
    ['a numeric payloadType', envelopeText({ payloadType: 1 }), /^payloadType: .*expected string/],
    ['an empty payloadType', envelopeText({ payloadType: '' }), 'payloadType: payloadType must not be empty'],
    ['a null payload', envelopeText({ payload: null }), /^payload: .*expected string/],
    ['a numeric keyid', envelopeText({ signatures: [{ keyid: 5, sig: SIG64 }] }), /^signatures\.0\.keyid: /],
    ['an array sig', envelopeText({ signatures: [{ keyid: 'k', sig: [] }] }), /^signatures\.0\.sig: /],
    ['signatures as an object', envelopeText({ signatures: { keyid: 'k', sig: SIG64 } }), /^signatures: /],
    ['a top-level array', '[]', /expected object/],
    ['a top-level string', '"envelope"', /expected object/],
    ['URL-safe base64 in the payload', envelopeText({ payload: 'eyJhIjo-fQ__' }), 'payload is not canonical base64'],
    ['unpadded payload', envelopeText({ payload: 'eyJhIjoxfQ' }), 'payload is not canonical base64'],
    ['non-zero pad bits in the payload', envelopeText({ payload: 'eyJhIjoxfR==' }), 'payload is not canonical base64'],
    ['a line break in the payload', envelopeText({ payload: 'eyJh\nIjoxfQ==' }), 'payload is not canonical base64'],
    [
      'URL-safe base64 in the sig',
      envelopeText({ signatures: [{ keyid: 'k', sig: urlSafe(encodeBase64(new Uint8Array(64).fill(0xfb))) }] }),
      'sig is not canonical base64',
    ],
    [
      'a 63-byte signature',
      envelopeText({ signatures: [{ keyid: 'k', sig: encodeBase64(new Uint8Array(63)) }] }),
      'signature is 63 bytes, Ed25519 needs 64',
    ],
    [
      'a 65-byte signature',
      envelopeText({ signatures: [{ keyid: 'k', sig: encodeBase64(new Uint8Array(65)) }] }),
      'signature is 65 bytes, Ed25519 needs 64',
    ],
    [
      'a duplicate top-level key',
      envelopeText().replace('{', `{"payloadType":"other",`),
      'duplicate key "payloadType"',
    ],
    [
      'a duplicate key in the signature',
      envelopeText().replace('{"keyid":"k"', '{"keyid":"k","keyid":"k2"'),
      'duplicate key "keyid"',
    ],
    ['trailing garbage', envelopeText() + 'x', `invalid JSON at position ${envelopeText().length}`],
    ['a second document', envelopeText() + '{}', `invalid JSON at position ${envelopeText().length}`],
    ['truncation', envelopeText().slice(0, -1), `invalid JSON at position ${envelopeText().length - 1}`],
  ])('%s', (_name, text, expected) => {
    const got = malformedDetail(parseText(text));
    if (expected instanceof RegExp) expect(String(got)).toMatch(expected);
    else expect(got).toBe(expected);
  });

  it('reads ASCII and non-ASCII envelopes alike (the all-ASCII fast path decodes as UTF-8 does)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ unit: 'binary' }), (type, id) => {
        const signature = new Uint8Array(64).fill(id.length & 0xff);
        const parts = { payloadType: type, payloadBytes: utf8Encode(id), keyId: id, signature };
        let bytes: Uint8Array;
        try {
          bytes = serializeEnvelope(parts);
        } catch {
          return; // a lone surrogate: not sendable, and not what this test is about
        }
        const parsed = parseEnvelope(bytes);
        expect(parsed.ok && parsed.value).toEqual(parts);
        // A trailing byte after the JSON is refused on both paths: DEL (ASCII) and é (UTF-8).
        for (const extra of ['\u007f', 'é']) {
          expect(parseEnvelope(utf8Encode(`${utf8Decode(bytes) ?? ''}${extra}`)).ok).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects invalid UTF-8 and oversized input', () => {
    const bytes = utf8Encode(envelopeText());
    const broken = Uint8Array.from([...bytes.slice(0, 20), 0xc0, 0x80, ...bytes.slice(20)]);
    expect(malformedDetail(parseEnvelope(broken))).toBe('invalid UTF-8');
    expect(malformedDetail(parseEnvelope(bytes, bytes.length - 1))).toBe(
      `envelope longer than ${bytes.length - 1} bytes`,
    );
    expect(parseEnvelope(bytes, bytes.length).ok).toBe(true);
  });

  it('never throws on arbitrary bytes or on mutations of a valid envelope', () => {
    const valid = utf8Encode(envelopeText());
    const mutated = fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }))
      .map(([index, byte]) => {
        const copy = valid.slice();
        copy[index] = byte;
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated), (bytes) => {
        const result = parseEnvelope(bytes);
        if (!result.ok) expect(result.error.code).toBe('E_MALFORMED');
      }),
      { numRuns: 3000, interruptAfterTimeLimit: 4000 },
    );
  });
});
