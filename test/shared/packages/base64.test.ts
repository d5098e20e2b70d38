import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { toHex, utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';

/** Node's own encoder, as an independent reference (tests may use Node; src-shared may not). */
function reference(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

describe('base64 (RFC 4648 section 4)', () => {
  // RFC 4648 section 10, "Test Vectors".
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('BASE64(%j) = %j', (text, encoded) => {
    expect(encodeBase64(utf8Encode(text))).toBe(encoded);
    const decoded = decodeBase64Strict(encoded);
    expect(decoded && utf8Decode(decoded)).toBe(text);
  });

  it('round-trips any bytes and matches an independent encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(reference(bytes));
        const back = decodeBase64Strict(text);
        expect(back && toHex(back)).toBe(toHex(bytes));
      }),
    );
  });

  it('uses the whole alphabet, including + and /', () => {
    expect(encodeBase64(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('+/+/');
    expect(decodeBase64Strict('+/+/')).toEqual(Uint8Array.from([0xfb, 0xff, 0xbf]));
  });
});

describe('decodeBase64Strict accepts only the canonical spelling', () => {
  it.each([
    ['Zg', 'missing padding'],
    ['Zg=', 'too little padding'],
    ['Zg===', 'extra padding'],
    ['Zm8', 'missing padding'],
    ['Zm9v====', 'a whole block of padding'],
    ['Zm9vYg==Zm9v', 'padding in the middle'],
    ['Z=g=', 'padding inside a block'],
    ['=Zg=', 'padding first'],
    ['====', 'padding only'],
    ['Zh==', 'non-zero trailing bits (one byte)'],
    ['Zm9=', 'non-zero trailing bits (two bytes)'],
    ['-_-_', 'URL-safe alphabet (RFC 4648 section 5)'],
    ['Zm9v_w==', 'URL-safe underscore'],
    ['Zm9v\nYmFy', 'a line break'],
    ['Zm9v YmFy', 'a space'],
    [' Zm9v', 'leading whitespace'],
    ['Zm9v\r\n', 'trailing CRLF'],
    ['Zm9v\t', 'a tab'],
    ['Zm9.', 'a character outside the alphabet'],
    ['Zm9vÿ', 'a non-ASCII character'],
    ['Zm9v\u0000', 'a NUL'],
  ])('rejects %j (%s)', (text) => {
    expect(decodeBase64Strict(text)).toBeUndefined();
  });

  it('gives every byte string exactly one accepted text', () => {
    // Any text that decodes must be the encoder's own output for those bytes.
    const alphabet = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n'.split(''),
    );
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 16 }), (text) => {
        const decoded = decodeBase64Strict(text);
        if (decoded !== undefined) expect(encodeBase64(decoded)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects every change of the trailing bits of a canonical text', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 40 }).filter((b) => b.length % 3 !== 0),
        (bytes) => {
          const text = encodeBase64(bytes);
          const pads = text.endsWith('==') ? 2 : 1;
          const index = text.length - pads - 1;
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
          const last = alphabet.indexOf(text.charAt(index));
          const unused = pads === 2 ? 0b1111 : 0b11;
          for (let bits = 1; bits <= unused; bits++) {
            const variant = text.slice(0, index) + alphabet.charAt(last | bits) + text.slice(index + 1);
            expect(decodeBase64Strict(variant)).toBeUndefined();
          }
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (text) => {
        const decoded = decodeBase64Strict(text);
        if (decoded !== undefined) expect(encodeBase64(decoded)).toBe(text);
      }),
      { numRuns: 3000, interruptAfterTimeLimit: 4000 },
    );
  });
});
