import { fail, ok, type Result } from '../contract/result';
import { bytesEqual, utf8Decode, utf8Encode } from './bytes';

/**
 * JSON Canonicalization Scheme (JCS, RFC 8785) and a strict JSON parser (RFC 8259) for payloads.
 * Canonical bytes make the same content give the same hash (docs/package-format.md, layer 1);
 * the strict parser refuses what JSON.parse quietly accepts (duplicate keys keep the last value).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Deepest nesting of arrays and objects accepted by the parser and the canonicaliser. */
export const MAX_JSON_DEPTH = 64;

/** Default upper bound of the parser's input: 8 MiB (characters for text, bytes for bytes). */
export const DEFAULT_MAX_JSON_LENGTH = 8 * 1024 * 1024;

export interface JsonLimits {
  /** Longest accepted input; default {@link DEFAULT_MAX_JSON_LENGTH}. */
  readonly maxLength?: number;
}

/** Internal control flow of the parser and serialiser; never escapes this module. */
class JsonProblem {
  constructor(readonly detail: string) {}
}

function nonCanonical<T>(detail: string): Result<T> {
  return fail('E_NONCANONICAL', `JSON rejected: ${detail}`, { detail });
}

// ---------------------------------------------------------------------------------------------
// Serialisation (RFC 8785 section 3.2)

// RFC 8259 section 7 two-character escapes: the letter after the backslash, and what it stands for.
const ESCAPE_LETTERS = '"\\/bfnrt';
const ESCAPE_CHARS = '"\\/\b\f\n\r\t';
// eslint-disable-next-line no-control-regex -- the control characters are exactly what is searched for
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function serializeString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  let start = 0; // the run of characters since the last escape, copied as it is
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      // RFC 8785 section 3.2.2.2 and I-JSON (RFC 7493 section 2.1): strings must be valid Unicode.
      const next = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) throw new JsonProblem('lone surrogate in string');
      i++;
      continue;
    }
    // RFC 8785 section 3.2.2.2: only '"', '\\' and the controls are escaped ('/' is not): with the
    // short escape where one exists, else \u00xx in lower case.
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    const short = ESCAPE_CHARS.indexOf(text.charAt(i));
    out +=
      text.slice(start, i) +
      (short >= 0 ? '\\' + ESCAPE_LETTERS.charAt(short) : '\\u' + c.toString(16).padStart(4, '0'));
    start = i + 1;
  }
  return out + text.slice(start) + '"';
}

function serialize(value: JsonValue | undefined, depth: number, out: string[]): void {
  if (value === null) out.push('null');
  else if (value === true) out.push('true');
  else if (value === false) out.push('false');
  else if (typeof value === 'number') {
    // RFC 8785 section 3.2.2.3: ECMAScript Number.prototype.toString; -0 is "0"; no NaN or Infinity.
    if (!Number.isFinite(value)) throw new JsonProblem('number is not finite');
    out.push(String(value));
  } else if (typeof value === 'string') out.push(serializeString(value));
  else if (typeof value === 'object') {
    if (depth >= MAX_JSON_DEPTH) throw new JsonProblem(`nesting deeper than ${MAX_JSON_DEPTH}`);
    if (Array.isArray(value)) {
      out.push('[');
      value.forEach((item, index) => {
        if (index > 0) out.push(',');
        serialize(item, depth + 1, out);
      });
      out.push(']');
    } else {
      // RFC 8785 section 3.2.3: properties sorted by their names as arrays of UTF-16 code units,
      // which is how ECMAScript's < compares strings (faster than sort()'s default comparison).
      out.push('{');
      Object.keys(value)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .forEach((key, index) => {
          if (index > 0) out.push(',');
          out.push(serializeString(key), ':');
          serialize(value[key], depth + 1, out);
        });
      out.push('}');
    }
  } else {
    throw new JsonProblem(`unsupported value of type ${typeof value}`);
  }
}

/**
 * The RFC 8785 canonical JSON text of a value: no whitespace, object properties sorted by UTF-16
 * code units, numbers in ECMAScript form, strings escaped as JSON.stringify does. Fails
 * (E_NONCANONICAL) for non-finite numbers, lone surrogates and nesting deeper than 64.
 */
export function canonicalJson(value: JsonValue): Result<string> {
  const out: string[] = [];
  try {
    serialize(value, 0, out);
  } catch (error) {
    if (error instanceof JsonProblem) return nonCanonical(error.detail);
    throw error;
  }
  return ok(out.join(''));
}

/** The canonical JSON of a value as UTF-8 bytes (RFC 8785 section 3.2.4). */
export function canonicalBytes(value: JsonValue): Result<Uint8Array> {
  const text = canonicalJson(value);
  return text.ok ? ok(utf8Encode(text.value)) : text;
}

// ---------------------------------------------------------------------------------------------
// Strict parsing (RFC 8259 grammar; I-JSON, RFC 7493, for duplicates, surrogates and numbers)

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseDocument(): JsonValue {
    const value = this.value(0);
    this.skipWhitespace();
    if (this.pos !== this.text.length) this.invalid();
    return value;
  }

  private invalid(at = this.pos): never {
    throw new JsonProblem(`invalid JSON at position ${at}`);
  }

  // RFC 8259 section 2: whitespace is space, tab, line feed, carriage return, nothing else.
  private skipWhitespace(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  private value(depth: number): JsonValue {
    this.skipWhitespace();
    const c = this.text[this.pos];
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH) throw new JsonProblem(`nesting deeper than ${MAX_JSON_DEPTH}`);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    for (const literal of [true, false, null]) {
      const word = String(literal);
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return literal;
      }
    }
    return this.number();
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) this.invalid();
    const value = Number(match[0]);
    // I-JSON (RFC 7493 section 2.2): a number must fit an IEEE 754 double; 1e400 does not.
    if (!Number.isFinite(value)) throw new JsonProblem(`number out of range at position ${this.pos}`);
    this.pos += match[0].length;
    return value;
  }

  private object(depth: number): JsonValue {
    this.pos++; // '{'
    const result: { [key: string]: JsonValue } = {};
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.invalid();
      const key = this.string();
      // RFC 8785 section 3.1 and I-JSON (RFC 7493 section 2.3): member names must be unique.
      if (Object.hasOwn(result, key)) throw new JsonProblem(`duplicate key ${JSON.stringify(key.slice(0, 64))}`);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.invalid();
      this.pos++;
      // defineProperty, not assignment: a "__proto__" member stays data and never sets the prototype.
      const member = { value: this.value(depth), enumerable: true, writable: true, configurable: true };
      Object.defineProperty(result, key, member);
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === '}') return result;
      if (next !== ',') this.invalid(this.pos - 1);
    }
  }

  private array(depth: number): JsonValue {
    this.pos++; // '['
    const result: JsonValue[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth));
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === ']') return result;
      if (next !== ',') this.invalid(this.pos - 1);
    }
  }

  private hex4(at: number): number {
    const digits = this.text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.invalid(at);
    return parseInt(digits, 16);
  }

  private string(): string {
    this.pos++; // '"'
    let out = '';
    let start = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) this.invalid();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += this.text.slice(start, this.pos++);
        return out;
      }
      if (c < 0x20) this.invalid(); // RFC 8259 section 7: control characters must be escaped
      if (c === 0x5c) {
        out += this.text.slice(start, this.pos);
        out += this.escape();
        start = this.pos;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = this.text.charCodeAt(this.pos + 1);
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) this.loneSurrogate();
        this.pos += 2;
      } else {
        this.pos++;
      }
    }
  }

  private loneSurrogate(at = this.pos): never {
    // RFC 8785 section 3.2.2.2 / I-JSON (RFC 7493 section 2.1): strings must be valid Unicode.
    throw new JsonProblem(`lone surrogate at position ${at}`);
  }

  /** Reads one escape at `pos` (the backslash) and returns the text it stands for. */
  private escape(): string {
    const at = this.pos;
    const letter = this.text[at + 1] ?? '';
    if (letter !== 'u') {
      const simple = letter === '' ? -1 : ESCAPE_LETTERS.indexOf(letter);
      if (simple < 0) this.invalid(at);
      this.pos += 2;
      return ESCAPE_CHARS.charAt(simple);
    }
    const unit = this.hex4(at + 2);
    this.pos += 6;
    if (unit >= 0xdc00 && unit <= 0xdfff) this.loneSurrogate(at);
    if (unit < 0xd800 || unit > 0xdbff) return String.fromCharCode(unit);
    // a high surrogate must be followed at once by an escaped low surrogate
    if (this.text[this.pos] !== '\\' || this.text[this.pos + 1] !== 'u') this.loneSurrogate(at);
    const low = this.hex4(this.pos + 2);
    if (low < 0xdc00 || low > 0xdfff) this.loneSurrogate(at);
    this.pos += 6;
    return String.fromCharCode(unit, low);
  }
}

/**
 * Parses JSON text (RFC 8259) strictly, without JSON.parse: duplicate member names at any depth,
 * lone surrogates, numbers beyond a double, nesting deeper than 64 and input longer than
 * `maxLength` (default 8 MiB) are refused, each E_NONCANONICAL with a detail
 * ('duplicate key "name"', 'invalid JSON at position N', …). Never throws.
 */
export function parseJsonStrict(text: string, limits: JsonLimits = {}): Result<JsonValue> {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_JSON_LENGTH;
  if (text.length > maxLength) return nonCanonical(`input longer than ${maxLength} characters`);
  try {
    return ok(new Parser(text).parseDocument());
  } catch (error) {
    if (error instanceof JsonProblem) return nonCanonical(error.detail);
    // The parser's recursion is bounded by MAX_JSON_DEPTH, so nothing else is expected here.
    return nonCanonical(`parser failure: ${String(error)}`);
  }
}

/**
 * Checks that bytes are exactly the canonical JSON of what they contain (docs/package-format.md,
 * office step 6): fatal UTF-8 decoding, strict parse, canonicalise, compare byte for byte.
 * Gives the value, or E_NONCANONICAL with 'invalid UTF-8', 'duplicate key …', 'invalid JSON at
 * position N' (a character position), 'not canonical', … Never throws.
 */
export function isCanonicalJsonBytes(bytes: Uint8Array, limits: JsonLimits = {}): Result<JsonValue> {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_JSON_LENGTH;
  if (bytes.length > maxLength) return nonCanonical(`input longer than ${maxLength} bytes`);
  const text = utf8Decode(bytes);
  if (text === undefined) return nonCanonical('invalid UTF-8');
  const parsed = parseJsonStrict(text, { maxLength });
  if (!parsed.ok) return parsed;
  const canonical = canonicalBytes(parsed.value);
  if (!canonical.ok) return canonical;
  return bytesEqual(canonical.value, bytes) ? parsed : nonCanonical('not canonical');
}
