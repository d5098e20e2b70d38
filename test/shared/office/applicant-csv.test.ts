import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateApplicant } from '../../../src-shared/office/applicant-issues';
import { exportApplicantsCsv, importApplicantsCsv } from '../../../src-shared/office/applicant-csv';
import { applicantHeader, applicantToCells } from '../../../src-shared/office/applicant-rows';
import type { ApplicantRecord } from '../../../src-shared/office/applicant-schema';
import { formatCsv } from '../../../src-shared/office/csv';
import { arbitraryApplicants } from './applicant-arbitrary';
import { USCC_MIDONG, USCC_TOUTUNHE, USCC_XINSHI, applicant, incident, iso9001 } from './applicant-fixtures';

const TODAY = '2026-11-27';

/** A full record with every multi-valued field in use. */
const RICH: ApplicantRecord = applicant({
  uscc: USCC_TOUTUNHE,
  name: '新疆示例变压器股份有限公司',
  district: 'urumqi-etdz',
  fourNew: true,
  exporter: true,
  certifications: [
    iso9001('2019-01-01', '2025-12-31'),
    { kind: 'excellence-model', label: null, from: '2023-06-01', to: null },
    { kind: 'own-method', label: 'A;B(改进)法', from: '2021-03-01', to: null },
  ],
  incidents: [
    incident('serious-violation', '2024-03-01', '2024-09-01'),
    { ...incident('major-complaint', '2022-01-01'), note: '客户投诉' },
  ],
  exportRecords: [{ kind: 'return', date: '2024-02-01', note: null }],
  contact: { person: '李四', phone: '+86 991-1234567', email: null },
  materials: [{ fileName: '申报书|终稿.pdf', sha256: 'ab'.repeat(32), size: 204800, commercialSecret: true }],
});

/** Header row and body rows → CSV text, with row edits done on cells by column name. */
function csvOf(rows: readonly (readonly string[])[]): string {
  return formatCsv([applicantHeader(), ...rows]);
}

function withCell(record: ApplicantRecord, column: string, value: string): string[] {
  return withCells(record, { [column]: value });
}

function withCells(record: ApplicantRecord, changes: Readonly<Record<string, string>>): string[] {
  const cells = applicantToCells(record);
  for (const [column, value] of Object.entries(changes)) cells[applicantHeader().indexOf(column)] = value;
  return cells;
}

const columnOf = (name: string) => applicantHeader().indexOf(name) + 1;

describe('applicant CSV export', () => {
  it('writes the BOM, the Chinese header and the documented cell syntax', () => {
    const text = exportApplicantsCsv([RICH]);
    expect(
      text.startsWith(
        '\uFEFF组织名称,统一社会信用代码,所在区县,所属行业,成立日期,企业规模,从业人数,四新领域,出口企业,',
      ),
    ).toBe(true);
    expect(text).toContain(
      'ISO9001:2019-01-01~2025-12-31; 卓越绩效:2023-06-01~; 自主方法(A\\;B\\(改进\\)法):2021-03-01~',
    );
    expect(text).toContain('严重违法违规:2024-03-01 信用修复:2024-09-01; 重大投诉(客户投诉):2022-01-01');
    expect(text).toContain(`申报书\\|终稿.pdf|${'ab'.repeat(32)}|204800|商业秘密`);
    // A phone starting with "+" would be a formula in Excel.
    expect(text).toContain(",'+86 991-1234567,");
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back what it wrote', () => {
    const result = importApplicantsCsv(exportApplicantsCsv([RICH, applicant()]), { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.applicants).toEqual([
      { line: 2, applicant: RICH },
      { line: 3, applicant: applicant() },
    ]);
  });
});

describe('applicant CSV import', () => {
  it('accepts English headers in another order, LF, no BOM and Chinese date spellings', () => {
    const header = applicantHeader();
    const english = [
      'uscc',
      'name',
      ...['district', 'industry', 'founded', 'size', 'employees', 'four new', 'exporter'],
    ];
    const rest = ['certifications', 'incidents', 'export records', 'contact', 'phone', 'email', 'materials'];
    const cells = applicantToCells(applicant());
    const row = [cells[1] ?? '', cells[0] ?? '', ...cells.slice(2)];
    row[header.indexOf('成立日期')] = '2011年6月30日';
    const text = formatCsv([[...english, ...rest], row], { bom: false, newline: '\n' });
    const result = importApplicantsCsv(text, { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.applicants[0]?.applicant).toEqual(applicant());
  });

  it('keeps good rows and reports each bad one with its line, column, field and code', () => {
    const good = applicant();
    const rows = [
      applicantToCells(good),
      withCell(applicant({ uscc: USCC_XINSHI }), '统一社会信用代码', '91650104MA78KQ4D94'),
      withCell(applicant({ uscc: USCC_TOUTUNHE }), '成立日期', '2027-01-01'),
      ['too', 'few'],
      [],
    ];
    const text = csvOf(rows.filter((row) => row.length > 0)) + '\r\n';
    const result = importApplicantsCsv(text, { today: TODAY });
    expect(result.applicants.map((entry) => entry.line)).toEqual([2]);
    expect(result.errors.map((error) => [error.line, error.column, error.field, error.code])).toEqual([
      [3, columnOf('统一社会信用代码'), '统一社会信用代码', 'E_USCC_CHECK'],
      [4, columnOf('成立日期'), '成立日期', 'E_APPLICANT_FUTURE'],
      [5, null, null, 'E_TABLE_COLUMNS'],
    ]);
    expect(result.errors[0]?.params).toMatchObject({ expected: '3', field: '统一社会信用代码', fieldEn: 'uscc' });
    expect(result.errors[2]?.params).toEqual({ expected: 16, actual: 2 });
  });

  it('counts a record with a line break inside as one line, and skips blank lines', () => {
    const named = applicant({ name: '第一行\r\n第二行' });
    const text = csvOf([applicantToCells(named), [''], withCell(applicant({ uscc: USCC_XINSHI }), '企业规模', '巨型')]);
    const result = importApplicantsCsv(text, { today: TODAY });
    expect(result.applicants).toEqual([{ line: 2, applicant: named }]);
    expect(result.errors.map((error) => [error.line, error.field, error.code])).toEqual([
      [4, '企业规模', 'E_APPLICANT_CHOICE'],
    ]);
  });

  it('refuses every row sharing a credit code, and codes already registered', () => {
    const text = csvOf([
      applicantToCells(applicant()),
      applicantToCells(applicant({ uscc: USCC_XINSHI })),
      applicantToCells(applicant({ name: '另一家' })),
    ]);
    const result = importApplicantsCsv(text, { today: TODAY, existing: [{ uscc: USCC_XINSHI }] });
    expect(result.applicants).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.field, error.code, error.params.lines])).toEqual([
      [2, '统一社会信用代码', 'E_APPLICANT_DUPLICATE', '2, 4'],
      [3, '统一社会信用代码', 'E_APPLICANT_EXISTS', undefined],
      [4, '统一社会信用代码', 'E_APPLICANT_DUPLICATE', '2, 4'],
    ]);
    expect(result.errors[0]?.params.uscc).toBe(USCC_MIDONG);
  });

  it('reports every bad cell of a row, multi-valued cells included', () => {
    const cells = withCells(applicant(), {
      四新领域: '也许',
      管理体系认证与方法: 'ISO9001:2019-13-01~; 金牌:2020-01-01~; ISO9001 2019',
    });
    const result = importApplicantsCsv(csvOf([cells]), { today: TODAY });
    expect(result.errors.map((error) => [error.field, error.code, error.params.value])).toEqual([
      ['四新领域', 'E_APPLICANT_CHOICE', '也许'],
      ['管理体系认证与方法', 'E_APPLICANT_DATE', '2019-13-01'],
      ['管理体系认证与方法', 'E_APPLICANT_CHOICE', '金牌'],
      ['管理体系认证与方法', 'E_APPLICANT_FORMAT', 'ISO9001 2019'],
    ]);
  });

  it('refuses the whole file when the header is wrong', () => {
    const header = applicantHeader().map((name) => (name === '四新领域' ? '四新企业' : name));
    const result = importApplicantsCsv(formatCsv([header, applicantToCells(applicant())]), { today: TODAY });
    expect(result.applicants).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.code, error.field])).toEqual([
      [1, 'E_TABLE_HEADER_UNKNOWN', null],
      [1, 'E_TABLE_HEADER_MISSING', '四新领域'],
    ]);
    expect(importApplicantsCsv('', { today: TODAY }).errors.map((error) => error.code)).toEqual(['E_TABLE_EMPTY']);
  });

  it('reports a CSV syntax error at its line and still reads the other rows', () => {
    const text =
      csvOf([applicantToCells(applicant())]) +
      '"broken,row\r\n' +
      formatCsv([applicantToCells(applicant({ uscc: USCC_XINSHI }))], { bom: false });
    const result = importApplicantsCsv(text, { today: TODAY });
    expect(result.errors.map((error) => [error.line, error.code])).toEqual([[3, 'E_CSV_UNTERMINATED']]);
    expect(result.applicants.map((entry) => [entry.line, entry.applicant.uscc])).toEqual([
      [2, USCC_MIDONG],
      [4, USCC_XINSHI],
    ]);
  });
});

describe('applicant CSV round trip', () => {
  it('imports exactly the records it exported', () => {
    fc.assert(
      fc.property(arbitraryApplicants, (records) => {
        for (const record of records) expect(validateApplicant(record, TODAY)).toMatchObject({ ok: true });
        const result = importApplicantsCsv(exportApplicantsCsv(records), { today: TODAY });
        expect(result.errors).toEqual([]);
        expect(result.applicants.map((entry) => entry.applicant)).toEqual(records);
      }),
      { numRuns: 200 },
    );
  });
});
