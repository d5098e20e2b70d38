import type { z } from 'zod';
import { errorCodes, type ErrorCode } from '../contract/error-codes';
import type { ErrorParams } from '../contract/result';
import { isIsoDate } from './applicant-dates';
import { applicantRecordSchema, type ApplicantRecord } from './applicant-schema';

/**
 * Validation of an applicant record with coded reasons: zod checks the shape, this module turns each zod issue into
 * one of the app's error codes (so every problem has zh-CN and en words) and adds the one check that needs the
 * current date — a founding date cannot lie in the future.
 */

/** One problem in an applicant record; `path` names the field, e.g. ['certifications', 1, 'to']. */
export interface ApplicantIssue {
  readonly path: readonly (string | number)[];
  readonly code: ErrorCode;
  /** A plain English line for logs. */
  readonly message: string;
  readonly params: ErrorParams;
}

export type ApplicantValidation =
  | { readonly ok: true; readonly value: ApplicantRecord }
  | { readonly ok: false; readonly issues: readonly ApplicantIssue[] };

/** Examples shown with a format error, by the last named segment of the path. */
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  phone: '0991-1234567',
  email: 'name@example.cn',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

function lastName(path: readonly PropertyKey[]): string {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  return names[names.length - 1] ?? '';
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Maps one zod issue (parsed with `reportInput: true`) to a coded issue. */
export function issueFromZod(issue: z.core.$ZodIssue): ApplicantIssue {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const value = shown(issue.input);
  const coded = (code: ErrorCode, params: ErrorParams): ApplicantIssue => ({
    path,
    code,
    message: `${path.join('.')}: ${issue.message}`,
    params,
  });
  switch (issue.code) {
    case 'custom': {
      const { errorCode, ...rest } = issue.params ?? {};
      const params: Record<string, string | number> = { value };
      for (const [key, param] of Object.entries(rest)) {
        if (typeof param === 'string' || typeof param === 'number') params[key] = param;
      }
      return coded(isErrorCode(errorCode) ? errorCode : 'E_APPLICANT_FIELD', { detail: issue.message, ...params });
    }
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? coded('E_APPLICANT_REQUIRED', {})
        : coded('E_APPLICANT_FIELD', { value, detail: issue.message });
    case 'invalid_value':
      return coded('E_APPLICANT_CHOICE', {
        value,
        allowed: issue.values.map(String).join('、'),
        allowedEn: issue.values.map(String).join(', '),
      });
    case 'invalid_format':
      return coded('E_APPLICANT_FORMAT', { value, example: FORMAT_EXAMPLES[lastName(path)] ?? issue.message });
    case 'invalid_type':
      return issue.input === undefined || issue.input === ''
        ? coded('E_APPLICANT_REQUIRED', {})
        : coded('E_APPLICANT_FIELD', { value, detail: issue.message });
    default:
      return coded('E_APPLICANT_FIELD', { value, detail: issue.message });
  }
}

/**
 * Art. 9 (2) counts years of operation from the founding date, so a date after `today` is a typing error.
 * @returns the issue, or undefined when the date is not after today (or not a date: the schema reports that).
 */
export function futureFoundingIssue(foundedOn: unknown, today: string): ApplicantIssue | undefined {
  if (typeof foundedOn !== 'string' || !isIsoDate(foundedOn) || foundedOn <= today) return undefined;
  return {
    path: ['foundedOn'],
    code: 'E_APPLICANT_FUTURE',
    message: `foundedOn: ${foundedOn} is after today (${today})`,
    params: { value: foundedOn, today },
  };
}

/**
 * Validates an applicant record against the schema and against `today` (YYYY-MM-DD, the office's current date).
 * Every problem is reported, not just the first.
 */
export function validateApplicant(input: unknown, today: string): ApplicantValidation {
  const parsed = applicantRecordSchema.safeParse(input, { reportInput: true });
  const issues: ApplicantIssue[] = parsed.success ? [] : parsed.error.issues.map(issueFromZod);
  const founded = typeof input === 'object' && input !== null && 'foundedOn' in input ? input.foundedOn : undefined;
  const future = futureFoundingIssue(founded, today);
  if (future !== undefined) issues.push(future);
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, issues };
}
