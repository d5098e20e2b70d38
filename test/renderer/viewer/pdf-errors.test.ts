import { describe, expect, it } from 'vitest';
import { PdfEngineError, pdfFailure } from '../../../src-renderer/viewer/pdf-errors';

function named(name: string): Error {
  return Object.assign(new Error('x'), { name });
}

describe('what a pdf.js failure means', () => {
  it('a PasswordException is a protected file, never a prompt', () => {
    expect(pdfFailure(named('PasswordException'))).toBe('E_PDF_PASSWORD');
  });

  it.each(['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'Error'])('%s is a damaged file', (name) => {
    expect(pdfFailure(named(name))).toBe('E_PDF_DAMAGED');
  });

  it('anything thrown that is not an error is a damaged file too', () => {
    expect(pdfFailure('boom')).toBe('E_PDF_DAMAGED');
    expect(pdfFailure(undefined)).toBe('E_PDF_DAMAGED');
  });

  it('a render replaced by a newer page is not an error', () => {
    expect(pdfFailure(named('RenderingCancelledException'))).toBe('cancelled');
    expect(pdfFailure(named('AbortException'))).toBe('cancelled');
  });

  it('a worker that cannot start is the viewer failing, not the file', () => {
    expect(pdfFailure(new PdfEngineError('did not start'))).toBe('E_INTERNAL');
  });
});
