import { existsSync } from 'node:fs';

/**
 * Debian's Chromium by default (SCOREBOOK_CHROMIUM overrides); undefined falls back to a
 * browser Playwright installed itself, where one exists.
 */
export function chromiumPath(): string | undefined {
  const configured = process.env.SCOREBOOK_CHROMIUM;
  if (configured !== undefined && configured !== '') return configured;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Root needs --no-sandbox; the rest stop outbound calls that this closed network refuses. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
