import { webCrypto } from './web-crypto';

/**
 * Byte helpers for packages, in pure TypeScript: src-shared is type-checked without DOM or Node
 * types, so TextEncoder, TextDecoder and Buffer are not reachable here (docs/architecture.md).
 * UTF-8 follows RFC 3629; hashing goes through the one WebCrypto door (web-crypto.ts).
 */

const REPLACEMENT = 0xfffd;
const STRING_CHUNK = 8192;

/**
 * Encodes text as UTF-8 (RFC 3629). A lone surrogate becomes U+FFFD, exactly as the WHATWG
 * TextEncoder does, so the result is always well-formed UTF-8.
 */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = text.charCodeAt(i + 1); // NaN past the end, which fails the range test
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = REPLACEMENT;
      }
    }
    if (cp < 0x80) {
      out[n++] = cp;
    } else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 0x3f);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    }
  }
  return out.slice(0, n);
}

/** True when `b` is a UTF-8 continuation byte (10xxxxxx) within [lo, hi] (RFC 3629 section 4). */
function inRange(b: number | undefined, lo = 0x80, hi = 0xbf): b is number {
  return b !== undefined && b >= lo && b <= hi;
}

/**
 * Decodes UTF-8 fatally: any ill-formed sequence (RFC 3629 section 4: overlong forms, surrogates
 * U+D800–U+DFFF, code points above U+10FFFF, truncated or stray continuation bytes) gives
 * `undefined`. A leading byte order mark is kept as U+FEFF, not stripped.
 */
export function utf8Decode(bytes: Uint8Array): string | undefined {
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    if (b0 < 0x80) {
      units[n++] = b0;
      i += 1;
      continue;
    }
    const b1 = bytes[i + 1];
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (!inRange(b1)) return undefined;
      units[n++] = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      // RFC 3629 section 4: E0 needs A0–BF (no overlong), ED needs 80–9F (no surrogates).
      const b2 = bytes[i + 2];
      if (!inRange(b1, b0 === 0xe0 ? 0xa0 : 0x80, b0 === 0xed ? 0x9f : 0xbf) || !inRange(b2)) return undefined;
      units[n++] = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      // RFC 3629 section 4: F0 needs 90–BF (no overlong), F4 needs 80–8F (at most U+10FFFF).
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (!inRange(b1, b0 === 0xf0 ? 0x90 : 0x80, b0 === 0xf4 ? 0x8f : 0xbf) || !inRange(b2) || !inRange(b3)) {
        return undefined;
      }
      const cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      i += 4;
    } else {
      return undefined; // C0, C1, F5–FF never start a sequence; 80–BF cannot start one
    }
  }
  return fromCharCodes(units.subarray(0, n));
}

/** The string of the given UTF-16 code units (or Latin-1 bytes), built in chunks to bound the stack. */
export function fromCharCodes(units: Uint16Array | Uint8Array): string {
  let text = '';
  for (let start = 0; start < units.length; start += STRING_CHUNK) {
    const chunk = units.subarray(start, Math.min(units.length, start + STRING_CHUNK));
    // apply takes any array-like at run time; the cast only widens TypeScript's number[] parameter.
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

/** Joins byte arrays into one new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Byte-wise equality (not constant-time: for public values such as hashes and canonical bytes). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const HEX_DIGITS = '0123456789abcdef';

/** Lowercase hexadecimal, two digits per byte (RFC 4648 section 8 alphabet, lower case). */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += (HEX_DIGITS[b >> 4] ?? '') + (HEX_DIGITS[b & 15] ?? '');
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30; // 0-9
  if (code >= 0x61 && code <= 0x66) return code - 0x57; // a-f
  if (code >= 0x41 && code <= 0x46) return code - 0x37; // A-F
  return -1;
}

/** Parses hexadecimal (either case, even length, nothing else); `undefined` for anything else. */
export function fromHex(text: string): Uint8Array | undefined {
  if (text.length % 2 !== 0) return undefined;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(text.charCodeAt(2 * i));
    const lo = hexValue(text.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** SHA-256 (FIPS 180-4) of the bytes, through the platform's WebCrypto. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await webCrypto().subtle.digest('SHA-256', bytes));
}

/** SHA-256 of the bytes as 64 lowercase hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(await sha256(bytes));
}
