import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoMaterialPdf } from '../../../src-main/services/demo-material';

const lines = ['Scorebook demo - application material (fictional)', 'Applicant: demo-applicant-kunlan'];
const text = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

describe('the demo material PDF', () => {
  it('is a one-page PDF another library reads', async () => {
    const bytes = demoMaterialPdf(lines);
    expect(text(bytes.subarray(0, 5))).toBe('%PDF-');
    const document = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(document.getPageCount()).toBe(1);
    expect(document.getPage(0).getSize()).toEqual({ width: 595, height: 842 });
  });

  it('has a cross-reference table whose every entry points at its object', () => {
    const pdf = text(demoMaterialPdf(lines));
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref, startxref + 5)).toBe('xref\n');
    const entries = pdf.slice(startxref).split('\n').slice(3, 8);
    entries.forEach((entry, index) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      const offset = Number(entry.slice(0, 10));
      expect(pdf.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`);
    });
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)?.[1]);
    const start = pdf.indexOf('stream\n') + 'stream\n'.length;
    expect(pdf.slice(start + length, start + length + 9)).toBe('endstream');
  });

  it('is the same bytes for the same lines, and escapes what a PDF string must', () => {
    expect(demoMaterialPdf(lines)).toEqual(demoMaterialPdf([...lines]));
    const pdf = text(demoMaterialPdf(['a (b) c\\ 中文']));
    expect(pdf).toContain('(a \\(b\\) c\\\\ ??) Tj');
    expect([...demoMaterialPdf(['中文'])].every((byte) => byte < 0x80)).toBe(true);
  });
});
