import react from '@vitejs/plugin-react';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { build } from 'vite';
import { damagedPdf, generatedPdf, passwordPdf } from '../../bench/pdf-fixtures';
import { contentSecurityPolicy, viewerContentSecurityPolicy } from '../../src-main/services/content-policy';
import type { AssignmentMaterial } from '../../src-shared/stages/stage-setup';
import {
  bandLabel,
  demoApplicant,
  expect,
  openApplicant,
  openDemo,
  pickPercent,
  test,
  waitSaved,
} from './support/fixtures';

/**
 * The materials viewer in Debian Chromium: the built renderer's real viewer.html, framed sandboxed by the real
 * React host (MaterialsProvider, MaterialsPanel, the dock). Most cases need files the demo does not have (a damaged
 * one, a protected one, several pages), so the host runs in a harness page (test/renderer/features/materials/
 * harness, built here with Vite) that this test serves on the web host's own origin with the app's CSP; only
 * main's `materials:read` is stood in for, by the files below. Everything in the frame is the shipped code. The
 * last case drives the real app: the demo applicant's material beside the scorebook, through the real handler.
 */

const harnessBase = '/__materials-harness/';
let harnessDir = '';

interface Fixture {
  readonly material: AssignmentMaterial;
  readonly bytes: Uint8Array;
}

/** The harness shows the demo assignment's first applicant (support/materials-world.ts). */
function demoApplicantId(): string {
  const demo = JSON.parse(readFileSync('resources/demo/demo-cycle.json', 'utf8')) as {
    assignment: { applicantIds: string[] };
  };
  return demo.assignment.applicantIds[0] ?? '';
}

function material(name: string, bytes: Uint8Array, commercialSecret: boolean): Fixture {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const applicantId = demoApplicantId();
  return { material: { applicantId, sha256, size: bytes.byteLength, name, commercialSecret }, bytes };
}

let fixtures: Fixture[] = [];

test.beforeAll(async () => {
  harnessDir = mkdtempSync(join(tmpdir(), 'materials-harness-'));
  await build({
    configFile: false,
    root: resolve('test/renderer/features/materials/harness'),
    base: harnessBase,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: harnessDir, emptyOutDir: true },
  });
  fixtures = [
    material('申报书.pdf', await generatedPdf({ pages: 5, title: 'Application' }), false),
    material('财务报表（商业秘密）.pdf', await generatedPdf({ pages: 3, shapesPerPage: 0, title: 'Finance' }), true),
    material('损坏的文件.pdf', damagedPdf(), false),
    material('加密的文件.pdf', passwordPdf(), false),
  ];
});

test.afterAll(() => {
  rmSync(harnessDir, { recursive: true, force: true });
});

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Opens the harness on the host's origin; `files` maps each material to the bytes main would answer with. */
async function openHarness(page: Page, origin: string, files: (f: Fixture) => Uint8Array = (f) => f.bytes) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.route(`${origin}${harnessBase}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(harnessBase.length) || 'index.html';
    await route.fulfill({
      body: readFileSync(join(harnessDir, path)),
      contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
      headers: { 'Content-Security-Policy': contentSecurityPolicy("'self'") },
    });
  });
  const config = {
    dbName: `materials-${Math.random().toString(36).slice(2)}`,
    materials: fixtures.map((f) => f.material),
    files: Object.fromEntries(fixtures.map((f) => [f.material.sha256, Buffer.from(files(f)).toString('base64')])),
  };
  await page.addInitScript((value) => {
    (window as unknown as { __materialsHarness: unknown }).__materialsHarness = value;
  }, config);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${origin}${harnessBase}index.html`);
  await expect(page.getByRole('heading', { name: '申报材料' })).toBeVisible();
  return violations;
}

function viewerFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().endsWith('/viewer.html'));
  if (frame === undefined) throw new Error('no viewer frame');
  return frame;
}

/** Pixels of the page canvas that are not white, and those tinted like the watermark's red. */
async function canvasInk(frame: Frame): Promise<{ page: string | undefined; ink: number; red: number }> {
  return frame.evaluate(() => {
    const canvas = document.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (canvas === null || context === null || context === undefined) return { page: undefined, ink: 0, red: 0 };
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 255, data[i + 1] ?? 255, data[i + 2] ?? 255];
      if (r < 245 || g < 245 || b < 245) ink += 1;
      if (r > 200 && r - g > 15 && r - b > 15) red += 1;
    }
    return { page: document.body.dataset.page, ink, red };
  });
}

const dock = (page: Page) => page.getByRole('dialog');

/** Waits until the frame has painted `n` (the indicator changes as soon as a page is asked for). */
async function painted(page: Page, n: number, of: number): Promise<void> {
  await expect(dock(page).getByTestId('materials-page')).toHaveText(`第 ${n} / ${of} 页`);
  await expect(page.locator('.materials-view')).toHaveAttribute('data-painted-page', String(n));
}
const open = (page: Page, name: string) => page.getByRole('button', { name: `查看“${name}”` }).click();

test('a PDF opens at page 1, turns to page 3 and back by keyboard, beside the score inputs', async ({ page, host }) => {
  const violations = await openHarness(page, host.origin);
  await expect(page.getByRole('cell', { name: /财务报表/ }).getByText('商业秘密')).toBeVisible();
  await open(page, '申报书.pdf');
  await painted(page, 1, 5);
  const first = await canvasInk(viewerFrame(page));
  expect(first.page).toBe('1');
  expect(first.ink).toBeGreaterThan(5000);
  expect(await viewerFrame(page).evaluate(() => document.body.dataset.watermark)).toBeUndefined();

  await dock(page).getByRole('spinbutton', { name: '转到页码' }).fill('3');
  await dock(page).getByRole('button', { name: '转到' }).click();
  await painted(page, 3, 5);
  const third = await canvasInk(viewerFrame(page));
  expect(third.page).toBe('3');
  expect(third.ink).toBeGreaterThan(5000);

  // Keys pressed inside the frame reach the host, which owns the page number.
  await page.frameLocator('iframe[title*="申报书.pdf"]').locator('canvas').click();
  await page.keyboard.press('PageDown');
  await painted(page, 4, 5);
  await dock(page).getByRole('button', { name: '上一页' }).press('ArrowLeft');
  await painted(page, 3, 5);
  await dock(page).getByRole('button', { name: '放大 150%' }).click();
  await expect(dock(page).getByRole('button', { name: '放大 150%' })).toHaveAttribute('aria-pressed', 'true');
  await expect(dock(page).getByRole('button', { name: '保存副本' })).toBeVisible();

  // On 1366×768 the dock leaves the score inputs uncovered and usable.
  const dockBox = await dock(page).boundingBox();
  const scoreBox = await page.getByRole('group', { name: '得分率' }).boundingBox();
  expect(dockBox !== null && scoreBox !== null && scoreBox.x + scoreBox.width <= dockBox.x).toBe(true);
  await page.getByRole('radio', { name: '55%' }).check();

  await page.frameLocator('iframe[title*="申报书.pdf"]').locator('canvas').click();
  await page.keyboard.press('Escape');
  await expect(dock(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '查看“申报书.pdf”' })).toBeFocused();
  expect(violations).toEqual([]);
});

test('"cite this page" writes the page into the focused comment; an evidence link opens its page', async ({
  page,
  host,
}) => {
  await openHarness(page, host.origin);
  await page.getByRole('button', { name: '证据：材料第 3 页' }).click();
  await painted(page, 3, 5);
  await expect(dock(page).getByRole('button', { name: '引用本页' })).toBeDisabled();
  await expect(dock(page).getByText('先点击要写入的评语框，再引用本页。')).toBeVisible();
  await page.getByRole('textbox', { name: '优势 1' }).fill('战略目标量化');
  await dock(page).getByRole('button', { name: '引用本页' }).click();
  await expect(page.getByRole('textbox', { name: '优势 1' })).toHaveValue('战略目标量化（申报书.pdf 第 3 页）');
  await expect(dock(page).getByRole('status').filter({ hasText: '已把' })).toContainText('第 3 页');
});

test('a commercial secret is watermarked with the name and time, with no save button', async ({ page, host }) => {
  await openHarness(page, host.origin);
  await open(page, '财务报表（商业秘密）.pdf');
  await painted(page, 1, 3);
  await expect(dock(page).getByTestId('materials-watermark')).toContainText(/李明 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(dock(page).getByRole('button', { name: '保存副本' })).toHaveCount(0);
  await expect(dock(page)).toHaveAttribute('data-secret', 'true');
  const frame = viewerFrame(page);
  expect(await frame.evaluate(() => document.body.dataset.watermark)).toMatch(
    /^李明 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · /,
  );
  // The page has only black text and a grey frame: every red-tinted pixel is the watermark, in the canvas itself.
  const secret = await canvasInk(frame);
  expect(secret.red).toBeGreaterThan(2000);
  // Printing the page shows nothing of the secret material.
  await page.emulateMedia({ media: 'print' });
  await expect(dock(page)).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});

test('damaged and password-protected files are refused with their messages; the page stays usable', async ({
  page,
  host,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openHarness(page, host.origin);
  await open(page, '损坏的文件.pdf');
  await expect(dock(page).getByRole('alert')).toContainText('材料“损坏的文件.pdf”无法打开');
  await expect(dock(page).getByRole('alert')).toContainText('E_PDF_DAMAGED');
  await page.getByRole('textbox', { name: '优势 1' }).fill('仍可输入');
  await page.getByRole('radio', { name: '60%' }).check();
  await expect(page.getByRole('radio', { name: '60%' })).toBeChecked();

  await page.getByRole('button', { name: '查看“加密的文件.pdf”' }).click();
  await expect(dock(page).getByRole('alert')).toContainText('材料“加密的文件.pdf”设有密码');
  await expect(dock(page).getByRole('alert')).toContainText('E_PDF_PASSWORD');
  expect(await viewerFrame(page).evaluate(() => document.querySelectorAll('input, canvas').length)).toBe(0);
  expect(dialogs).toEqual([]);

  // A good file still opens afterwards in the same page.
  await open(page, '申报书.pdf');
  await painted(page, 1, 5);
  await expect(page.getByRole('textbox', { name: '优势 1' })).toHaveValue('仍可输入');
});

test('bytes that differ from the signed SHA-256 are never shown', async ({ page, host }) => {
  await openHarness(page, host.origin, (f) => (f.material.name === '申报书.pdf' ? passwordPdf() : f.bytes));
  await open(page, '申报书.pdf');
  await expect(dock(page).getByRole('alert')).toContainText('E_ATTACHMENT');
  await expect(dock(page).getByRole('alert')).toContainText('申报书.pdf');
  await expect(dock(page).getByTestId('materials-page')).toHaveText('第 1 页');
});

test('the viewer frame reaches neither the app, nor the contract, nor the network', async ({ page, host }) => {
  await openHarness(page, host.origin);
  await open(page, '申报书.pdf');
  await painted(page, 1, 5);
  const frame = viewerFrame(page);
  expect(await frame.evaluate(() => self.origin)).toBe('null');
  const probes = await frame.evaluate(async () => {
    const attempt = (read: () => unknown): string => {
      try {
        return `read ${typeof read()}`;
      } catch (error) {
        return error instanceof Error ? error.name : 'threw';
      }
    };
    let rpc: string;
    try {
      await fetch('/rpc/app:info', { method: 'POST', body: '{}' });
      rpc = 'reached';
    } catch {
      rpc = 'refused';
    }
    return {
      scorebook: attempt(() => (window.parent as unknown as { scorebook: unknown }).scorebook),
      parentDocument: attempt(() => window.parent.document),
      parentStorage: attempt(() => window.parent.localStorage),
      ownStorage: attempt(() => window.localStorage),
      indexedDb: attempt(() => indexedDB.open('scorebook')),
      rpc,
    };
  });
  expect(probes).toEqual({
    scorebook: 'SecurityError',
    parentDocument: 'SecurityError',
    parentStorage: 'SecurityError',
    ownStorage: 'SecurityError',
    indexedDb: 'SecurityError',
    rpc: 'refused',
  });
  const response = await page.request.get(`${host.origin}/viewer.html`);
  expect(response.headers()['content-security-policy']).toBe(viewerContentSecurityPolicy());
  const app = await page.request.get(`${host.origin}/`);
  expect(app.headers()['content-security-policy']).toBe(contentSecurityPolicy("'self'"));
  expect(await page.locator('iframe').getAttribute('sandbox')).toBe('allow-scripts');
});

test('in the app: the demo applicant’s secret material opens beside the scorebook, watermarked', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page, host.url);
  await openApplicant(page, demoApplicant);
  const name = `${demoApplicant}-申报材料（示例）.pdf`;
  await page.getByRole('button', { name: `查看“${name}”` }).click();
  await expect(page.locator('.materials-view')).toHaveAttribute('data-painted-page', '1');
  await expect(dock(page).getByTestId('materials-page')).toHaveText(/^第 1 \/ \d+ 页$/);
  await expect(dock(page).getByTestId('materials-watermark')).toContainText('李明');
  await expect(dock(page).getByRole('button', { name: '保存副本' })).toHaveCount(0);
  expect((await canvasInk(viewerFrame(page))).red).toBeGreaterThan(500);
  // The score inputs stay uncovered and usable while the dock is open.
  const dockBox = await dock(page).boundingBox();
  const band = page.getByRole('radio', { name: bandLabel(45), exact: false });
  const bandBox = await band.boundingBox();
  expect(dockBox !== null && bandBox !== null && bandBox.x + bandBox.width <= dockBox.x).toBe(true);
  await pickPercent(page, 45);
  await waitSaved(page);
  await dock(page).getByRole('button', { name: '关闭' }).click();
  await expect(dock(page)).toHaveCount(0);
});
