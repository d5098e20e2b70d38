import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import {
  allowedOrigins,
  isAllowedHost,
  isAllowedOrigin,
  isValidToken,
  tokenHeader,
} from '../../../src-main/web/request-guard';
import { createWebHostListener } from '../../../src-main/web/web-host';

const port = 5319;

describe('isValidToken', () => {
  const token = 'Zk3v9_-abcdefghijklmnopqrstuvwxyz0123456789AB';

  it('accepts exactly the token', () => {
    expect(isValidToken(token, token)).toBe(true);
  });

  it('refuses a missing token', () => {
    expect(isValidToken(undefined, token)).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['a prefix', token.slice(0, -1)],
    ['the token with a suffix', `${token}x`],
    ['a much longer string', token.repeat(10)],
  ])('refuses %s (a different length) without throwing', (_, presented) => {
    expect(isValidToken(presented, token)).toBe(false);
  });

  it.each([
    ['one character changed', `${token.slice(0, -1)}C`],
    ['the first character changed', `X${token.slice(1)}`],
    ['different case', token.toUpperCase()],
  ])('refuses %s (the same length)', (_, presented) => {
    expect(presented).toHaveLength(token.length);
    expect(isValidToken(presented, token)).toBe(false);
  });

  it('refuses, without throwing, a string of the same length but a different byte length', () => {
    expect(isValidToken('é', 'e')).toBe(false);
    expect(isValidToken('e', 'é')).toBe(false);
  });

  it('refuses a string of the same byte length but different characters', () => {
    expect(isValidToken('ab', 'é')).toBe(false);
  });

  it('is sent in the lower-case header node:http exposes', () => {
    expect(tokenHeader).toBe(tokenHeader.toLowerCase());
  });
});

describe('isAllowedHost', () => {
  it.each([`127.0.0.1:${port}`, `localhost:${port}`])('allows %s, a loopback name of this port', (host) => {
    expect(isAllowedHost(host, port)).toBe(true);
  });

  it.each([
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${port + 1}`,
    `localhost:${port - 1}`,
    `evil.example:${port}`,
    `localhost.evil.example:${port}`,
    `127.0.0.1.nip.io:${port}`,
    `127.0.0.1:${port}.evil.example`,
    `0.0.0.0:${port}`,
    `[::1]:${port}`,
    `127.0.0.2:${port}`,
    ` 127.0.0.1:${port}`,
  ])('refuses %j', (host) => {
    expect(isAllowedHost(host, port)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('allows exactly the two origins the renderer is served from', () => {
    expect(allowedOrigins(port)).toEqual([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
    for (const origin of allowedOrigins(port)) expect(isAllowedOrigin(origin, port)).toBe(true);
  });

  it.each([
    undefined,
    'null',
    '',
    `http://127.0.0.1:${port + 1}`,
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1:${port}/`,
    'http://evil.example',
    `http://evil.example:${port}`,
    `app://scorebook`,
  ])('refuses %j', (origin) => {
    expect(isAllowedOrigin(origin, port)).toBe(false);
  });
});

describe('createWebHostListener without a renderer folder', () => {
  it('hands static paths over to next (the dev server) after the Host check', async () => {
    const dispatch = vi.fn(async () => ok({}));
    const listener = createWebHostListener({ port, token: 't', dispatch });
    const next = vi.fn();
    const req = { headers: { host: `127.0.0.1:${port}` }, url: '/src/main.tsx', method: 'GET' } as IncomingMessage;
    await listener(req, {} as ServerResponse, next);
    expect(next).toHaveBeenCalledOnce();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('does not hand a request with a foreign Host to next', async () => {
    const listener = createWebHostListener({ port, token: 't', dispatch: vi.fn(async () => ok({})) });
    const next = vi.fn();
    const end = vi.fn();
    const res = { writeHead: vi.fn(() => ({ end })) } as unknown as ServerResponse;
    const req = { headers: { host: `evil.example:${port}` }, url: '/', method: 'GET' } as IncomingMessage;
    await listener(req, res, next);
    expect(next).not.toHaveBeenCalled();
    expect(res.writeHead).toHaveBeenCalledWith(421, expect.anything());
  });
});
