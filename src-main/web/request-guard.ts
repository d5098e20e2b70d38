import { timingSafeEqual } from 'node:crypto';

/** The header the renderer sends its per-launch token in. */
export const tokenHeader = 'x-scorebook-token';

export interface GuardConfig {
  readonly port: number;
  readonly token: string;
}

/** Only the loopback names of this port: a foreign Host header means DNS rebinding. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The origins the renderer is served from; every RPC call must carry one of them. */
export function allowedOrigins(port: number): readonly string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).includes(origin);
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function isValidToken(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
