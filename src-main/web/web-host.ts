import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type Result } from '../../src-shared/contract/result';
import type { Dispatch } from '../handlers/dispatch';
import { contentSecurityPolicy, policyHeaders } from '../services/content-policy';
import { contentTypeOf, resolveStaticFile } from '../services/static-files';
import { isAllowedHost, isAllowedOrigin, isValidToken, tokenHeader, type GuardConfig } from './request-guard';

/** Requests above this are refused before being read whole (contract payloads are small). */
const maxBodyBytes = 16 * 1024 * 1024;

/**
 * The channels whose requests carry whole files as base64 (issue 5: an evidence photo or an applicant's PDF of up
 * to 64 MiB, ~85.4 MiB of base64; an assignment with its PDFs; a site-visit sheet with its photos) get a larger
 * cap; the contract's schema still bounds each field.
 */
const fileChannels: ReadonlySet<string> = new Set([
  'assignments:import',
  'assignments:repin',
  'evidence:add',
  'office:material-add',
  'office:inbox-import',
]);
const maxFileBodyBytes = 128 * 1024 * 1024;

/** The body cap of a channel's request. */
export function bodyLimitOf(channel: string): number {
  return fileChannels.has(channel) ? maxFileBodyBytes : maxBodyBytes;
}

/** The same policy as the Electron window, except that fetch may reach this host. */
export const webCsp = contentSecurityPolicy("'self'");

const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export interface WebHostConfig extends GuardConfig {
  readonly dispatch: Dispatch;
  /** Built renderer (index.html and assets); undefined when another server serves it (dev). */
  readonly rendererDir?: string;
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...securityHeaders,
  });
  res.end(JSON.stringify(body));
}

type Body = { ok: true; value: unknown } | { ok: false; status: 400 | 413; result: Result<never> };

async function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.byteLength;
    if (size > limit) {
      return {
        ok: false,
        status: 413,
        result: fail('E_BAD_REQUEST', 'request body too large', { detail: 'body too large' }),
      };
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      status: 400,
      result: fail('E_BAD_REQUEST', 'request body is not JSON', { detail: 'body is not JSON' }),
    };
  }
}

/** Answers `POST /rpc/<channel>` after the host, origin and token checks. */
export async function handleRpc(config: WebHostConfig, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let channel: string;
  try {
    channel = decodeURIComponent((req.url ?? '').slice('/rpc/'.length).split('?')[0] ?? '');
  } catch {
    sendJson(res, 400, fail('E_BAD_REQUEST', 'malformed channel name', { detail: 'malformed channel name' }));
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, fail('E_BAD_REQUEST', 'only POST', { detail: 'method not allowed' }));
    return;
  }
  if (!isAllowedOrigin(req.headers.origin, config.port)) {
    sendJson(res, 403, fail('E_ORIGIN', `origin refused: ${req.headers.origin ?? '(none)'}`));
    return;
  }
  const presented = req.headers[tokenHeader];
  if (!isValidToken(typeof presented === 'string' ? presented : undefined, config.token)) {
    sendJson(res, 401, fail('E_TOKEN', 'missing or stale token'));
    return;
  }
  const body = await readBody(req, bodyLimitOf(channel));
  if (!body.ok) {
    sendJson(res, body.status, body.result);
    return;
  }
  sendJson(res, 200, await config.dispatch(channel, body.value));
}

async function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, securityHeaders).end();
    return;
  }
  const file = resolveStaticFile(rendererDir, req.url ?? '/');
  if (file === undefined) {
    res.writeHead(404, securityHeaders).end();
    return;
  }
  try {
    const bytes = await readFile(file);
    // Hashed assets never change; index.html must always be fresh so a new build is picked up.
    const cache = file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable';
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      // The app's policy (webCsp), or the materials viewer's for its page (content-policy.ts).
      ...policyHeaders(req.url ?? '/', "'self'"),
      'Cache-Control': cache,
      ...securityHeaders,
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  } catch {
    res.writeHead(404, securityHeaders).end();
  }
}

/**
 * The request listener of the local web host: refuses foreign Host headers (DNS rebinding),
 * answers RPC calls, and serves the built renderer (or hands over to `next` in development).
 */
export function createWebHostListener(config: WebHostConfig) {
  return async (req: IncomingMessage, res: ServerResponse, next?: () => void): Promise<void> => {
    if (!isAllowedHost(req.headers.host, config.port)) {
      res
        .writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders })
        .end('misdirected request');
      return;
    }
    const path = req.url ?? '/';
    if (path.startsWith('/rpc/')) {
      await handleRpc(config, req, res);
    } else if (config.rendererDir !== undefined) {
      await serveStatic(config.rendererDir, req, res);
    } else if (next !== undefined) {
      next();
    } else {
      res.writeHead(404).end();
    }
  };
}
