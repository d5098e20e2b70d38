import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { viewerContentSecurityPolicy } from '../../../src-main/services/content-policy';
import { webCsp } from '../../../src-main/web/web-host';
import { appJs, indexHtml, rawRequest, startTestHost, viewerHtml, type TestHost } from './test-host';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost();
});

afterAll(async () => {
  await host.close();
});

afterEach(() => {
  expect(host.listenerErrors.splice(0)).toEqual([]);
  expect(host.dispatch).not.toHaveBeenCalled();
});

const get = (path: string): Promise<Response> => fetch(`${host.origin}${path}`);

describe('GET / on the web host', () => {
  it('serves index.html as HTML, never cached', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(indexHtml);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends a Content-Security-Policy that allows only same-origin scripts and fetches and no framing', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    const directives = csp.split(';').map((directive) => directive.trim());
    expect(directives).toContain("default-src 'none'");
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("connect-src 'self'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toBe(webCsp);
  });

  it('serves the materials viewer page with its own policy, and only its scripts with CORS for its frame', async () => {
    const page = await get('/viewer.html');
    expect(await page.text()).toBe(viewerHtml);
    expect(page.headers.get('content-security-policy')).toBe(viewerContentSecurityPolicy());
    const script = await get('/assets/viewer-Dv1q.js');
    expect(script.headers.get('content-security-policy')).toBe(webCsp);
    expect(script.headers.get('access-control-allow-origin')).toBe('null');
    expect((await get('/assets/app.js')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends nosniff, no referrer, same-origin isolation and DENY framing', async () => {
    const headers = (await get('/')).headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${host.origin}/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s on a static path with 405', async (method) => {
    expect((await fetch(`${host.origin}/`, { method })).status).toBe(405);
  });
});

describe('GET of a built asset', () => {
  it('serves /assets/app.js as JavaScript with a long, immutable cache', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(appJs);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('cache-control')).toContain('max-age=31536000');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for a missing file with an extension (no fallback that would serve HTML as a script)', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
  });
});

describe('the single-page fallback', () => {
  it.each(['/scoring', '/assignments/a-1/applicants', '/office/', '/?token=abc'])(
    'serves index.html for %s, a route without an extension',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(indexHtml);
    },
  );
});

describe('paths that try to leave the renderer folder', () => {
  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e/',
    '/assets/../../package.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/%00.js',
    '/%E0%A4%A.js',
  ])('refuses %s with 404 and serves nothing from outside', async (path) => {
    const response = await rawRequest(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret');
  });
});

describe('a foreign Host header on a static path', () => {
  it('answers 421 and serves nothing (DNS rebinding)', async () => {
    const response = await rawRequest(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('Scorebook');
  });
});

describe('a web host without a renderer folder (development, Vite serves the renderer)', () => {
  let bare: TestHost;

  beforeAll(async () => {
    bare = await startTestHost({ withRenderer: false });
  });

  afterAll(async () => {
    await bare.close();
  });

  it('answers 404 for a static path when nothing else handles it', async () => {
    expect((await fetch(`${bare.origin}/`)).status).toBe(404);
    expect(bare.listenerErrors).toEqual([]);
  });

  it('still answers RPC calls', async () => {
    const response = await fetch(`${bare.origin}/rpc/app:info`, {
      method: 'POST',
      headers: { Origin: bare.origin, 'X-Scorebook-Token': bare.token },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { transport: 'web' } });
  });
});
