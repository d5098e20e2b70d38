import type { ErrorCode } from '../contract/error-codes';
import type { ErrorParams } from '../contract/result';
import {
  APPLICANT_COLUMNS,
  BOOLEAN_LABELS,
  SIZE_LABELS,
  allowedChoices,
  columnForHeader,
  columnKeys,
  findChoice,
  type ChoiceLabel,
  type ColumnKey,
} from './applicant-columns';
import {
  parseCertifications,
  parseExportRecords,
  parseIncidents,
  parseMaterials,
  type CellIssue,
} from './applicant-cells';
import { validateApplicant } from './applicant-issues';
import type { ApplicantImport, ImportedApplicant, TableRow } from './applicant-rows';
import { APPLICANT_RECORD_VERSION, type ApplicantRecord } from './applicant-schema';
import type { TableError } from './csv';
import { URUMQI_DISTRICTS, findDistrict } from './urumqi-districts';
import { validateUscc } from './uscc';

/**
 * Rows of text cells → applicant records (the reading half of applicant-rows.ts). Every valid row is kept; every
 * problem of every other row is reported with its line, column, field and a coded reason. Blank rows are skipped.
 * Duplicates are refused on both sides: all rows sharing a code (which of them is right is for a person to say),
 * and rows whose code is already registered.
 */

export interface ApplicantImportOptions {
  /** The office's current date (YYYY-MM-DD): a founding date after it is refused. */
  readonly today: string;
  /** Applicants already registered; a row with one of their codes is refused (E_APPLICANT_EXISTS). */
  readonly existing?: readonly Pick<ApplicantRecord, 'uscc'>[];
}

type Converted = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: CellIssue[] };

const done = (value: unknown): Converted => ({ ok: true, value });
const issue = (code: ErrorCode, params: ErrorParams): Converted => ({ ok: false, issues: [{ code, params }] });

const DISTRICT_CHOICES = {
  allowed: URUMQI_DISTRICTS.map((district) => district['zh-CN']).join('、'),
  allowedEn: URUMQI_DISTRICTS.map((district) => district.en).join(', '),
};

/** Accepts YYYY-MM-DD and the spellings Chinese spreadsheets use: 2019/1/31, 2019.1.31, 2019年1月31日. */
function normaliseDate(text: string): string {
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/.exec(text);
  if (match === null) return text;
  return `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
}

function convertChoice<K extends string>(
  cell: string,
  labels: Readonly<Record<K, ChoiceLabel>>,
  map: (found: K) => unknown,
): Converted {
  if (cell === '') return issue('E_APPLICANT_REQUIRED', {});
  const found = findChoice(labels, cell);
  return found === undefined
    ? issue('E_APPLICANT_CHOICE', { value: cell, ...allowedChoices(labels) })
    : done(map(found));
}

/** One trimmed cell → the value the schema expects; the schema then checks it (validateApplicant). */
function convert(key: ColumnKey, cell: string): Converted {
  switch (key) {
    case 'uscc':
      return done(cell.replace(/\s+/g, '').toUpperCase());
    case 'district': {
      if (cell === '') return done(null);
      const found = findDistrict(cell);
      return found === undefined ? issue('E_APPLICANT_CHOICE', { value: cell, ...DISTRICT_CHOICES }) : done(found);
    }
    case 'foundedOn':
      return done(normaliseDate(cell));
    case 'size':
      return convertChoice(cell, SIZE_LABELS, (size) => size);
    case 'employees': {
      if (cell === '') return issue('E_APPLICANT_REQUIRED', {});
      const digits = cell.replace(/[,，\s]/g, '');
      return /^\d{1,9}$/.test(digits)
        ? done(Number(digits))
        : issue('E_APPLICANT_FORMAT', { value: cell, example: APPLICANT_COLUMNS.employees.example });
    }
    case 'fourNew':
    case 'exporter':
      return convertChoice(cell, BOOLEAN_LABELS, (found) => found === 'true');
    case 'certifications':
      return parseCertifications(cell);
    case 'incidents':
      return parseIncidents(cell);
    case 'exportRecords':
      return parseExportRecords(cell);
    case 'materials':
      return parseMaterials(cell);
    case 'contactEmail':
      return done(cell === '' ? null : cell);
    default:
      return done(cell);
  }
}

/** The column a record issue belongs to, from its path. */
function columnOfPath(path: readonly (string | number)[]): ColumnKey | undefined {
  const [first, second] = path;
  if (first === 'contact') {
    return second === 'person' ? 'contactPerson' : second === 'phone' ? 'contactPhone' : 'contactEmail';
  }
  return columnKeys.find((key) => key === first);
}

type HeaderIndex = Readonly<Partial<Record<ColumnKey, number>>>;

function rowError(line: number, key: ColumnKey | null, index: number | null, code: ErrorCode, params: ErrorParams) {
  const spec = key === null ? null : APPLICANT_COLUMNS[key];
  const error: TableError = {
    line,
    column: index === null ? null : index + 1,
    field: spec === null ? null : spec['zh-CN'],
    code,
    message: `line ${line}${spec === null ? '' : `, ${spec.en}`}: ${code}`,
    params: spec === null ? params : { field: spec['zh-CN'], fieldEn: spec.en, ...params },
  };
  return error;
}

/** Reads the header: each column once, nothing unknown (empty header cells are ignored). */
function readHeader(row: TableRow): { index: HeaderIndex; errors: TableError[] } {
  const errors: TableError[] = [];
  const index: Partial<Record<ColumnKey, number>> = {};
  row.cells.forEach((cell, i) => {
    const text = cell.trim();
    if (text === '') return;
    const key = columnForHeader(text);
    if (key === null)
      errors.push(rowError(row.line, null, i, 'E_TABLE_HEADER_UNKNOWN', { column: i + 1, value: text }));
    else if (index[key] !== undefined) errors.push(rowError(row.line, key, i, 'E_TABLE_HEADER_DUPLICATE', {}));
    else index[key] = i;
  });
  for (const key of columnKeys) {
    if (index[key] === undefined) errors.push(rowError(row.line, key, null, 'E_TABLE_HEADER_MISSING', {}));
  }
  return { index, errors };
}

interface Candidate {
  readonly line: number;
  readonly uscc: string | undefined;
  readonly record: ApplicantRecord | undefined;
  readonly errors: TableError[];
}

function readRow(row: TableRow, index: HeaderIndex, today: string): Candidate {
  const errors: TableError[] = [];
  const values: Partial<Record<ColumnKey, unknown>> = {};
  const failed = new Set<ColumnKey>();
  for (const key of columnKeys) {
    const at = index[key] ?? -1;
    const converted = convert(key, (row.cells[at] ?? '').trim());
    if (converted.ok) values[key] = converted.value;
    else {
      failed.add(key);
      for (const cellIssue of converted.issues)
        errors.push(rowError(row.line, key, at, cellIssue.code, cellIssue.params));
    }
  }
  const candidate = {
    v: APPLICANT_RECORD_VERSION,
    ...Object.fromEntries(
      columnKeys.filter((key) => !key.startsWith('contact')).map((key) => [key, values[key]] as const),
    ),
    contact: { person: values.contactPerson, phone: values.contactPhone, email: values.contactEmail },
  };
  const validated = validateApplicant(candidate, today);
  if (!validated.ok) {
    for (const found of validated.issues) {
      const key = columnOfPath(found.path);
      // A cell that could not be converted is already reported; the schema's view of it adds nothing.
      if (key !== undefined && failed.has(key)) continue;
      errors.push(
        rowError(row.line, key ?? null, key === undefined ? null : (index[key] ?? null), found.code, found.params),
      );
    }
  }
  const uscc = typeof values.uscc === 'string' && validateUscc(values.uscc).valid ? values.uscc : undefined;
  return { line: row.line, uscc, record: validated.ok ? validated.value : undefined, errors };
}

const isBlank = (row: TableRow) => row.cells.every((cell) => cell.trim() === '');

/** Reads a table whose first non-blank row is the header. */
export function importApplicantTable(rows: readonly TableRow[], options: ApplicantImportOptions): ApplicantImport {
  const [headerRow, ...body] = rows.filter((row) => !isBlank(row));
  if (headerRow === undefined) {
    return { applicants: [], errors: [rowError(1, null, null, 'E_TABLE_EMPTY', {})] };
  }
  const header = readHeader(headerRow);
  if (header.errors.length > 0) return { applicants: [], errors: header.errors };
  const width = headerRow.cells.length;
  const candidates: Candidate[] = body.map((row) =>
    row.cells.length === width
      ? readRow(row, header.index, options.today)
      : {
          line: row.line,
          uscc: undefined,
          record: undefined,
          errors: [rowError(row.line, null, null, 'E_TABLE_COLUMNS', { expected: width, actual: row.cells.length })],
        },
  );
  markDuplicates(candidates, header.index, options.existing ?? []);
  const applicants: ImportedApplicant[] = [];
  const errors: TableError[] = [];
  for (const candidate of candidates) {
    if (candidate.record !== undefined && candidate.errors.length === 0) {
      applicants.push({ line: candidate.line, applicant: candidate.record });
    }
    errors.push(...candidate.errors);
  }
  errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { applicants, errors };
}

/** Adds E_APPLICANT_DUPLICATE to every row sharing a code, and E_APPLICANT_EXISTS to rows already registered. */
function markDuplicates(
  candidates: Candidate[],
  index: HeaderIndex,
  existing: readonly Pick<ApplicantRecord, 'uscc'>[],
) {
  const registered = new Set(existing.map((record) => record.uscc));
  const lines = new Map<string, number[]>();
  for (const candidate of candidates) {
    if (candidate.uscc !== undefined) lines.set(candidate.uscc, [...(lines.get(candidate.uscc) ?? []), candidate.line]);
  }
  const column = index.uscc ?? null;
  for (const candidate of candidates) {
    const uscc = candidate.uscc;
    if (uscc === undefined) continue;
    const shared = lines.get(uscc) ?? [];
    if (shared.length > 1) {
      candidate.errors.push(
        rowError(candidate.line, 'uscc', column, 'E_APPLICANT_DUPLICATE', { uscc, lines: shared.join(', ') }),
      );
    }
    if (registered.has(uscc))
      candidate.errors.push(rowError(candidate.line, 'uscc', column, 'E_APPLICANT_EXISTS', { uscc }));
  }
}
