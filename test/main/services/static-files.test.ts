import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../../src-main/services/static-files';

const root = resolve('/srv/scorebook/renderer');
const inRoot = (...parts: string[]): string => resolve(root, ...parts);

describe('resolveStaticFile refuses paths that could leave the renderer folder', () => {
  it.each([
    ['a .. segment', '/../package.json'],
    ['a .. segment after a folder', '/assets/../../package.json'],
    ['a .. segment that would stay inside', '/assets/../index.html'],
    ['a trailing ..', '/assets/..'],
    ['a . segment', '/./index.html'],
    ['an encoded ..', '/%2e%2e/package.json'],
    ['an upper-case encoded ..', '/%2E%2E/package.json'],
    ['an encoded slash after ..', '/..%2fpackage.json'],
    ['a fully encoded traversal', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['a half-encoded ..', '/.%2e/package.json'],
    ['a backslash', '/assets\\app.js'],
    ['a backslash traversal', '/..\\package.json'],
    ['an encoded backslash', '/%5c..%5cpackage.json'],
    ['a NUL byte', '/index.html%00.js'],
    ['a raw NUL byte', '/index.html\0'],
    ['a truncated escape', '/%E0%A4%A'],
    ['a lone percent sign', '/%'],
    ['an invalid escape', '/%zz.js'],
    ['an overlong UTF-8 encoding of /', '/%c0%af..%c0%afpackage.json'],
  ])('refuses %s (%j)', (_, urlPath) => {
    expect(resolveStaticFile(root, urlPath)).toBeUndefined();
  });
});

describe('resolveStaticFile maps a URL path to a file inside the folder', () => {
  it.each([
    ['/assets/app.js', ['assets', 'app.js']],
    ['/assets/index-3f2a.css', ['assets', 'index-3f2a.css']],
    ['/favicon.ico', ['favicon.ico']],
    ['/index.html', ['index.html']],
    ['//assets//app.js', ['assets', 'app.js']],
    ['/assets/app.js?v=3', ['assets', 'app.js']],
    ['/assets/app.js#x', ['assets', 'app.js']],
    ['/assets/a%20b.js', ['assets', 'a b.js']],
    ['/fonts/%E6%80%9D%E6%BA%90.ttf', ['fonts', '思源.ttf']],
    ['/..hidden.js', ['..hidden.js']],
  ])('serves %j from %j', (urlPath, parts) => {
    expect(resolveStaticFile(root, urlPath)).toBe(inRoot(...parts));
  });

  it.each(['/', '', '/scoring', '/assignments/a-1/applicants', '/assets/', '/?token=abc', '/#token=abc', '/.hidden'])(
    'falls back to index.html for %j, a path without an extension (the single-page app owns it)',
    (urlPath) => {
      expect(resolveStaticFile(root, urlPath)).toBe(inRoot('index.html'));
    },
  );

  it('accepts a root given with a trailing separator or as a relative path', () => {
    expect(resolveStaticFile(`${root}${sep}`, '/assets/app.js')).toBe(inRoot('assets', 'app.js'));
    expect(resolveStaticFile('renderer', '/app.js')).toBe(resolve('renderer', 'app.js'));
  });

  it('never answers a path outside the folder, whatever the URL path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '\\', '%00', '%', 'a', 'b.js', 'index.html', ''),
      fc.string({ maxLength: 6 }),
    );
    const urlPath = fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(fc.oneof(urlPath, fc.string()), (path) => {
        const file = resolveStaticFile(root, path);
        if (file !== undefined) expect(file.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['assets/app.js.map', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['fonts/noto.woff2', 'font/woff2'],
    ['fonts/noto.ttf', 'font/ttf'],
    ['ASSETS/APP.JS', 'text/javascript; charset=utf-8'],
    ['Index.HTML', 'text/html; charset=utf-8'],
  ])('serves %s as %s', (path, type) => {
    expect(contentTypeOf(path)).toBe(type);
  });

  it.each(['setup.exe', 'archive.zip', 'README', 'page.htm', '.html'])(
    'serves %s, of an unknown type, as opaque bytes (never as something a browser would run)',
    (path) => {
      expect(contentTypeOf(path)).toBe('application/octet-stream');
    },
  );
});
