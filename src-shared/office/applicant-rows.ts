import { APPLICANT_COLUMNS, BOOLEAN_LABELS, SIZE_LABELS, columnKeys, type ColumnKey } from './applicant-columns';
import { formatCertifications, formatExportRecords, formatIncidents, formatMaterials } from './applicant-cells';
import type { ApplicantRecord } from './applicant-schema';
import type { TableError } from './csv';
import { districtById } from './urumqi-districts';

/**
 * The applicant table as rows of text cells, shared by CSV (applicant-csv.ts) and XLSX
 * (src-main/services/xlsx-applicants.ts): the formats only turn files into these rows and back, so both validate
 * alike. This module writes rows; applicant-import.ts reads them.
 */

/** One row of a table; `line` is 1-based with the header as line 1 (the row number a spreadsheet shows). */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

export interface ImportedApplicant {
  readonly line: number;
  readonly applicant: ApplicantRecord;
}

export interface ApplicantImport {
  /** The valid rows, in file order. */
  readonly applicants: readonly ImportedApplicant[];
  /** Every problem of every other row, sorted by line, then column. */
  readonly errors: readonly TableError[];
}

/** The header row written on export (Chinese column names, in {@link columnKeys} order). */
export function applicantHeader(): string[] {
  return columnKeys.map((key) => APPLICANT_COLUMNS[key]['zh-CN']);
}

const yesNo = (value: boolean) => BOOLEAN_LABELS[value ? 'true' : 'false']['zh-CN'];

/** One record as the cells of a row, in {@link columnKeys} order. */
export function applicantToCells(record: ApplicantRecord): string[] {
  const cells: Record<ColumnKey, string> = {
    name: record.name,
    uscc: record.uscc,
    district: record.district === null ? '' : districtById(record.district)['zh-CN'],
    industry: record.industry,
    foundedOn: record.foundedOn,
    size: SIZE_LABELS[record.size]['zh-CN'],
    employees: String(record.employees),
    fourNew: yesNo(record.fourNew),
    exporter: yesNo(record.exporter),
    certifications: formatCertifications(record.certifications),
    incidents: formatIncidents(record.incidents),
    exportRecords: formatExportRecords(record.exportRecords),
    contactPerson: record.contact.person,
    contactPhone: record.contact.phone,
    contactEmail: record.contact.email ?? '',
    materials: formatMaterials(record.materials),
  };
  return columnKeys.map((key) => cells[key]);
}

/** The header and one row per record. */
export function applicantsToTable(records: readonly ApplicantRecord[]): string[][] {
  return [applicantHeader(), ...records.map(applicantToCells)];
}
