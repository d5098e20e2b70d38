import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../src-shared/office/csv';

const fields = (text: string) => parseCsv(text).records.map((record) => record.fields);

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records with CRLF, LF or CR line ends', () => {
    expect(fields('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fields('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('"a,b","say ""hi""","line1\r\nline2"\r\nx,y,z\r\n')).toEqual([
      ['a,b', 'say "hi"', 'line1\r\nline2'],
      ['x', 'y', 'z'],
    ]);
    expect(fields('"",""\n')).toEqual([['', '']]);
  });

  it('skips a byte order mark at the start only', () => {
    expect(fields('\uFEFF名称,代码\r\n')).toEqual([['名称', '代码']]);
    expect(fields('a,\uFEFFb\n')).toEqual([['a', '\uFEFFb']]);
  });

  it('keeps empty fields, spaces, and a quote inside an unquoted field', () => {
    expect(fields(',a, b ,\n')).toEqual([['', 'a', ' b ', '']]);
    expect(fields('5" disk,x\n')).toEqual([['5" disk', 'x']]);
  });

  it('does not make a record of the final line break, but does of a blank line', () => {
    expect(fields('a\r\n')).toEqual([['a']]);
    expect(fields('a\r\n\r\n')).toEqual([['a'], ['']]);
    expect(fields('')).toEqual([]);
    expect(fields('\uFEFF')).toEqual([]);
  });

  it('numbers records as rows and remembers the text line they start on', () => {
    const { records } = parseCsv('h\r\n"two\r\nlines"\r\nthird\r\n');
    expect(records.map((record) => [record.row, record.textLine])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('reports an unterminated quote and reads on from the next line', () => {
    const result = parseCsv('h1,h2\r\n"open,x\r\nc,d\r\n');
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 2, column: null, code: 'E_CSV_UNTERMINATED', params: { line: 2 } }),
    ]);
    expect(result.records.map((record) => [record.row, record.fields])).toEqual([
      [1, ['h1', 'h2']],
      [3, ['c', 'd']],
    ]);
  });

  it('reports characters after a closing quote and skips that record only', () => {
    const result = parseCsv('a,b\r\n"x"y,z\r\nc,d\r\n');
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, code: 'E_CSV_QUOTE' })]);
    expect(result.records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('formatCsv', () => {
  it('writes a BOM and CRLF, quoting only what needs it', () => {
    expect(formatCsv([['名称', 'a,b', 'say "hi"', 'x\ny', 'plain']])).toBe(
      '\uFEFF名称,"a,b","say ""hi""","x\ny",plain\r\n',
    );
    expect(formatCsv([['a']], { bom: false, newline: '\n' })).toBe('a\n');
  });

  it('writes a row of one empty field so that it reads back as a row', () => {
    expect(formatCsv([[''], ['a']], { bom: false })).toBe('""\r\na\r\n');
  });
});

describe('round trip', () => {
  const field = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\r', '\n', ' ', '\uFEFF', 'x'), maxLength: 8 }),
    fc.string({ maxLength: 8 }),
  );
  const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 });

  it('parses what it formats, with or without BOM, CRLF or LF', () => {
    fc.assert(
      fc.property(rows, fc.boolean(), fc.constantFrom('\r\n' as const, '\n' as const), (table, bom, newline) => {
        const parsed = parseCsv(formatCsv(table, { bom, newline }));
        expect(parsed.errors).toEqual([]);
        expect(parsed.records.map((record) => record.fields)).toEqual(table);
      }),
    );
  });
});
