/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015
 * 《法人和其他组织统一社会信用代码编码规则》.
 *
 * Layout of the 18 characters (GB 32100-2015, clause 4):
 * - position 1: registration authority (登记管理部门代码), e.g. 9 = market regulation (工商);
 * - position 2: organisation type (机构类别代码), e.g. 1 = enterprise (企业);
 * - positions 3–8: administrative division of the registration authority (GB/T 2260), e.g. 650106 头屯河区;
 * - positions 9–17: the organisation code (组织机构代码, GB 11714-1997), 8 body characters and its own check character;
 * - position 18: the check character of the whole code (GB 32100-2015, clause 5 and annex).
 *
 * Pure functions; callers normalise user input (trim, upper case) before validating.
 */

/** The 31 characters a code may use (GB 32100-2015, table 1): digits and capitals without I, O, Z, S, V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^(i−1) mod 31 for positions i = 1..17 (GB 32100-2015, clause 5). */
const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Weights of the 8 body characters of an organisation code (GB 11714-1997, clause 5). */
const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

const ORG_CODE_BODY = /^[0-9A-Z]{8}$/;

/** Why a code is not valid; `expected` carries the correct check character when one could be computed. */
export type UsccInvalidReason = 'length' | 'charset' | 'check-digit' | 'org-code';

/** The outcome of {@link validateUscc}. */
export type UsccValidation = { valid: true } | { valid: false; reason: UsccInvalidReason; expected?: string };

/**
 * The 18th (check) character for the first 17 characters of a unified social credit code,
 * per GB 32100-2015 clause 5: C18 = 31 − (Σ value(Ci) × Wi mod 31), where a result of 31 becomes 0,
 * and the value of a character is its index in {@link USCC_CHARSET}.
 *
 * @returns the check character, or `undefined` when `first17` is not 17 characters of the charset.
 */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    const weight = USCC_WEIGHTS[i];
    if (value < 0 || weight === undefined) return undefined;
    sum += value * weight;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARSET.charAt(check);
}

/**
 * The check character of an organisation code (组织机构代码) for its 8 body characters, per GB 11714-1997
 * clause 5: C9 = 11 − (Σ value(Ci) × Wi mod 11) with weights 3, 7, 9, 10, 5, 8, 4, 2; digits count as
 * themselves and letters A = 10 … Z = 35; a result of 10 is written 'X' and 11 is written '0'.
 *
 * @returns the check character, or `undefined` when `body` is not 8 digits or capital letters.
 */
export function orgCodeCheckChar(body: string): string | undefined {
  if (!ORG_CODE_BODY.test(body)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const value = Number.parseInt(body.charAt(i), 36); // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    const weight = ORG_CODE_WEIGHTS[i];
    if (weight === undefined) return undefined;
    sum += value * weight;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Validates a unified social credit code (GB 32100-2015) as written, without normalising it.
 *
 * Checks in this order, reporting the first failure:
 * 1. `length` — exactly 18 characters;
 * 2. `charset` — every character from {@link USCC_CHARSET} (lower case fails too);
 * 3. `org-code` — positions 9–17 form a valid organisation code (GB 11714-1997); `expected` is the
 *    correct 17th character;
 * 4. `check-digit` — position 18 matches {@link usccCheckChar}; `expected` is the correct 18th character.
 *
 * Any single-character substitution in a valid code is caught, because 31 is prime and no weight is 0 mod 31.
 */
export function validateUscc(code: string): UsccValidation {
  if (code.length !== 18) return { valid: false, reason: 'length' };
  for (const char of code) {
    if (!USCC_CHARSET.includes(char)) return { valid: false, reason: 'charset' };
  }
  const expectedOrg = orgCodeCheckChar(code.slice(8, 16));
  if (expectedOrg === undefined) return { valid: false, reason: 'org-code' };
  if (code.charAt(16) !== expectedOrg) return { valid: false, reason: 'org-code', expected: expectedOrg };
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected === undefined) return { valid: false, reason: 'charset' };
  if (code.charAt(17) !== expected) return { valid: false, reason: 'check-digit', expected };
  return { valid: true };
}
