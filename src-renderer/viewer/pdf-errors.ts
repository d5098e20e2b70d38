/**
 * What a pdf.js failure means to the expert. pdf.js rebuilds worker errors on this side by name, so the name is what
 * survives the thread boundary: a PasswordException is a protected file (never prompted for: the office must send an
 * unprotected one); everything else that stops a document or a page is a damaged file.
 */
/** pdf.js's worker could not start in this frame (reported as E_INTERNAL: no PDF can be shown). */
export class PdfEngineError extends Error {
  override readonly name = 'PdfEngineError';
}

export type PdfFailure = 'E_PDF_PASSWORD' | 'E_PDF_DAMAGED' | 'E_INTERNAL' | 'cancelled';

function nameOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

export function pdfFailure(error: unknown): PdfFailure {
  const name = nameOf(error);
  if (name === 'PasswordException') return 'E_PDF_PASSWORD';
  // The viewer itself failed (pdf.js's worker did not start): not the file's fault.
  if (name === 'PdfEngineError') return 'E_INTERNAL';
  // A newer page or document replaced this one: not an error to show.
  if (name === 'RenderingCancelledException' || name === 'AbortException') return 'cancelled';
  return 'E_PDF_DAMAGED';
}
