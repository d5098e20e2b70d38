import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * PDFs for the materials viewer's tests and benchmark, made in code so nothing binary is committed: a readable
 * document (text and vector graphics on every page), a damaged one and a password-protected one.
 */

export interface GeneratedPdfOptions {
  readonly pages: number;
  /** Lines of body text per page (more text, bigger file). */
  readonly linesPerPage?: number;
  /** Vector shapes per page (rectangles, lines and circles). */
  readonly shapesPerPage?: number;
  readonly title?: string;
}

/** A deterministic pseudo-random sequence (mulberry32), so a generated file is the same every run. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  'leadership',
  'strategy',
  'customers',
  'measurement',
  'analysis',
  'knowledge',
  'workforce',
  'operations',
  'results',
  'process',
  'improvement',
  'quality',
  'innovation',
  'suppliers',
  'learning',
];

/** A4 pages, each headed "<title> — page n / N" in large type, with body text and shapes under it. */
export async function generatedPdf(options: GeneratedPdfOptions): Promise<Uint8Array> {
  const { pages, linesPerPage = 40, shapesPerPage = 12, title = 'Application material' } = options;
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  // Fixed dates: the bytes (and so their SHA-256) must not change from run to run.
  doc.setCreationDate(new Date('2026-03-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-03-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const random = sequence(pages * 7919 + linesPerPage);
  for (let n = 1; n <= pages; n += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`${title} - page ${n} / ${pages}`, {
      x: 48,
      y: 790,
      size: 22,
      font: bold,
      color: rgb(0.1, 0.1, 0.3),
    });
    for (let line = 0; line < linesPerPage; line += 1) {
      const text = Array.from({ length: 9 }, () => words[Math.floor(random() * words.length)] ?? 'quality').join(' ');
      page.drawText(`${line + 1}. ${text}`, { x: 48, y: 760 - line * 11, size: 8.5, font, color: rgb(0, 0, 0) });
    }
    for (let shape = 0; shape < shapesPerPage; shape += 1) {
      const x = 48 + random() * 440;
      const y = 40 + random() * 250;
      const colour = rgb(random() * 0.8, random() * 0.8, random() * 0.8);
      if (shape % 3 === 0) {
        page.drawRectangle({
          x,
          y,
          width: 20 + random() * 80,
          height: 10 + random() * 60,
          color: colour,
          opacity: 0.6,
        });
      } else if (shape % 3 === 1) {
        page.drawLine({
          start: { x, y },
          end: { x: x + random() * 100, y: y + random() * 80 },
          thickness: 1.5,
          color: colour,
        });
      } else {
        page.drawCircle({ x, y, size: 8 + random() * 30, borderColor: colour, borderWidth: 2 });
      }
    }
    page.drawRectangle({
      x: 40,
      y: 30,
      width: 515,
      height: 770,
      borderColor: rgb(0.5, 0.5, 0.5),
      borderWidth: 0.5,
      rotate: degrees(0),
    });
  }
  return doc.save({ useObjectStreams: true });
}

/** Starts like a PDF, then is noise: no cross-reference, no objects, no catalog — pdf.js cannot recover anything. */
export function damagedPdf(): Uint8Array {
  const random = sequence(42);
  const noise = Array.from({ length: 4096 }, () => Math.floor(random() * 256));
  // No byte sequence in the noise may read as "obj" or "trailer" by accident: keep it below ASCII letters.
  const body = noise.map((byte) => byte % 0x40);
  return new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'), ...body]);
}

function hex(bytes: number, seed: number): string {
  const random = sequence(seed);
  return Array.from({ length: bytes }, () =>
    Math.floor(random() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join('');
}

/**
 * A one-page PDF encrypted with the standard security handler (RC4, revision 2) whose user password is not empty:
 * the /U entry is random, so the empty password does not validate and pdf.js asks for one (PasswordException,
 * NEED_PASSWORD). pdf-lib cannot encrypt, so the file is written by hand with a correct cross-reference table.
 */
export function passwordPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -44 >>`,
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = hex(16, 3);
  text +=
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${id}> <${id}>] >>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  // Every character above is ASCII, so string offsets are byte offsets.
  return new TextEncoder().encode(text);
}
