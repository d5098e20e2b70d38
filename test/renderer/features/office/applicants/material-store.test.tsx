import { afterAll, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../../../src-renderer/components/services';
import { MaterialsField } from '../../../../../src-renderer/features/office/applicants/applicant-materials';
import {
  applyOutcome,
  MATERIAL_MAX_BYTES,
  storeMaterial,
  type KnownMaterials,
} from '../../../../../src-renderer/features/office/applicants/material-store';
import { fail, ok } from '../../../../../src-shared/contract/result';
import { sha256Hex } from '../../../../../src-shared/packages/bytes';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderStatic, testServices } from '../../../support/static-render';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF');
const none: KnownMaterials = { materials: [], stored: [] };

/** A main that stores what it is given (as office:material-add does) and records each call. */
function storingMain(answer?: 'refuse'): { client: AppServices['client']; calls: unknown[] } {
  const calls: unknown[] = [];
  const client: AppServices['client'] = {
    call: async (channel, request) => {
      calls.push({ channel, request });
      if (answer === 'refuse') return fail('E_PDF_DAMAGED', 'not a pdf', { name: 'x.pdf' });
      const base64 = (request as { base64: string }).base64;
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const value = { sha256: await sha256Hex(bytes), size: bytes.length, name: 'x.pdf', mediaType: 'application/pdf' };
      return ok(value) as never;
    },
  };
  return { client, calls };
}

describe('storing an applicant’s PDF', () => {
  it('sends a PDF to main and registers it with main’s hash and size', async () => {
    const main = storingMain();
    const outcome = await storeMaterial(main.client, { name: '申报书.pdf', bytes: pdf }, none);
    const sha256 = await sha256Hex(pdf);
    expect(outcome).toEqual({
      kind: 'added',
      material: { fileName: '申报书.pdf', sha256, size: pdf.length, commercialSecret: false },
    });
    expect(main.calls).toEqual([
      { channel: 'office:material-add', request: { name: '申报书.pdf', base64: btoa(String.fromCharCode(...pdf)) } },
    ]);
    expect(applyOutcome(none, outcome)).toEqual({
      materials: [{ fileName: '申报书.pdf', sha256, size: pdf.length, commercialSecret: false }],
      stored: [sha256],
    });
  });

  it('refuses a file that is not a PDF with E_PDF_DAMAGED, and one over 64 MiB, without sending it', async () => {
    const main = storingMain();
    const text = new TextEncoder().encode('hello');
    expect(await storeMaterial(main.client, { name: '说明.docx', bytes: text }, none)).toEqual({
      kind: 'refused',
      error: { code: 'E_PDF_DAMAGED', params: { name: '说明.docx' } },
    });
    const huge = new Uint8Array(MATERIAL_MAX_BYTES + 1);
    huge.set(pdf);
    expect(await storeMaterial(main.client, { name: '大.pdf', bytes: huge }, none)).toMatchObject({
      kind: 'refused',
      error: { code: 'E_TOO_LARGE' },
    });
    expect(main.calls).toEqual([]);
  });

  it('stores the bytes of a material recorded before by its hash only, and skips one already stored', async () => {
    const sha256 = await sha256Hex(pdf);
    const material = { fileName: '旧.pdf', sha256, size: pdf.length, commercialSecret: true };
    const main = storingMain();
    const restored = await storeMaterial(
      main.client,
      { name: '旧.pdf', bytes: pdf },
      { materials: [material], stored: [] },
    );
    expect(restored).toEqual({ kind: 'restored', sha256 });
    // The mark is added; the commercial-secret choice the office made stays.
    expect(applyOutcome({ materials: [material], stored: [] }, restored)).toEqual({
      materials: [material],
      stored: [sha256],
    });
    const duplicate = await storeMaterial(
      main.client,
      { name: '副本.pdf', bytes: pdf },
      { materials: [material], stored: [sha256] },
    );
    expect(duplicate).toEqual({ kind: 'duplicate', name: '副本.pdf' });
    expect(main.calls).toHaveLength(1);
  });

  it('passes main’s refusal on and registers nothing', async () => {
    const outcome = await storeMaterial(storingMain('refuse').client, { name: 'x.pdf', bytes: pdf }, none);
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: 'E_PDF_DAMAGED' } });
    expect(applyOutcome(none, outcome)).toBe(none);
  });
});

describe('the materials list', () => {
  const db = openTestDatabase('materials-field');
  afterAll(() => db.delete());
  const materials = [
    { fileName: '已存.pdf', sha256: 'a'.repeat(64), size: 2048, commercialSecret: false },
    { fileName: '旧记录.pdf', sha256: 'b'.repeat(64), size: 4096, commercialSecret: true },
  ];
  const render = (lang: 'zh-CN' | 'en') =>
    renderStatic(
      <MaterialsField
        materials={materials}
        stored={['a'.repeat(64)]}
        onChange={() => undefined}
        problemsOf={() => []}
      />,
      { lang, services: testServices(db) },
    );

  it('marks a material whose file was never stored so it is chosen again', () => {
    const html = render('zh-CN');
    expect(html).toContain('已存储');
    expect(html.match(/data-testid="material-not-stored"/g)).toHaveLength(1);
    expect(html).toContain('文件未存储，请重新选择');
    expect(html).toContain('保存文件本身');
  });

  it('says the same in English', () => {
    expect(render('en')).toContain('File not stored: choose it again');
  });
});
