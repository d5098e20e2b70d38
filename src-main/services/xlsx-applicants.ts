import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { fail, ok, type ErrorParams, type Result } from '../../src-shared/contract/result';
import { APPLICANT_COLUMNS, columnForHeader, columnKeys } from '../../src-shared/office/applicant-columns';
import { importApplicantTable, type ApplicantImportOptions } from '../../src-shared/office/applicant-import';
import { applicantsToTable, type ApplicantImport, type TableRow } from '../../src-shared/office/applicant-rows';
import type { ApplicantRecord } from '../../src-shared/office/applicant-schema';
import type { TableError } from '../../src-shared/office/csv';

/**
 * Applicants ⇄ .xlsx, on the Node side. The workbook is only another container for the rows of the applicant table
 * (src-shared/office/applicant-rows.ts): this module turns cells into text and back, and the shared import validates,
 * exactly as for CSV.
 *
 * Library: read-excel-file 9.3.17 (published 2026-11-13) and write-excel-file 4.1.1 (published 2026-06-15), both MIT,
 * pure JavaScript, by the same author and maintained; together they add 6 small packages and build on fflate, which
 * the app already ships. Rejected: SheetJS's `xlsx` on npm (stuck at 0.18.5 with published advisories; newer
 * versions only from its own host), exceljs 4.4.0 (last published 2024-12-07; pulls 190+ packages, ~50 MB,
 * including deprecated archiver/unzipper dependencies) — checked with `npm view` on 2026-11-27.
 *
 * Cells are written as typed text, so dates stay "2019-01-31" and codes keep their digits. On read, a date cell
 * becomes YYYY-MM-DD, a yes/no cell 是/否, and a number its digits — except a whole number of more than 15 digits,
 * which Excel has already rounded (a typed-in all-digit credit code): that cell is refused with its address.
 */

/** Larger files are refused before unzipping (a zip bomb stays a small file). */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

const SHEET_NAME = '申报组织';

/** Excel keeps 15 significant digits; a whole number this large has lost its last digits. */
const EXACT_LIMIT = 1e15;

/** Column widths in characters, in column order: wide enough for the usual content. */
const WIDTHS: Readonly<Record<(typeof columnKeys)[number], number>> = {
  name: 32,
  uscc: 22,
  district: 16,
  industry: 20,
  foundedOn: 12,
  size: 8,
  employees: 8,
  fourNew: 8,
  exporter: 8,
  certifications: 44,
  incidents: 36,
  exportRecords: 24,
  contactPerson: 10,
  contactPhone: 16,
  contactEmail: 24,
  materials: 60,
};

/** The records as an .xlsx workbook with one sheet: the Chinese header (bold, frozen) and one row per applicant. */
export async function writeApplicantsXlsx(records: readonly ApplicantRecord[]): Promise<Uint8Array> {
  const [header = [], ...body] = applicantsToTable(records);
  const data = [
    header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => (value === '' ? null : { value, type: String }))),
  ];
  const buffer = await writeXlsxFile(data, {
    sheet: SHEET_NAME,
    stickyRowsCount: 1,
    columns: columnKeys.map((key) => ({ width: WIDTHS[key] })),
  }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Rows of text as an .xlsx workbook with one sheet: the first row bold and frozen, every cell typed text. */
export async function writeTableXlsx(sheet: string, rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const [header = [], ...body] = rows;
  const data = [
    header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => (value === '' ? null : { value, type: String }))),
  ];
  const buffer = await writeXlsxFile(data, { sheet, stickyRowsCount: 1 }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The spreadsheet address of a cell: row 3, column 2 → "B3". */
export function cellAddress(line: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${line}`;
}

function isoDay(date: Date): string {
  // read-excel-file returns dates at UTC midnight of the cell's day.
  return date.toISOString().slice(0, 10);
}

/** One cell as text, or undefined when it cannot be read faithfully. */
function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDay(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (Number.isInteger(value) && Math.abs(value) >= EXACT_LIMIT)) return undefined;
    return String(value);
  }
  return undefined;
}

/** The column whose header is at `column` (1-based): its Chinese and English names, or the header as written. */
function fieldOf(header: readonly string[], column: number): { field: string; fieldEn: string } | null {
  const text = (header[column - 1] ?? '').trim();
  const key = columnForHeader(text);
  if (key !== null) return { field: APPLICANT_COLUMNS[key]['zh-CN'], fieldEn: APPLICANT_COLUMNS[key].en };
  return text === '' ? null : { field: text, fieldEn: text };
}

export interface XlsxTable {
  readonly rows: readonly TableRow[];
  /** Cells that could not be read; their rows are left out of `rows`. */
  readonly errors: readonly TableError[];
}

/** Reads the first sheet as text rows (line = the sheet's row number). Trailing empty cells are dropped. */
export async function readXlsxTable(data: Uint8Array): Promise<Result<XlsxTable>> {
  if (data.byteLength > MAX_XLSX_BYTES) {
    return fail('E_XLSX_READ', 'file too large', { detail: `> ${MAX_XLSX_BYTES} bytes` });
  }
  let sheet: unknown[][];
  try {
    sheet = await readSheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { trim: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('E_XLSX_READ', `cannot read workbook: ${detail}`, { detail });
  }
  const rows: TableRow[] = [];
  const errors: TableError[] = [];
  let header: string[] = [];
  sheet.forEach((cells, index) => {
    const line = index + 1;
    const texts: string[] = [];
    const bad: TableError[] = [];
    cells.forEach((value, i) => {
      const text = cellText(value);
      if (text !== undefined) texts.push(text);
      else {
        const cell = cellAddress(line, i + 1);
        const names = fieldOf(header, i + 1);
        const field = names?.field ?? null;
        const params: ErrorParams = names === null ? { cell } : { cell, ...names };
        bad.push({
          line,
          column: i + 1,
          field,
          code: 'E_XLSX_CELL',
          message: `cell ${cell} cannot be read exactly`,
          params,
        });
        texts.push('');
      }
    });
    while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
    if (header.length === 0 && texts.length > 0) header = texts;
    if (bad.length > 0) errors.push(...bad);
    else rows.push({ line, cells: texts });
  });
  return ok({ rows: padToHeader(rows, header.length), errors });
}

/** Rows shorter than the header (empty trailing cells are not stored in .xlsx) are padded to its width. */
function padToHeader(rows: readonly TableRow[], width: number): TableRow[] {
  return rows.map((row) =>
    row.cells.length >= width
      ? row
      : { line: row.line, cells: [...row.cells, ...Array<string>(width - row.cells.length).fill('')] },
  );
}

/** Reads applicants from an .xlsx file: the valid ones, and every problem with its row, column and coded reason. */
export async function readApplicantsXlsx(
  data: Uint8Array,
  options: ApplicantImportOptions,
): Promise<Result<ApplicantImport>> {
  const table = await readXlsxTable(data);
  if (!table.ok) return table;
  const result = importApplicantTable(table.value.rows, options);
  const errors = [...table.value.errors, ...result.errors].sort(
    (a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
  return ok({ applicants: result.applicants, errors });
}
