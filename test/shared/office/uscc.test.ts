import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar, USCC_CHARSET, usccCheckChar, validateUscc } from '../../../src-shared/office/uscc';

/**
 * Real, published codes (GB 32100-2015), each found in public business-registry listings:
 * 华为技术有限公司, 腾讯科技（深圳）有限公司, 阿里巴巴（中国）网络技术有限公司.
 */
const PUBLISHED = ['914403001922038216', '91440300708461136T', '91330100716105852F'] as const;

/** The fictional demo applicants' codes (resources/demo/demo-cycle.json); the first has 'X' as org-code check. */
const DEMO = ['9165010671296457XA', '91650109576231899A', '91650104MA78KQ4D93'] as const;

const VALID: readonly string[] = [...PUBLISHED, ...DEMO];

const charsetChar = fc.constantFrom(...USCC_CHARSET.split(''));

/** Builds a valid code from 8 leading characters and an 8-character organisation-code body. */
function assemble(prefix: string, body: string): string | undefined {
  const orgCheck = orgCodeCheckChar(body);
  if (orgCheck === undefined) return undefined;
  const first17 = prefix + body + orgCheck;
  const check = usccCheckChar(first17);
  return check === undefined ? undefined : first17 + check;
}

const validCode = fc
  .tuple(fc.array(charsetChar, { minLength: 8, maxLength: 8 }), fc.array(charsetChar, { minLength: 8, maxLength: 8 }))
  .map(([prefix, body]) => assemble(prefix.join(''), body.join('')))
  .filter((code): code is string => code !== undefined && code.length === 18);

function replaceAt(code: string, index: number, char: string): string {
  return code.slice(0, index) + char + code.slice(index + 1);
}

describe('usccCheckChar (GB 32100-2015, clause 5)', () => {
  it('computes check characters worked out by hand from the definition', () => {
    // Σ = 0 → 31 − 0 = 31, which is written 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
    // Σ = 1 × W1 = 1 → 31 − 1 = 30 → 'Y' (index 30).
    expect(usccCheckChar('10000000000000000')).toBe('Y');
    // Σ = value('Y') × W1 = 30 → 31 − 30 = 1 → '1'.
    expect(usccCheckChar('Y0000000000000000')).toBe('1');
    // Σ = 1 × W17 = 28 → 31 − 28 = 3 → '3'.
    expect(usccCheckChar('00000000000000001')).toBe('3');
    // Σ = value('A') × W2 = 10 × 3 = 30 → '1'.
    expect(usccCheckChar('0A000000000000000')).toBe('1');
  });

  it('returns the 18th character of every valid code', () => {
    for (const code of VALID) expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('is undefined for a wrong length or a character outside the charset', () => {
    expect(usccCheckChar('')).toBeUndefined();
    expect(usccCheckChar('9144030019220382')).toBeUndefined();
    expect(usccCheckChar('914403001922038216')).toBeUndefined();
    expect(usccCheckChar('9144030019220382I')).toBeUndefined();
    expect(usccCheckChar('a1440300192203821')).toBeUndefined();
  });

  it('always yields one of the 31 characters', () => {
    fc.assert(
      fc.property(fc.array(charsetChar, { minLength: 17, maxLength: 17 }), (chars) => {
        const check = usccCheckChar(chars.join(''));
        expect(check).toBeDefined();
        expect(USCC_CHARSET).toContain(check);
      }),
    );
  });
});

describe('orgCodeCheckChar (GB 11714-1997, clause 5)', () => {
  it('computes check characters worked out by hand from the definition', () => {
    // Σ = 0 → 11 − 0 = 11, which is written '0'.
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // Σ = 6 × 2 = 12 ≡ 1 → 11 − 1 = 10, which is written 'X'.
    expect(orgCodeCheckChar('00000006')).toBe('X');
    // Σ = 1×3 + 9×7 + 2×9 + 2×10 + 0×5 + 3×8 + 8×4 + 2×2 = 164 ≡ 10 → 1 (Huawei's 19220382-1).
    expect(orgCodeCheckChar('19220382')).toBe('1');
    // Σ = M22×3 + A10×7 + 7×9 + 8×10 + K20×5 + Q26×8 + 4×4 + D13×2 = 629 ≡ 2 → 9.
    expect(orgCodeCheckChar('MA78KQ4D')).toBe('9');
  });

  it('is undefined for a body that is not 8 digits or capitals', () => {
    expect(orgCodeCheckChar('1922038')).toBeUndefined();
    expect(orgCodeCheckChar('192203821')).toBeUndefined();
    expect(orgCodeCheckChar('ma78kq4d')).toBeUndefined();
    expect(orgCodeCheckChar('1922-382')).toBeUndefined();
  });
});

describe('validateUscc', () => {
  it('accepts real published codes', () => {
    for (const code of PUBLISHED) expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('accepts the demo applicants’ codes', () => {
    for (const code of DEMO) expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('accepts every code assembled from the two check-character rules', () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(validateUscc(code)).toEqual({ valid: true });
      }),
    );
  });

  it('rejects a wrong 18th character and names the expected one', () => {
    expect(validateUscc('914403001922038217')).toEqual({ valid: false, reason: 'check-digit', expected: '6' });
    expect(validateUscc('91330100716105852G')).toEqual({ valid: false, reason: 'check-digit', expected: 'F' });
  });

  it('rejects a wrong organisation-code check character even when the 18th is recomputed', () => {
    const first17 = '9144030019220382' + '7';
    const code = first17 + (usccCheckChar(first17) ?? '');
    expect(validateUscc(code)).toEqual({ valid: false, reason: 'org-code', expected: '1' });
  });

  it('rejects a letter other than X as organisation-code check character', () => {
    const first17 = '9144030019220382A';
    expect(validateUscc(first17 + (usccCheckChar(first17) ?? ''))).toMatchObject({ valid: false, reason: 'org-code' });
  });

  it('rejects every single-character substitution in a published code', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.integer({ min: 0, max: 17 }), charsetChar, (code, index, char) => {
        fc.pre(code.charAt(index) !== char);
        const result = validateUscc(replaceAt(code, index, char));
        expect(result.valid).toBe(false);
        if (!result.valid) expect(['check-digit', 'org-code']).toContain(result.reason);
      }),
    );
  });

  it('rejects every single-character substitution in any valid code', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), charsetChar, (code, index, char) => {
        fc.pre(code.charAt(index) !== char);
        expect(validateUscc(replaceAt(code, index, char)).valid).toBe(false);
      }),
    );
  });

  it('reports the exhaustive single substitutions of one code without a miss', () => {
    const code = PUBLISHED[0];
    let checked = 0;
    for (let index = 0; index < 18; index += 1) {
      for (const char of USCC_CHARSET) {
        if (char === code.charAt(index)) continue;
        expect(validateUscc(replaceAt(code, index, char)).valid).toBe(false);
        checked += 1;
      }
    }
    expect(checked).toBe(18 * 30);
  });

  it('rejects a wrong length with reason length', () => {
    for (const code of ['', '91440300192203821', '9144030019220382160', ' 914403001922038216']) {
      expect(validateUscc(code)).toEqual({ valid: false, reason: 'length' });
    }
    fc.assert(
      fc.property(
        fc.string().filter((s) => s.length !== 18),
        (s) => {
          expect(validateUscc(s)).toEqual({ valid: false, reason: 'length' });
        },
      ),
    );
  });

  it('rejects characters outside the charset with reason charset', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', 'a', 'x', '-', ' ', '０', '中']) {
      expect(validateUscc(replaceAt(PUBLISHED[0], 5, bad))).toEqual({ valid: false, reason: 'charset' });
    }
    expect(validateUscc('91330100716105852f')).toEqual({ valid: false, reason: 'charset' });
  });

  it('reports charset for any foreign character at any position', () => {
    const foreign = fc.string({ minLength: 1, maxLength: 1 }).filter((ch) => !USCC_CHARSET.includes(ch));
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.integer({ min: 0, max: 17 }), foreign, (code, index, char) => {
        expect(validateUscc(replaceAt(code, index, char))).toEqual({ valid: false, reason: 'charset' });
      }),
    );
  });
});
