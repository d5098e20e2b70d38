import { describe, expect, it } from 'vitest';
import { ok } from '../../../../../src-shared/contract/result';
import { applicantHeader, applicantToCells } from '../../../../../src-shared/office/applicant-rows';
import { formatCsv } from '../../../../../src-shared/office/csv';
import type { AppServices } from '../../../../../src-renderer/components/services';
import {
  MAX_IMPORT_BYTES,
  decodeCsv,
  readApplicantFile,
  refusedLineCount,
} from '../../../../../src-renderer/features/office/applicants/import-file';
import { USCC_XINSHI, applicant } from '../../../../shared/office/applicant-fixtures';

const options = { today: '2026-03-02', existing: [applicant()] };

function fileOf(bytes: Uint8Array): { size: number; arrayBuffer: () => Promise<ArrayBuffer> } {
  const copy = new Uint8Array(bytes);
  return { size: copy.byteLength, arrayBuffer: async () => copy.buffer };
}

/** A client that must not be called (CSV is read in the renderer). */
const noClient: AppServices['client'] = {
  call: (async () => {
    throw new Error('main was called for a CSV file');
  }) as AppServices['client']['call'],
};

describe('decodeCsv', () => {
  it('reads UTF-8 and, when the bytes are not UTF-8, GB 18030 as Excel on Chinese Windows writes it', () => {
    expect(decodeCsv(new TextEncoder().encode('组织名称,成立日期'))).toBe('组织名称,成立日期');
    // "组织名称" in GBK / GB 18030.
    expect(decodeCsv(new Uint8Array([0xd7, 0xe9, 0xd6, 0xaf, 0xc3, 0xfb, 0xb3, 0xc6]))).toBe('组织名称');
  });
});

describe('readApplicantFile', () => {
  it('reads a CSV file: the valid rows, and each refused line with its code (already registered included)', async () => {
    const text = formatCsv([
      applicantHeader(),
      applicantToCells(applicant({ uscc: USCC_XINSHI, name: '新市区某公司' })),
      applicantToCells(applicant({ name: '已登记' })),
      applicantToCells(applicant({ uscc: '123', name: '坏代码' })),
    ]);
    const read = await readApplicantFile(fileOf(new TextEncoder().encode(text)), noClient, options);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.applicants.map((a) => [a.line, a.applicant.uscc])).toEqual([[2, USCC_XINSHI]]);
    expect(read.value.problems.map((p) => [p.line, p.field, p.fieldEn, p.error.code])).toEqual([
      [3, '统一社会信用代码', 'uscc', 'E_APPLICANT_EXISTS'],
      [4, '统一社会信用代码', 'uscc', 'E_USCC_LENGTH'],
    ]);
    expect(refusedLineCount(read.value.problems)).toBe(2);
  });

  it('sends a workbook to main and merges its unreadable cells with the import problems, in line order', async () => {
    const calls: unknown[] = [];
    const client: AppServices['client'] = {
      call: (async (channel: string, request: unknown) => {
        calls.push([channel, request]);
        return ok({
          rows: [
            { line: 1, cells: applicantHeader() },
            { line: 2, cells: applicantToCells(applicant()) },
            { line: 4, cells: applicantToCells(applicant({ uscc: USCC_XINSHI })) },
          ],
          errors: [
            {
              line: 3,
              column: 2,
              field: '统一社会信用代码',
              code: 'E_XLSX_CELL',
              message: 'cell',
              params: { cell: 'B3' },
            },
            { line: 5, column: null, field: null, code: 'E_FROM_A_NEWER_MAIN', message: 'odd', params: {} },
          ],
        });
      }) as AppServices['client']['call'],
    };
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const read = await readApplicantFile(fileOf(zip), client, options);
    if (!read.ok) throw new Error(read.error.message);
    expect(calls).toEqual([['office:xlsx-read', { base64: 'UEsDBAECAw==' }]]);
    expect(read.value.applicants.map((a) => a.line)).toEqual([4]);
    expect(read.value.problems.map((p) => [p.line, p.error.code])).toEqual([
      [2, 'E_APPLICANT_EXISTS'],
      [3, 'E_XLSX_CELL'],
      [5, 'E_INTERNAL'],
    ]);
    expect(read.value.problems[2]?.error.params).toEqual({ detail: 'E_FROM_A_NEWER_MAIN: odd' });
  });

  it('answers what main answers when the workbook cannot be read', async () => {
    const client: AppServices['client'] = {
      call: (async () => ({
        ok: false,
        error: { code: 'E_XLSX_READ', message: 'bad', params: { detail: 'zip' } },
      })) as AppServices['client']['call'],
    };
    const read = await readApplicantFile(fileOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04])), client, options);
    expect(read).toMatchObject({ ok: false, error: { code: 'E_XLSX_READ' } });
  });

  it('refuses an old .xls workbook and a file over the size limit without reading on', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readApplicantFile(fileOf(xls), noClient, options)).toMatchObject({
      ok: false,
      error: { code: 'E_XLSX_READ' },
    });
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      arrayBuffer: async () => {
        throw new Error('read a file over the limit');
      },
    };
    expect(await readApplicantFile(huge, noClient, options)).toMatchObject({
      ok: false,
      error: { code: 'E_TOO_LARGE', params: { limit: MAX_IMPORT_BYTES } },
    });
  });

  it('keeps the header of a CSV with a byte order mark', async () => {
    const text = formatCsv([applicantHeader(), applicantToCells(applicant({ uscc: USCC_XINSHI }))]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const read = await readApplicantFile(fileOf(new TextEncoder().encode(text)), noClient, { today: '2026-03-02' });
    expect(read.ok && read.value.applicants.length).toBe(1);
    expect(read.ok && read.value.problems).toEqual([]);
  });
});
