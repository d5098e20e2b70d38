import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import {
  MAX_XLSX_BYTES,
  cellAddress,
  readApplicantsXlsx,
  readXlsxTable,
  writeApplicantsXlsx,
} from '../../../src-main/services/xlsx-applicants';
import { applicantHeader, applicantToCells } from '../../../src-shared/office/applicant-rows';
import type { ApplicantRecord } from '../../../src-shared/office/applicant-schema';
import { arbitraryApplicants } from '../../shared/office/applicant-arbitrary';
import { USCC_TOUTUNHE, USCC_XINSHI, applicant, incident, iso9001 } from '../../shared/office/applicant-fixtures';

const TODAY = '2026-11-27';

const RICH: ApplicantRecord = applicant({
  uscc: USCC_TOUTUNHE,
  district: 'ganquanbao-etdz',
  exporter: true,
  certifications: [
    iso9001('2019-01-01', '2025-12-31'),
    { kind: 'own-method', label: '六步(质量)法', from: '2021-03-01', to: null },
  ],
  incidents: [incident('serious-violation', '2024-03-01', '2024-09-01')],
  exportRecords: [{ kind: 'official-notice', date: '2024-02-01', note: '通报;一' }],
  contact: { person: '王五', phone: '+86 991-1234567', email: null },
  materials: [{ fileName: '申报书.pdf', sha256: 'cd'.repeat(32), size: 1, commercialSecret: false }],
});

type Cell = {
  value: string | number | Date;
  type: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
} | null;

/** A workbook written cell by cell, for files that our own writer would never produce. */
async function workbook(rows: readonly (readonly Cell[])[]): Promise<Uint8Array> {
  const buffer = await writeXlsxFile(rows.map((row) => [...row])).toBuffer();
  return new Uint8Array(buffer);
}

const text = (value: string): Cell => (value === '' ? null : { value, type: String });
const columnOf = (name: string) => applicantHeader().indexOf(name) + 1;

async function read(data: Uint8Array) {
  const result = await readApplicantsXlsx(data, { today: TODAY });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('cellAddress', () => {
  it('names cells as spreadsheets do', () => {
    expect(cellAddress(1, 1)).toBe('A1');
    expect(cellAddress(7, 26)).toBe('Z7');
    expect(cellAddress(2, 27)).toBe('AA2');
    expect(cellAddress(3, 703)).toBe('AAA3');
  });
});

describe('applicants XLSX', () => {
  it('reads back what it wrote', async () => {
    const data = await writeApplicantsXlsx([RICH, applicant({ uscc: USCC_XINSHI, district: null })]);
    expect(await read(data)).toEqual({
      applicants: [
        { line: 2, applicant: RICH },
        { line: 3, applicant: applicant({ uscc: USCC_XINSHI, district: null }) },
      ],
      errors: [],
    });
  });

  it('round-trips any valid records', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryApplicants, async (records) => {
        const result = await read(await writeApplicantsXlsx(records));
        expect(result.errors).toEqual([]);
        expect(result.applicants.map((entry) => entry.applicant)).toEqual(records);
      }),
      { numRuns: 25 },
    );
  });

  it('reports a malformed cell with its row, column and address, and keeps the other rows', async () => {
    const header = applicantHeader().map(text);
    const cells = (record: ApplicantRecord) => applicantToCells(record).map(text);
    // An all-digit credit code typed as a number: Excel has already rounded it.
    const roundedCode = cells(applicant());
    roundedCode[columnOf('统一社会信用代码') - 1] = { value: Number('914403001922038216'), type: Number };
    // A founding date typed as a bare serial number, without a date format.
    const serialDate = cells(applicant({ uscc: USCC_XINSHI }));
    serialDate[columnOf('成立日期') - 1] = { value: 40724, type: Number };
    // A real Excel date cell is read as its day.
    const dateCell = cells(applicant({ uscc: USCC_TOUTUNHE }));
    dateCell[columnOf('成立日期') - 1] = { value: new Date(Date.UTC(2011, 5, 30)), type: Date, format: 'yyyy/mm/dd' };
    const result = await read(await workbook([header, roundedCode, [], serialDate, dateCell]));
    expect(
      result.errors.map((error) => [error.line, error.column, error.field, error.code, error.params.cell]),
    ).toEqual([
      [2, 2, '统一社会信用代码', 'E_XLSX_CELL', 'B2'],
      [4, 5, '成立日期', 'E_APPLICANT_DATE', undefined],
    ]);
    expect(result.errors[1]?.params.value).toBe('40724');
    expect(result.applicants).toEqual([{ line: 5, applicant: applicant({ uscc: USCC_TOUTUNHE }) }]);
  });

  it('pads rows whose trailing cells are empty', async () => {
    const header = applicantHeader().map(text);
    const row = applicantToCells(applicant({ materials: [] })).map(text);
    const table = await readXlsxTable(await workbook([header, row]));
    expect(table.ok && table.value.rows[1]?.cells.length).toBe(16);
  });

  it('refuses a file that is not a workbook, or is too large', async () => {
    const notZip = await readApplicantsXlsx(new TextEncoder().encode('名称,代码\r\n'), { today: TODAY });
    expect(notZip.ok ? undefined : notZip.error.code).toBe('E_XLSX_READ');
    const large = await readApplicantsXlsx(new Uint8Array(MAX_XLSX_BYTES + 1), { today: TODAY });
    expect(large.ok ? undefined : large.error.code).toBe('E_XLSX_READ');
  });
});
