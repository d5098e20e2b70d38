import type { ErrorCode } from './error-codes';

/** Parameters substituted into an error message template, e.g. `{ item: '4.1.2' }`. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/**
 * An error as a value. `code` selects the zh-CN and en message (see error-messages.ts);
 * `message` is a plain English line for logs and the CLI; `params` fill the templates.
 */
export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly params?: ErrorParams;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result; the English log line is rendered from the code's template. */
export function fail<T = never>(code: ErrorCode, message: string, params?: ErrorParams): Result<T> {
  return { ok: false, error: params === undefined ? { code, message } : { code, message, params } };
}
