import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { contentSecurityPolicy, policyHeaders } from '../services/content-policy';
import { contentTypeOf } from '../services/static-files';
import { APP_HOST, APP_SCHEME } from './ipc-binding';

/**
 * The policy sent with every app:// response. Main owns the network, so the renderer may
 * connect nowhere; blob: and data: images cover previews generated in the page.
 */
export const APP_CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'");

export type AppPathResolution =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly reason: 'bad-url' | 'wrong-origin' | 'refused-segment' | 'outside-root' };

// A decoded segment may hold none of these: separators (an encoded %2F or %5C would become
// one), NUL, ':' (drive letters, alternate data streams) or '%' (double encoding).
const forbiddenInSegment = /[/\\\0:%]/;

/**
 * Maps an app:// request URL to a file inside `rendererDir`, without touching the disk.
 * Refuses other origins, `.`/`..` and hidden segments (also percent-encoded), separators or NUL
 * smuggled in by encoding, and anything that would resolve outside the folder. A path whose last
 * segment has no extension is a route of the single-page app and maps to index.html.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, reason: 'bad-url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'wrong-origin' };
  }
  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'bad-url' };
    }
    // Covers '.', '..' and dotfiles: the bundle has none, and none should ever be served.
    if (segment.startsWith('.') || forbiddenInSegment.test(segment)) {
      return { ok: false, reason: 'refused-segment' };
    }
    segments.push(segment);
  }
  const last = segments.at(-1);
  const isRoute = last === undefined || extname(last) === '';
  const root = resolve(rendererDir);
  const filePath = isRoute ? resolve(root, 'index.html') : resolve(root, ...segments);
  if (!isInside(root, filePath)) return { ok: false, reason: 'outside-root' };
  return { ok: true, filePath };
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The headers of a response; `urlPath` picks its policy (content-policy.ts policyHeaders: the materials viewer's page
 * has its own, and its scripts answer the sandboxed frame's CORS requests). Refusals and errors get the app's.
 */
function baseHeaders(contentType: string, urlPath?: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    ...(urlPath === undefined
      ? { 'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY }
      : policyHeaders(urlPath, "'none'")),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/** The minimal request shape the handler reads (a fetch Request satisfies it). */
export interface AppRequestLike {
  readonly url: string;
  readonly method: string;
}

/**
 * Builds the app:// request handler: serves files of `rendererDir` with the CSP header on every
 * response (the viewer page's own policy for it, the app's for everything else), 404 for anything refused or missing, 405 for methods other than GET and HEAD.
 * Symbolic links are followed only when their target is still inside `rendererDir`.
 * Never rejects: an unexpected failure is a 500.
 */
export function createAppRequestHandler(rendererDir: string): (request: AppRequestLike) => Promise<Response> {
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
      const resolved = resolveAppPath(rendererDir, request.url);
      if (!resolved.ok) return textResponse(404, 'Not Found');
      realRoot ??= realpath(resolve(rendererDir));
      const root = await realRoot;
      let realFile: string;
      try {
        realFile = await realpath(resolved.filePath);
      } catch {
        return textResponse(404, 'Not Found');
      }
      if (!isInside(root, realFile) || !(await stat(realFile)).isFile()) return textResponse(404, 'Not Found');
      const headers = baseHeaders(contentTypeOf(resolved.filePath), new URL(request.url).pathname);
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const bytes = await readFile(realFile);
      // Copied into a plain ArrayBuffer-backed view: the fetch body type does not accept a pooled Buffer.
      return new Response(new Uint8Array(bytes), { status: 200, headers });
    } catch {
      realRoot = undefined;
      return textResponse(500, 'Internal Error');
    }
  };
}

/** The part of Electron's protocol module used before ready. */
export interface SchemeRegistrar {
  registerSchemesAsPrivileged(
    schemes: {
      scheme: string;
      privileges: {
        standard: boolean;
        secure: boolean;
        supportFetchAPI: boolean;
        codeCache: boolean;
        corsEnabled: boolean;
      };
    }[],
  ): void;
}

/** The part of Electron's protocol module used after ready. */
export interface ProtocolHandlerRegistrar {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * Registers app:// as a standard, secure scheme with fetch support (so the page is a secure
 * context with its own origin and IndexedDB). corsEnabled: the PDF viewer runs in a sandboxed frame with an opaque
 * origin, whose script loads are CORS requests; Chromium refuses CORS to a scheme not enabled for it. Only the viewer's
 * own files answer with `Access-Control-Allow-Origin: null` (content-policy.ts), so nothing else becomes readable.
 * codeCache lets V8 keep compiled scripts between starts: Electron caches code only for http(s)
 * and custom schemes registered with it, and compiling the entry script is most of a cold start.
 * Must run before the app's ready event.
 */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true },
    },
  ]);
}

/** Serves `rendererDir` on app://scorebook (after ready). */
export function handleAppProtocol(protocol: ProtocolHandlerRegistrar, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
