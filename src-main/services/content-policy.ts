/**
 * One content security policy for both ways the renderer is served. Only `connect-src` differs:
 * in Electron main owns the network ('none'); the web host's renderer must reach /rpc ('self').
 * No inline script or style, no plugins, no framing, no form posts anywhere.
 */
export function contentSecurityPolicy(connectSrc: "'none'" | "'self'"): string {
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; " +
    `connect-src ${connectSrc}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
  );
}
