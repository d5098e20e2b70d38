import { contentTypeOf } from '../../../src-main/services/static-files';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_CONTENT_SECURITY_POLICY,
  createAppRequestHandler,
  handleAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../../src-main/electron/app-protocol';
import { viewerContentSecurityPolicy } from '../../../src-main/services/content-policy';
import { protocol, resetElectronDouble } from '../../doubles/electron';

const EXACT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; " +
  "connect-src 'none'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECRET = 'TOP-SECRET-OUTSIDE-THE-BUNDLE';
const INDEX = '<!doctype html><title>Scorebook</title>';
const VIEWER = '<!doctype html><title>viewer</title>';

/** Requests that try to leave the renderer folder (or reach files it must never serve). */
const traversals = [
  'app://scorebook/../secret.txt',
  'app://scorebook/../../../../etc/passwd',
  'app://scorebook/%2e%2e/secret.txt',
  'app://scorebook/%2E%2E/%2e%2E/secret.txt',
  'app://scorebook/..%2fsecret.txt',
  'app://scorebook/%2e%2e%2fsecret.txt',
  'app://scorebook/assets/..%2f..%2fsecret.txt',
  'app://scorebook/..%5csecret.txt',
  'app://scorebook/..\\secret.txt',
  'app://scorebook/assets\\..\\..\\secret.txt',
  'app://scorebook/%252e%252e/secret.txt',
  'app://scorebook/%2e%2e%252fsecret.txt',
  'app://scorebook/%00/../secret.txt',
  'app://scorebook/index.html%00.txt',
  'app://scorebook/C:%5cWindows%5cwin.ini',
  'app://scorebook/%2fetc%2fpasswd',
  'app://scorebook//etc/passwd.txt',
  'app://scorebook/.env',
  'app://scorebook/assets/.hidden.js',
  'app://scorebook/assets/link.js',
  'app://scorebook/%E0%A4%A.js',
];

let root: string;
let rendererDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-app-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(root, 'secret.txt'), SECRET);
  await writeFile(join(root, 'secret.js'), SECRET);
  await writeFile(join(rendererDir, 'index.html'), INDEX);
  await writeFile(join(rendererDir, '.env'), SECRET);
  await writeFile(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'app-1a2b.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'noto.woff2'), 'font');
  await writeFile(join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(rendererDir, 'assets', 'icon.png'), 'png');
  await writeFile(join(rendererDir, 'assets', 'data.bin'), 'bytes');
  await writeFile(join(rendererDir, 'viewer.html'), VIEWER);
  await writeFile(join(rendererDir, 'assets', 'viewer-Dv1q.js'), 'viewer()');
  await mkdir(join(rendererDir, 'assets', 'folder.js'));
  // A link inside the bundle that points outside it must not be followed.
  await symlink(join(root, 'secret.js'), join(rendererDir, 'assets', 'link.js'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  resetElectronDouble();
});

function get(url: string, method = 'GET'): Promise<Response> {
  return createAppRequestHandler(rendererDir)({ url, method });
}

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetch-capable, and nothing more (no CORS, no CSP bypass)', () => {
    registerAppScheme(protocol);
    expect(protocol.privilegedSchemes).toEqual([
      [
        {
          scheme: 'app',
          privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true },
        },
      ],
    ]);
  });
});

describe('resolveAppPath', () => {
  it('maps files inside the folder', () => {
    expect(resolveAppPath('/r', 'app://scorebook/assets/app.js')).toEqual({
      ok: true,
      filePath: resolve('/r', 'assets', 'app.js'),
    });
    expect(resolveAppPath('/r', 'app://scorebook/index.html?x=1#/y')).toEqual({
      ok: true,
      filePath: resolve('/r', 'index.html'),
    });
  });

  it.each(['app://scorebook', 'app://scorebook/', 'app://scorebook/scoring/applicant-7', 'app://scorebook/assets/'])(
    'maps the route %s (no extension) to index.html',
    (url) => {
      expect(resolveAppPath('/r', url)).toEqual({ ok: true, filePath: resolve('/r', 'index.html') });
    },
  );

  it.each(['app://other/index.html', 'https://scorebook/index.html', 'file:///r/index.html', 'app://scorebook:1/'])(
    'refuses the foreign origin %s',
    (url) => {
      expect(resolveAppPath('/r', url)).toEqual({ ok: false, reason: 'wrong-origin' });
    },
  );

  it.each(traversals)('never resolves %s outside the folder', (url) => {
    const resolved = resolveAppPath('/r', url);
    if (resolved.ok) {
      const rel = relative('/r', resolved.filePath);
      expect(rel.startsWith('..') || isAbsolute(rel)).toBe(false);
    }
  });

  it.each([
    'app://scorebook/..%2fsecret.txt',
    'app://scorebook/..%5csecret.txt',
    'app://scorebook/..\\secret.txt',
    'app://scorebook/%252e%252e/secret.txt',
    'app://scorebook/index.html%00.txt',
    'app://scorebook/C:%5cWindows%5cwin.ini',
    'app://scorebook/.env',
    'app://scorebook/%E0%A4%A.js',
  ])('refuses the encoded or hidden path %s outright', (url) => {
    expect(resolveAppPath('/r', url).ok).toBe(false);
  });
});

describe('the app:// handler', () => {
  it('serves index.html with the exact CSP', async () => {
    const response = await get('app://scorebook/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(EXACT_CSP);
    expect(APP_CONTENT_SECURITY_POLICY).toBe(EXACT_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it.each([
    ['assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['assets/app-1a2b.css', 'text/css; charset=utf-8', 'body{}'],
    ['assets/noto.woff2', 'font/woff2', 'font'],
    ['assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['assets/icon.png', 'image/png', 'png'],
    ['assets/data.bin', 'application/octet-stream', 'bytes'],
  ])('serves %s as %s', async (path, type, body) => {
    const response = await get(`app://scorebook/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(EXACT_CSP);
    expect(await response.text()).toBe(body);
  });

  it('serves the materials viewer page with its own policy, and its scripts with CORS for the sandboxed frame', async () => {
    const page = await get('app://scorebook/viewer.html?material=1');
    expect(await page.text()).toBe(VIEWER);
    expect(page.headers.get('content-security-policy')).toBe(viewerContentSecurityPolicy());
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    const script = await get('app://scorebook/assets/viewer-Dv1q.js');
    expect(script.headers.get('content-security-policy')).toBe(EXACT_CSP);
    expect(script.headers.get('access-control-allow-origin')).toBe('null');
    // Only the viewer's own files: the app's scripts and a spelling of the page in other bytes get the app's.
    expect((await get('app://scorebook/assets/app-1a2b.js')).headers.get('access-control-allow-origin')).toBeNull();
    const encoded = await get('app://scorebook/%76iewer.html');
    expect(encoded.headers.get('content-security-policy')).toBe(EXACT_CSP);
  });

  it('picks content types by extension, case-insensitively', () => {
    expect(contentTypeOf('a/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/chunk.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/x.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('a/x.wasm')).toBe('application/wasm');
    expect(contentTypeOf('a/x')).toBe('application/octet-stream');
  });

  it.each(['app://scorebook/', 'app://scorebook/scoring/applicant-7', 'app://scorebook/office/inbox?tab=2'])(
    'falls back to index.html for the route %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(INDEX);
    },
  );

  it.each(['app://scorebook/assets/missing.js', 'app://scorebook/assets/folder.js', 'app://other/index.html'])(
    'answers 404 with the CSP for %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(EXACT_CSP);
    },
  );

  it.each(traversals)('never serves anything outside the bundle for %s', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(EXACT_CSP);
    if (response.status === 200) expect(body).toBe(INDEX);
    else expect(response.status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods with 405', async () => {
    const head = await get('app://scorebook/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await get('app://scorebook/index.html', method);
      expect(response.status).toBe(405);
      expect(response.headers.get('content-security-policy')).toBe(EXACT_CSP);
    }
  });

  it('does not follow a symbolic link that leaves the bundle', async () => {
    expect(resolveAppPath(rendererDir, 'app://scorebook/assets/link.js').ok).toBe(true);
    const response = await get('app://scorebook/assets/link.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 500 with the CSP, without throwing, when the renderer folder is missing', async () => {
    const response = await createAppRequestHandler(join(root, 'missing'))({
      url: 'app://scorebook/index.html',
      method: 'GET',
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBe(EXACT_CSP);
  });

  it('is registered for the app scheme by handleAppProtocol', async () => {
    handleAppProtocol(protocol, rendererDir);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    const response = await protocol.fetch('app://scorebook/assets/app-1a2b.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
  });
});
