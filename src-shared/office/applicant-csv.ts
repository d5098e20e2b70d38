import type { ApplicantImport, TableRow } from './applicant-rows';
import { applicantsToTable } from './applicant-rows';
import { importApplicantTable, type ApplicantImportOptions } from './applicant-import';
import type { ApplicantRecord } from './applicant-schema';
import { formatCsv, parseCsv } from './csv';

/**
 * Applicants ⇄ CSV text (UTF-8 with a byte order mark, CRLF), one applicant per row under the Chinese header of
 * applicant-columns.ts. Validation is the shared table import (applicant-import.ts), so CSV and XLSX refuse alike.
 *
 * Spreadsheet formula injection: Excel evaluates a CSV cell that starts with = + - or @ (a phone "+86 991…" becomes a
 * formula, and a hostile "=HYPERLINK(…)" a link). Export therefore puts an apostrophe before such a cell — and before
 * a cell that itself starts with an apostrophe — and import removes exactly that one apostrophe, so the round trip
 * is exact. XLSX needs none of this: its cells are typed text.
 */

const FORMULA_START = /^[=+\-@']/;

function guardCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The records as CSV text, ready to save as a .csv file that Excel opens with its Chinese intact. */
export function exportApplicantsCsv(records: readonly ApplicantRecord[]): string {
  return formatCsv(applicantsToTable(records).map((row) => row.map(guardCell)));
}

/**
 * Reads CSV text: the valid applicants, and every problem with its line (the header is line 1; a record spanning
 * several text lines is one line, as in a spreadsheet), column and coded reason.
 */
export function importApplicantsCsv(text: string, options: ApplicantImportOptions): ApplicantImport {
  const parsed = parseCsv(text);
  const rows: TableRow[] = parsed.records.map((record) => ({
    line: record.row,
    cells: record.fields.map(unguardCell),
  }));
  const result = importApplicantTable(rows, options);
  if (parsed.errors.length === 0) return result;
  const errors = [...parsed.errors, ...result.errors].sort(
    (a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
  return { applicants: result.applicants, errors };
}
