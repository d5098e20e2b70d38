/**
 * A tiny, valid one-page PDF written byte by byte, for the demo's applicant materials (issue 5 item 2): the demo
 * assignment carries one per applicant so every expert sees a material in the viewer. No PDF library at run time
 * (pdf-lib is a development dependency only), and the same lines always give the same bytes.
 *
 * The layout is the minimal one of ISO 32000-1 §7.5: header, five objects (catalog, page tree, page, the standard
 * Helvetica font, one content stream), a cross-reference table whose entries are exactly 20 bytes, and the trailer.
 * Helvetica's built-in encoding covers printable ASCII only, so other characters are written as `?`.
 */
export function demoMaterialPdf(lines: readonly string[]): Uint8Array {
  const text = lines.map((line, index) => `${index === 0 ? '' : '0 -24 Td '}(${pdfString(line)}) Tj`).join('\n');
  const content = `BT\n/F1 16 Tf\n72 760 Td\n${text}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    // Every character is ASCII, so string length is byte length.
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Uint8Array.from(body, (char) => char.charCodeAt(0));
}

/** A PDF literal string's content: printable ASCII, with `\`, `(` and `)` escaped (ISO 32000-1 §7.3.4.2). */
function pdfString(line: string): string {
  return Array.from(line, (char) => {
    const code = char.charCodeAt(0);
    if (char.length !== 1 || code < 0x20 || code > 0x7e) return '?';
    return char === '\\' || char === '(' || char === ')' ? `\\${char}` : char;
  }).join('');
}
