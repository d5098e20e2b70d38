import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import { bodyLimitOf } from '../../../src-main/web/web-host';
import { rawRequest, startTestHost, type TestHost } from './test-host';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost();
});

afterAll(async () => {
  await host.close();
});

beforeEach(() => {
  host.dispatch.mockClear();
});

afterEach(() => {
  // The listener must answer every request itself; a rejection would reach no one in production.
  expect(host.listenerErrors.splice(0)).toEqual([]);
});

/** A call as the renderer makes it: POST, JSON body, the page's Origin and the token header. */
function call(channel: string, body = '{}', headers: Record<string, string | undefined> = {}): Promise<Response> {
  const all: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    Origin: host.origin,
    'X-Scorebook-Token': host.token,
    ...headers,
  };
  const sent = Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return fetch(`${host.origin}/rpc/${channel}`, { method: 'POST', headers: sent, body });
}

async function resultOf(response: Response): Promise<Result<unknown>> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as Result<unknown>;
}

describe('POST /rpc/<channel> from the renderer’s origin with the token', () => {
  it('answers app:info with 200, the web transport and the version', async () => {
    const response = await call('app:info');
    expect(response.status).toBe(200);
    expect(await resultOf(response)).toMatchObject({
      ok: true,
      value: { name: 'Scorebook', transport: 'web', version: '9.9.9' },
    });
    expect(host.dispatch).toHaveBeenCalledExactlyOnceWith('app:info', {});
  });

  it('marks the answer as not to be cached or sniffed', async () => {
    const response = await call('app:info');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('accepts the localhost origin of the same port too', async () => {
    const response = await call('app:info', '{}', { Origin: `http://localhost:${host.port}` });
    expect(await resultOf(response)).toMatchObject({ ok: true });
  });

  it('decodes a percent-encoded channel name, as the renderer’s client sends it', async () => {
    const response = await call(encodeURIComponent('criteria:get'), JSON.stringify({ id: 'gbt19580-2012' }));
    const result = await resultOf(response);
    expect(result).toMatchObject({ ok: true, value: { id: 'gbt19580-2012' } });
    expect(host.dispatch).toHaveBeenCalledExactlyOnceWith('criteria:get', { id: 'gbt19580-2012' });
  });

  it('treats an empty body as an empty request', async () => {
    expect(await resultOf(await call('criteria:list', ''))).toMatchObject({ ok: true });
    expect(host.dispatch).toHaveBeenCalledWith('criteria:list', {});
  });

  it('ignores a query string after the channel name', async () => {
    await call('app:info?cache=0');
    expect(host.dispatch).toHaveBeenCalledExactlyOnceWith('app:info', {});
  });

  it('answers an unknown channel with E_UNKNOWN_CHANNEL', async () => {
    const result = await resultOf(await call('keys:export'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_UNKNOWN_CHANNEL', params: { channel: 'keys:export' } },
    });
  });

  it('answers a body that is not JSON with E_BAD_REQUEST, without dispatching', async () => {
    const response = await call('app:info', '{"id":');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await resultOf(response)).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(host.dispatch).not.toHaveBeenCalled();
  });

  it.each(['[]', '"app:info"', 'null', '42'])(
    'answers a JSON body that is not an object (%s) with E_BAD_REQUEST',
    async (body) => {
      expect(await resultOf(await call('app:info', body))).toMatchObject({
        ok: false,
        error: { code: 'E_BAD_REQUEST' },
      });
    },
  );

  it('refuses a body over 16 MB with 413 E_BAD_REQUEST, without dispatching', async () => {
    const response = await call('app:info', JSON.stringify({ pad: 'x'.repeat(16 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await resultOf(response)).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(host.dispatch).not.toHaveBeenCalled();
  });

  it('takes a file channel’s body over 16 MB (an evidence photo of 20 MiB) to dispatch', async () => {
    const base64 = 'A'.repeat(20 * 1024 * 1024);
    const body = JSON.stringify({ assignmentId: 'a', name: 'p.jpg', mediaType: 'image/jpeg', base64 });
    const response = await call('evidence:add', body);
    expect(response.status).toBe(200);
    expect(host.dispatch).toHaveBeenCalledOnce();
    expect(host.dispatch.mock.calls[0]?.[0]).toBe('evidence:add');
  });

  it('caps the channels that carry files at 128 MiB, every other at 16 MiB', () => {
    for (const channel of ['assignments:import', 'evidence:add', 'office:material-add', 'office:inbox-import']) {
      expect(bodyLimitOf(channel)).toBe(128 * 1024 * 1024);
    }
    for (const channel of ['app:info', 'evidence:read', 'packages:sign-sheet', 'nope']) {
      expect(bodyLimitOf(channel)).toBe(16 * 1024 * 1024);
    }
  });

  it('answers a malformed percent-encoded channel with an error Result instead of rejecting', async () => {
    const response = await call('%E0%A4%A');
    const errors = host.listenerErrors.splice(0);
    expect(errors).toEqual([]);
    expect(response.status).toBeLessThan(500);
    expect(await resultOf(response)).toMatchObject({ ok: false });
  });
});

describe('POST /rpc/<channel> without the right token', () => {
  it.each([
    ['no token header', undefined],
    ['an empty token', ''],
    ['a shorter token', 'test-token'],
    ['a longer token', `${'x'.repeat(200)}`],
    ['a wrong token of the same length', 'x'.repeat('test-token-0123456789abcdefghijklmnopqrstuvwxyz'.length)],
  ])('answers %s with 401 E_TOKEN, without dispatching', async (_, token) => {
    const response = await call('app:info', '{}', { 'X-Scorebook-Token': token });
    expect(response.status).toBe(401);
    expect(await resultOf(response)).toMatchObject({ ok: false, error: { code: 'E_TOKEN' } });
    expect(host.dispatch).not.toHaveBeenCalled();
  });
});

describe('POST /rpc/<channel> from a foreign origin', () => {
  it.each([
    ['another site', 'http://evil.example'],
    ['another port on the same host', 'http://127.0.0.1:OTHER'],
    ['https on the same host and port', 'https://127.0.0.1:PORT'],
    ['an opaque origin', 'null'],
    ['a look-alike host', 'http://127.0.0.1.evil.example:PORT'],
    ['no Origin at all', undefined],
  ])('answers %s with 403 E_ORIGIN, even with the right token, and never dispatches', async (_, template) => {
    const origin = template
      ?.replace('OTHER', String(host.port === 65535 ? host.port - 1 : host.port + 1))
      .replace('PORT', String(host.port));
    const response = await call('app:info', '{}', { Origin: origin });
    expect(response.status).toBe(403);
    expect(await resultOf(response)).toMatchObject({ ok: false, error: { code: 'E_ORIGIN' } });
    expect(host.dispatch).not.toHaveBeenCalled();
  });
});

describe('other methods and hosts on /rpc/', () => {
  it.each(['GET', 'PUT', 'DELETE'])('answers %s /rpc/app:info with 405, without dispatching', async (method) => {
    const response = await fetch(`${host.origin}/rpc/app:info`, {
      method,
      headers: { Origin: host.origin, 'X-Scorebook-Token': host.token },
    });
    expect(response.status).toBe(405);
    expect(host.dispatch).not.toHaveBeenCalled();
  });

  it.each(['evil.example:PORT', 'evil.example', '127.0.0.1:OTHER', '127.0.0.1', '0.0.0.0:PORT', '[::1]:PORT'])(
    'answers a request with the foreign Host %s with 421 (DNS rebinding), without dispatching',
    async (template) => {
      const hostHeader = template.replace('PORT', String(host.port)).replace('OTHER', String(host.port + 1));
      const response = await rawRequest(host.port, {
        method: 'POST',
        path: '/rpc/app:info',
        headers: { Host: hostHeader, Origin: host.origin, 'X-Scorebook-Token': host.token },
        body: '{}',
      });
      expect(response.status).toBe(421);
      expect(host.dispatch).not.toHaveBeenCalled();
    },
  );

  it('accepts the Host localhost:<port>', async () => {
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/rpc/app:info',
      headers: { Host: `localhost:${host.port}`, Origin: host.origin, 'X-Scorebook-Token': host.token },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true });
  });
});
