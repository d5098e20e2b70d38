/**
 * The content security policies for both ways the renderer is served (app:// in Electron, the local web host).
 * Only `connect-src` differs between the two: in Electron main owns the network ('none'); the web host's renderer
 * must reach /rpc ('self'). No inline script or style, no eval, no plugins, no form posts anywhere.
 *
 * Two pages, two policies:
 * - the app (index.html and every route): may frame only its own origin (`frame-src 'self'`, for the materials
 *   viewer) and may be framed by nothing;
 * - the materials viewer (viewer.html), which the app frames with `sandbox="allow-scripts"`: an opaque origin that
 *   may be framed only by the app (`frame-ancestors 'self'`), may start a worker only from a blob: URL (pdf.js's
 *   worker is inlined in its chunk: an opaque origin can start no worker from a URL), and may connect nowhere, in
 *   either host — it only ever receives bytes by postMessage.
 */

export type ConnectSource = "'none'" | "'self'";

/** The policy of the app's pages. */
export function contentSecurityPolicy(connectSrc: ConnectSource): string {
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; " +
    `connect-src ${connectSrc}; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
  );
}

/**
 * The policy of viewer.html. No img-src or font-src: pdf.js paints into a canvas and loads a PDF's embedded fonts
 * from bytes (FontFace), never from a URL; fonts a PDF does not embed fall back to the system's.
 */
export function viewerContentSecurityPolicy(): string {
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; worker-src blob:; connect-src 'none'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
  );
}

/** The viewer page's path (src-renderer/viewer.html in the built renderer). */
export const viewerPagePath = '/viewer.html';

/**
 * The viewer's own scripts and stylesheet (electron.vite.config.ts names every chunk it loads `viewer-*`). Its
 * opaque origin fetches them as CORS requests with `Origin: null`; only these files answer them.
 */
const viewerAsset = /^\/assets\/viewer-[A-Za-z0-9_-]+\.(js|css)$/;

function pathOf(urlPath: string): string {
  return urlPath.split(/[?#]/, 1)[0] ?? '';
}

export function isViewerPage(urlPath: string): boolean {
  return pathOf(urlPath) === viewerPagePath;
}

export function isViewerAsset(urlPath: string): boolean {
  return viewerAsset.test(pathOf(urlPath));
}

/**
 * The policy headers of one served file, by its URL path (exact matches only: any other spelling of a path gets the
 * app's policy, which refuses framing — the safe side):
 * - the viewer page: the viewer's policy;
 * - the viewer's scripts and stylesheet: the app's policy, and `Access-Control-Allow-Origin: null` so the sandboxed
 *   frame (whose origin serialises as "null") may load them; they are public code, and nothing else gets the header;
 * - everything else: the app's policy.
 * The hosts keep their other headers (X-Frame-Options: DENY stays: a frame-ancestors directive takes precedence over
 * it, and CORP same-origin does not apply to CORS requests).
 */
export function policyHeaders(urlPath: string, connectSrc: ConnectSource): Readonly<Record<string, string>> {
  if (isViewerPage(urlPath)) return { 'Content-Security-Policy': viewerContentSecurityPolicy() };
  const app = { 'Content-Security-Policy': contentSecurityPolicy(connectSrc) };
  if (isViewerAsset(urlPath)) return { ...app, 'Access-Control-Allow-Origin': 'null' };
  return app;
}
