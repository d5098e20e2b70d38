import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import { fromHex, toHex, utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';
import {
  canonicalBytes,
  canonicalJson,
  isCanonicalJsonBytes,
  MAX_JSON_DEPTH,
  parseJsonStrict,
  type JsonValue,
} from '../../../src-shared/packages/jcs';

/** Fast-check settings for "never throws, never hangs": many runs, but a hard time budget. */
const FUZZ = { numRuns: 3000, interruptAfterTimeLimit: 4000 } as const;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function detail<T>(result: Result<T>): string | number | undefined {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.code).toBe('E_NONCANONICAL');
  return result.error.params?.detail;
}

/** Canonical JSON of JSON text, through the strict parser. */
function canon(text: string): string {
  return value(canonicalJson(value(parseJsonStrict(text))));
}

/** The IEEE 754 double with the given 16 hex digit bit pattern. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('RFC 8785 examples', () => {
  it('sorts properties by UTF-16 code units (section 3.2.3)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    expect(canon(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('canonicalises the sample of section 3.2.2 to the text and UTF-8 of section 3.2.4', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canon(input)).toBe(expected);
    const bytes = value(canonicalBytes(value(parseJsonStrict(input))));
    expect(toHex(bytes)).toBe(
      '7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b33333333333333333' +
        '32e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c7530' +
        '3030665c6e4127425c225c5c5c5c5c222f227d',
    );
    expect(value(isCanonicalJsonBytes(bytes))).toEqual(value(parseJsonStrict(input)));
  });

  // Appendix B, every row: IEEE 754 bit pattern → canonical text.
  const appendixB: readonly (readonly [string, string])[] = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  it.each(appendixB)('serialises the double 0x%s as %s (Appendix B)', (hex, text) => {
    expect(value(canonicalJson(double(hex)))).toBe(text);
    // and the text reads back as the same double
    expect(Object.is(value(parseJsonStrict(text)), double(hex) === 0 ? 0 : double(hex))).toBe(true);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
    'refuses the non-finite 0x%s (Appendix B: NaN and Infinity are errors)',
    (hex) => {
      expect(detail(canonicalJson(double(hex)))).toBe('number is not finite');
    },
  );

  it('writes the ECMAScript forms of 1e21 and 1e-7 and turns -0 into 0', () => {
    expect(value(canonicalJson([1e21, 1e20, 1e-7, 1e-6, -0, 100, 0.1]))).toBe(
      '[1e+21,100000000000000000000,1e-7,0.000001,0,100,0.1]',
    );
  });
});

describe('canonicalJson', () => {
  it('escapes strings as JSON.stringify does (RFC 8785 section 3.2.2.2)', () => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    expect(value(canonicalJson(controls + '"\\/\u007f\u2028é😀'))).toBe(
      JSON.stringify(controls + '"\\/\u007f\u2028é😀'),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = canonicalJson(text);
        if (LONE_SURROGATE.test(text)) expect(result.ok).toBe(false);
        else expect(value(result)).toBe(JSON.stringify(text));
      }),
    );
  });

  it('refuses lone surrogates in strings and keys, and nesting deeper than 64', () => {
    expect(detail(canonicalJson('\ud800'))).toBe('lone surrogate in string');
    expect(detail(canonicalJson({ ['a\udc00']: 1 }))).toBe('lone surrogate in string');
    expect(value(canonicalJson(JSON.parse(nested(MAX_JSON_DEPTH)) as JsonValue))).toBe(nested(MAX_JSON_DEPTH));
    expect(detail(canonicalJson(JSON.parse(nested(MAX_JSON_DEPTH + 1)) as JsonValue))).toBe('nesting deeper than 64');
  });

  it('keeps a "__proto__" member as data', () => {
    const parsed = value(parseJsonStrict('{"b":1,"__proto__":{"x":2}}'));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(value(canonicalJson(parsed))).toBe('{"__proto__":{"x":2},"b":1}');
  });

  it('is idempotent: parse(canon(x)) canonicalises to the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'grapheme' }), (json) => {
        const first = value(canonicalJson(json as JsonValue));
        const again = value(canonicalJson(value(parseJsonStrict(first))));
        expect(again).toBe(first);
        expect(value(isCanonicalJsonBytes(utf8Encode(first)))).toEqual(JSON.parse(first));
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseJsonStrict', () => {
  it('agrees with JSON.parse on valid JSON, whatever the whitespace', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ stringUnit: 'grapheme' }),
        fc.constantFrom(undefined, 1, '\t', ' \r\n'),
        (json, space) => {
          const text = JSON.stringify(json, null, space);
          expect(value(parseJsonStrict(text))).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['{"a":1,"a":2}', 'duplicate key "a"'],
    ['{"x":{"b":1,"b":1}}', 'duplicate key "b"'],
    ['[0,[{"c":[{"d":null,"e":0,"d":true}]}]]', 'duplicate key "d"'],
    ['{"a":1,"\\u0061":2}', 'duplicate key "a"'],
    ['{"__proto__":1,"__proto__":2}', 'duplicate key "__proto__"'],
  ])('rejects duplicate keys at any depth: %s', (text, expected) => {
    expect(detail(parseJsonStrict(text))).toBe(expected);
  });

  it.each([
    ['', 0],
    ['{"a":1,}', 7],
    ['[1,]', 3],
    ['{} x', 3],
    ['{}{}', 2],
    ['\ufeff{}', 0],
    ["{'a':1}", 1],
    ['[NaN]', 1],
    ['[01]', 2],
    ['[1.]', 2],
    ['[.5]', 1],
    ['[+1]', 1],
    ['["a\nb"]', 3],
    ['["\\x"]', 2],
    ['["\\u12"]', 4],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['/* c */ {}', 0],
    ['["open', 6],
    ['tru', 0],
    ['\u00a0[]', 0],
  ])('rejects invalid JSON %j at position %i', (text, position) => {
    expect(detail(parseJsonStrict(text))).toBe(`invalid JSON at position ${position}`);
  });

  it('rejects lone surrogates, escaped or raw, and accepts escaped pairs', () => {
    for (const text of ['"\\ud800"', '"\\udc00"', '"\\ud800\\u0041"', '"\\ud800x"', '"\ud800"', '"a\udfff"']) {
      expect(String(detail(parseJsonStrict(text)))).toMatch(/^lone surrogate at position \d+$/);
    }
    expect(value(parseJsonStrict('"\\ud83d\\ude00 \ud83d\ude00"'))).toBe('😀 😀');
  });

  it('rejects numbers beyond a double, nesting deeper than 64 and input over maxLength', () => {
    expect(detail(parseJsonStrict('[1e400]'))).toBe('number out of range at position 1');
    expect(value(parseJsonStrict(nested(MAX_JSON_DEPTH)))).toEqual(JSON.parse(nested(MAX_JSON_DEPTH)));
    expect(detail(parseJsonStrict(nested(MAX_JSON_DEPTH + 1)))).toBe('nesting deeper than 64');
    expect(detail(parseJsonStrict(nested(100_000)))).toBe('nesting deeper than 64');
    expect(value(parseJsonStrict('[1,2]', { maxLength: 5 }))).toEqual([1, 2]);
    expect(detail(parseJsonStrict('[1,2] ', { maxLength: 5 }))).toBe('input longer than 5 characters');
    expect(detail(parseJsonStrict(' '.repeat(8 * 1024 * 1024 + 1)))).toBe('input longer than 8388608 characters');
  });

  it('never throws or hangs on arbitrary text', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '"',
        '\\',
        'u',
        'd',
        '8',
        '0',
        '1',
        'e',
        '-',
        '.',
        ' ',
        'true',
        'null',
        '\ud800',
        '\udc00',
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), jsonish), (text) => {
        const result = parseJsonStrict(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.code).toBe('E_NONCANONICAL');
      }),
      FUZZ,
    );
  });
});

describe('isCanonicalJsonBytes', () => {
  it('accepts exactly the canonical bytes', () => {
    expect(value(isCanonicalJsonBytes(utf8Encode('{"a":[1,"é"],"b":null}')))).toEqual({ a: [1, 'é'], b: null });
  });

  it.each([
    ['{"a": 1}', 'not canonical'],
    ['{"b":1,"a":2}', 'not canonical'],
    ['["\\u00e9"]', 'not canonical'],
    ['[1.0]', 'not canonical'],
    ['[1E3]', 'not canonical'],
    ['["\\/"]', 'not canonical'],
    ['{}\n', 'not canonical'],
    ['{"a":1,"a":1}', 'duplicate key "a"'],
    ['\ufeff{}', 'invalid JSON at position 0'],
  ])('rejects %j: %s', (text, expected) => {
    expect(detail(isCanonicalJsonBytes(utf8Encode(text)))).toBe(expected);
  });

  it.each(['c080', 'e08080', 'eda080', 'f4908080', 'f5808080', 'e282', '80', 'ff'])(
    'rejects the invalid UTF-8 %s (RFC 3629 section 4)',
    (hex) => {
      const bytes = fromHex(`22${hex}22`) ?? new Uint8Array();
      expect(detail(isCanonicalJsonBytes(bytes))).toBe('invalid UTF-8');
    },
  );

  it('bounds the input length before decoding', () => {
    expect(detail(isCanonicalJsonBytes(utf8Encode('[1,2]'), { maxLength: 4 }))).toBe('input longer than 4 bytes');
  });

  it('never throws or hangs on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = isCanonicalJsonBytes(bytes);
        if (!result.ok) expect(result.error.code).toBe('E_NONCANONICAL');
      }),
      FUZZ,
    );
  });
});

describe('UTF-8 (bytes.ts, which the canonical check relies on)', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const platform = (bytes: Uint8Array): string | undefined => {
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  };

  it('decodes exactly as a fatal WHATWG TextDecoder', () => {
    const utf8ish = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff })), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          utf8ish.map((a) => Uint8Array.from(a)),
        ),
        (bytes) => {
          expect(utf8Decode(bytes)).toBe(platform(bytes));
        },
      ),
      FUZZ,
    );
  });

  it('encodes exactly as TextEncoder, lone surrogates included, and round-trips', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = utf8Encode(text);
        expect(toHex(bytes)).toBe(toHex(encoder.encode(text)));
        expect(utf8Decode(bytes)).toBe(platform(bytes));
        if (!LONE_SURROGATE.test(text)) expect(utf8Decode(bytes)).toBe(text);
      }),
      FUZZ,
    );
  });
});
