import { errorCodes, type ErrorCode } from '../../../../src-shared/contract/error-codes';
import { fail, ok, type AppError, type Result } from '../../../../src-shared/contract/result';
import { importApplicantsCsv } from '../../../../src-shared/office/applicant-csv';
import { importApplicantTable, type ApplicantImportOptions } from '../../../../src-shared/office/applicant-import';
import type { ImportedApplicant } from '../../../../src-shared/office/applicant-rows';
import type { AppServices } from '../../../components/services';
import { toBase64 } from '../../../components/file-bytes';

/**
 * Reads an applicant table from a CSV or XLSX file the office picked. Both end in the shared import
 * (importApplicantTable), so they refuse alike: CSV is parsed here, XLSX is turned into text rows by main
 * (office:xlsx-read) and its unreadable cells are merged with the import's problems, sorted by line and column.
 */

/** Main refuses larger workbooks before unzipping (src-main/services/xlsx-applicants.ts MAX_XLSX_BYTES). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** One refused line's problem, ready to show. */
export interface ImportProblem {
  readonly line: number;
  readonly column: number | null;
  readonly field: string | null;
  readonly fieldEn: string | null;
  readonly error: Pick<AppError, 'code' | 'params'>;
}

export interface FileImport {
  readonly applicants: readonly ImportedApplicant[];
  readonly problems: readonly ImportProblem[];
}

interface LooseTableError {
  readonly line: number;
  readonly column: number | null;
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
  readonly params: Readonly<Record<string, string | number>>;
}

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

export function problemOf(error: LooseTableError): ImportProblem {
  const fieldEn = error.params.fieldEn;
  return {
    line: error.line,
    column: error.column,
    field: error.field,
    fieldEn: typeof fieldEn === 'string' ? fieldEn : error.field,
    // A code this app does not know (a newer main) is still shown, with main's own words.
    error: isErrorCode(error.code)
      ? { code: error.code, params: error.params }
      : { code: 'E_INTERNAL', params: { detail: `${error.code}: ${error.message}` } },
  };
}

const byPosition = (a: ImportProblem, b: ImportProblem) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0);

/**
 * Decodes CSV bytes: UTF-8 (with or without its byte order mark), or — when the bytes are not UTF-8 — GB 18030,
 * the code page Excel on Chinese Windows saves "CSV" in, so such a file is read rather than garbled.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** An .xlsx workbook is a ZIP file: it starts with "PK\x03\x04" whatever its name says. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An old .xls workbook is an OLE compound file (D0 CF 11 E0 …), which only Excel itself reads. */
function isOleCompound(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export async function readApplicantFile(
  file: Pick<File, 'size' | 'arrayBuffer'>,
  client: AppServices['client'],
  options: ApplicantImportOptions,
): Promise<Result<FileImport>> {
  if (file.size > MAX_IMPORT_BYTES) {
    return fail('E_TOO_LARGE', 'import file too large', { size: file.size, limit: MAX_IMPORT_BYTES });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isOleCompound(bytes)) {
    return fail('E_XLSX_READ', 'legacy .xls workbook', { detail: '.xls (Excel 97–2003)' });
  }
  if (!isZip(bytes)) {
    const result = importApplicantsCsv(decodeCsv(bytes), options);
    return ok({ applicants: result.applicants, problems: result.errors.map(problemOf) });
  }
  const read = await client.call('office:xlsx-read', { base64: toBase64(bytes) });
  if (!read.ok) return read;
  const result = importApplicantTable(read.value.rows, options);
  const problems = [...read.value.errors.map(problemOf), ...result.errors.map(problemOf)].sort(byPosition);
  return ok({ applicants: result.applicants, problems });
}

/** How many lines were refused: each line once, however many problems it has. */
export function refusedLineCount(problems: readonly ImportProblem[]): number {
  return new Set(problems.map((problem) => problem.line)).size;
}
