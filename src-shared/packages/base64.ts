import { fromCharCodes } from './bytes';

/**
 * Base64 with the standard alphabet and padding (RFC 4648 section 4), in pure TypeScript.
 * Decoding is canonical-only (RFC 4648 section 3.5 allows decoders to reject non-zero pad bits,
 * section 3.3 to reject characters outside the alphabet), so each byte string has exactly one
 * accepted text: a re-encoded envelope can never carry a second spelling of the same signature.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='

/** Maps a character code to its 6-bit value, or -1 outside the standard alphabet. */
const DECODE: readonly number[] = (() => {
  const table: number[] = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

function sextet(text: string, index: number): number {
  return DECODE[text.charCodeAt(index)] ?? -1;
}

const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Encodes bytes as padded standard base64 (RFC 4648 section 4). */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4).fill(PAD);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i; // 1 or 2 in the last group: the missing bytes count as zero
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o] = CODES[n >> 18] ?? PAD;
    out[o + 1] = CODES[(n >> 12) & 63] ?? PAD;
    if (rest > 1) out[o + 2] = CODES[(n >> 6) & 63] ?? PAD;
    if (rest > 2) out[o + 3] = CODES[n & 63] ?? PAD;
    o += 4;
  }
  return fromCharCodes(out);
}

/**
 * Decodes the canonical base64 spelling of some bytes, or gives `undefined`: the length must be a
 * multiple of 4, only the standard alphabet (no '-' or '_', RFC 4648 section 5 is a different
 * encoding), no whitespace or line breaks (section 3.1), padding exactly as the encoder writes it
 * (section 3.2), and the unused bits before the padding zero (section 3.5).
 */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const pads =
    text.length === 0
      ? 0
      : text.charCodeAt(text.length - 1) !== PAD
        ? 0
        : text.charCodeAt(text.length - 2) === PAD
          ? 2
          : 1;
  const out = new Uint8Array((text.length / 4) * 3 - pads);
  const full = text.length - (pads === 0 ? 0 : 4);
  let o = 0;
  for (let i = 0; i < full; i += 4) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = sextet(text, i + 2);
    const d = sextet(text, i + 3);
    if ((a | b | c | d) < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (pads === 0) return out;
  const a = sextet(text, full);
  const b = sextet(text, full + 1);
  if (a < 0 || b < 0) return undefined;
  if (pads === 2) {
    if ((b & 0x0f) !== 0) return undefined; // 4 unused bits must be zero
    out[o] = (a << 2) | (b >> 4);
    return out;
  }
  const c = sextet(text, full + 2);
  if (c < 0 || (c & 0x03) !== 0) return undefined; // 2 unused bits must be zero
  out[o] = (a << 2) | (b >> 4);
  out[o + 1] = ((b & 0x0f) << 4) | (c >> 2);
  return out;
}
