import type { ErrorCode } from '../contract/error-codes';
import type { ErrorParams } from '../contract/result';

/**
 * Comma-separated values as RFC 4180 defines them, plus what Excel does on Chinese Windows:
 * - records end with CRLF; LF and a lone CR are read as line ends too;
 * - a field is quoted with '"' when it holds a comma, a quote, CR or LF, and a quote inside it is doubled;
 * - a UTF-8 byte order mark at the start is skipped on read and written on export — without it Excel opens a
 *   UTF-8 file as the system's GBK code page and shows the Chinese as mojibake;
 * - the last record may or may not end with a line break (RFC 4180 §2.2).
 *
 * Beyond the RFC, for people's files: a quote inside an unquoted field is kept as a character (as Excel does);
 * a record whose quote never closes, or has characters after its closing quote, is reported and skipped, and
 * reading goes on with the next line, so one bad record does not lose the others.
 */

/** A problem found in one row of a table (CSV or XLSX), with the row and, when known, the column. */
export interface TableError {
  /** The row, 1-based, the header being row 1: the row number a spreadsheet shows. */
  readonly line: number;
  /** The column, 1-based, or null for a problem of the whole row. */
  readonly column: number | null;
  /** The column's header name (Chinese), or null for a problem of the whole row. */
  readonly field: string | null;
  readonly code: ErrorCode;
  /** A plain English line for logs. */
  readonly message: string;
  readonly params: ErrorParams;
}

/** One record. `row` counts records (blank lines included); `textLine` is the text line it starts on. */
export interface CsvRecord {
  readonly row: number;
  readonly textLine: number;
  readonly fields: readonly string[];
}

export interface CsvParse {
  readonly records: readonly CsvRecord[];
  readonly errors: readonly TableError[];
}

const BOM = '\uFEFF';

/** Length of the line break at `pos` (2 for CRLF, 1 for LF or CR), or 0 when there is none. */
function breakLength(text: string, pos: number): number {
  const char = text.charAt(pos);
  if (char === '\r') return text.charAt(pos + 1) === '\n' ? 2 : 1;
  return char === '\n' ? 1 : 0;
}

/** Line breaks in a slice, counting CRLF once. */
function countBreaks(slice: string): number {
  return (slice.match(/\r\n|\r|\n/g) ?? []).length;
}

/** Position just after the first line break at or after `from` (or the end of the text). */
function nextLineStart(text: string, from: number): number {
  for (let pos = from; pos < text.length; pos += 1) {
    const length = breakLength(text, pos);
    if (length > 0) return pos + length;
  }
  return text.length;
}

function syntaxError(code: ErrorCode, row: number, textLine: number, message: string): TableError {
  return { line: row, column: null, field: null, code, message, params: { line: textLine } };
}

/** Parses CSV text into records; see the module comment for the rules. */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const errors: TableError[] = [];
  let pos = text.startsWith(BOM) ? BOM.length : 0;
  let line = 1;
  let row = 0;
  while (pos < text.length) {
    const recordStart = pos;
    const textLine = line;
    row += 1;
    const fields: string[] = [];
    let broken: TableError | undefined;
    for (;;) {
      let field = '';
      if (text.charAt(pos) === '"') {
        pos += 1;
        let closed = false;
        while (!closed) {
          const quote = text.indexOf('"', pos);
          if (quote < 0) break;
          field += text.slice(pos, quote);
          if (text.charAt(quote + 1) === '"') {
            field += '"';
            pos = quote + 2;
          } else {
            pos = quote + 1;
            closed = true;
          }
        }
        if (!closed) {
          broken = syntaxError(
            'E_CSV_UNTERMINATED',
            row,
            textLine,
            `row ${row}: quote opened on line ${textLine} never closes`,
          );
          // Go on with the line after the one the broken record started on.
          pos = nextLineStart(text, recordStart);
          line = textLine + 1;
          break;
        }
        line += countBreaks(field);
        const after = text.charAt(pos);
        if (pos < text.length && after !== ',' && breakLength(text, pos) === 0) {
          broken = syntaxError(
            'E_CSV_QUOTE',
            row,
            line,
            `row ${row}: characters after a closing quote on line ${line}`,
          );
          pos = nextLineStart(text, pos);
          line += 1;
          break;
        }
      } else {
        let end = pos;
        while (end < text.length && text.charAt(end) !== ',' && breakLength(text, end) === 0) end += 1;
        field = text.slice(pos, end);
        pos = end;
      }
      fields.push(field);
      if (text.charAt(pos) === ',') {
        pos += 1;
        continue;
      }
      const length = breakLength(text, pos);
      if (length > 0) line += 1;
      pos += length;
      break;
    }
    if (broken === undefined) records.push({ row, textLine, fields });
    else errors.push(broken);
  }
  return { records, errors };
}

export interface CsvFormatOptions {
  /** Write a UTF-8 byte order mark first (default true: Excel needs it to read Chinese). */
  readonly bom?: boolean;
  /** The record terminator (default CRLF, RFC 4180 §2.1). */
  readonly newline?: '\r\n' | '\n';
}

function formatField(field: string): string {
  return /[",\r\n]/.test(field) || field.startsWith(BOM) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Formats rows as CSV text, every record ending with the line break. A row of one empty field is written as `""`
 * so that it reads back as a row rather than as a blank line; a row of no fields cannot be written in CSV and
 * is written the same way.
 */
export function formatCsv(rows: readonly (readonly string[])[], options: CsvFormatOptions = {}): string {
  const newline = options.newline ?? '\r\n';
  const body = rows
    .map((fields) => (fields.length <= 1 && (fields[0] ?? '') === '' ? '""' : fields.map(formatField).join(',')))
    .map((record) => record + newline)
    .join('');
  return (options.bom ?? true) ? BOM + body : body;
}
