import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isViewerAsset,
  isViewerPage,
  policyHeaders,
  viewerContentSecurityPolicy,
} from '../../../src-main/services/content-policy';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe("the app's policy", () => {
  it.each([["'none'"], ["'self'"]] as const)('with connect-src %s allows exactly the app', (connect) => {
    const policy = directives(contentSecurityPolicy(connect));
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe(connect);
    // The materials viewer is a page of the same origin; nothing else may be framed, and nothing may frame the app.
    expect(policy.get('frame-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.has('worker-src')).toBe(false);
    expect(contentSecurityPolicy(connect)).not.toMatch(/unsafe-|\*|https?:/);
  });
});

describe("the materials viewer's policy", () => {
  const policy = directives(viewerContentSecurityPolicy());

  it('lets the page run only its own scripts and start only a blob: worker (pdf.js, inlined)', () => {
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('worker-src')).toBe('blob:');
    expect(viewerContentSecurityPolicy()).not.toMatch(/unsafe-|\*|https?:|data:/);
  });

  it('connects nowhere, frames nothing, and is framed only by the app', () => {
    expect(policy.get('connect-src')).toBe("'none'");
    expect(policy.has('frame-src')).toBe(false);
    expect(policy.get('frame-ancestors')).toBe("'self'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
  });
});

describe('the headers of each served path', () => {
  it('gives the viewer page its policy, also with a query', () => {
    for (const path of ['/viewer.html', '/viewer.html?x=1', '/viewer.html#p3']) {
      expect(isViewerPage(path)).toBe(true);
      expect(policyHeaders(path, "'none'")).toEqual({ 'Content-Security-Policy': viewerContentSecurityPolicy() });
    }
  });

  it("gives the viewer's scripts and stylesheet the app's policy and CORS for the sandboxed frame only", () => {
    for (const path of ['/assets/viewer-Dvvdqih-.js', '/assets/viewer-shared-BoPWjKhU.js', '/assets/viewer-B981.css']) {
      expect(isViewerAsset(path)).toBe(true);
      expect(policyHeaders(path, "'self'")).toEqual({
        'Content-Security-Policy': contentSecurityPolicy("'self'"),
        'Access-Control-Allow-Origin': 'null',
      });
    }
  });

  it.each([
    '/',
    '/index.html',
    '/assets/index-DYxY4Y2O.js',
    '/assets/i18n-B-x4LUOX.js',
    '/assets/viewer-x.png',
    '/assets/sub/viewer-x.js',
    '/assets/viewer-x.js/../index.js',
    '//viewer.html',
    '/VIEWER.html',
    '/viewer.html/',
    '/assets/viewer.html',
  ])("gives %s the app's policy and no CORS", (path) => {
    expect(policyHeaders(path, "'none'")).toEqual({ 'Content-Security-Policy': contentSecurityPolicy("'none'") });
  });
});
