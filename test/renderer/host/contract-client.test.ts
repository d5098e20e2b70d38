import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContractClient, type Transport } from '../../../src-renderer/host/contract-client';
import type { AppInfo, Channel } from '../../../src-shared/contract/channels';
import { channels } from '../../../src-shared/contract/channels';
import { errorCodes } from '../../../src-shared/contract/error-codes';
import { loadDemoBundle } from '../data/support/test-database';

const appInfo: AppInfo = { name: 'Scorebook', version: '0.1.0', transport: 'web', dataDir: '/tmp/scorebook-5001' };

/** A transport that answers every call with `answer` and records what it was asked. */
function answering(answer: unknown): Transport & { calls: { channel: Channel; request: unknown }[] } {
  const calls: { channel: Channel; request: unknown }[] = [];
  const transport: Transport = async (channel, request) => {
    calls.push({ channel, request });
    return answer;
  };
  return Object.assign(transport, { calls });
}

describe('createContractClient', () => {
  it('parses a valid answer to ok and passes channel and request to the transport', async () => {
    const transport = answering({ ok: true, value: appInfo });
    const result = await createContractClient(transport).call('app:info', {});
    expect(result).toEqual({ ok: true, value: appInfo });
    expect(transport.calls).toEqual([{ channel: 'app:info', request: {} }]);
  });

  it('parses a large valid answer (the demo bundle)', async () => {
    const bundle = loadDemoBundle();
    const result = await createContractClient(answering({ ok: true, value: bundle })).call('demo:get', {});
    expect(result).toEqual({ ok: true, value: bundle });
  });

  it.each<[string, unknown]>([
    ['a value of the wrong shape', { ok: true, value: { ...appInfo, transport: 'carrier-pigeon' } }],
    ['an extra field in a strict value', { ok: true, value: { ...appInfo, extra: 1 } }],
    ['no value at all', { ok: true }],
    ['the value of another channel', { ok: true, value: [] }],
  ])('answers E_BAD_RESPONSE for %s', async (_label, answer) => {
    const result = await createContractClient(answering(answer)).call('app:info', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'E_BAD_RESPONSE', message: 'unexpected value on app:info', params: { channel: 'app:info' } },
    });
  });

  it('passes an error answer with a known code through', async () => {
    const error = { code: 'E_CRITERIA_NOT_FOUND', message: 'no criteria x', params: { id: 'x', n: 1 } };
    const result = await createContractClient(answering({ ok: false, error })).call('criteria:get', { id: 'x' });
    expect(result).toEqual({ ok: false, error });
  });

  it('passes an error without params through', async () => {
    const error = { code: 'E_TOKEN', message: 'stale token' };
    expect(await createContractClient(answering({ ok: false, error })).call('app:info', {})).toEqual({
      ok: false,
      error,
    });
  });

  it.each<[string, unknown]>([
    ['an unknown code', { ok: false, error: { code: 'E_NOPE', message: 'x' } }],
    ['no error', { ok: false }],
    ['an error without message', { ok: false, error: { code: 'E_TOKEN' } }],
    [
      'params that are not strings or numbers',
      { ok: false, error: { code: 'E_TOKEN', message: 'x', params: { a: {} } } },
    ],
    ['a string error', { ok: false, error: 'E_TOKEN' }],
  ])('answers E_BAD_RESPONSE for an error answer with %s', async (_label, answer) => {
    const result = await createContractClient(answering(answer)).call('app:info', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'E_BAD_RESPONSE', message: 'malformed error on app:info', params: { channel: 'app:info' } },
    });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ok'],
    ['an array', [true]],
    ['ok as a string', { ok: 'true', value: appInfo }],
    ['an HTML page', '<!doctype html><title>502</title>'],
  ])('answers E_BAD_RESPONSE for garbage: %s', async (_label, answer) => {
    const result = await createContractClient(answering(answer)).call('app:info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_RESPONSE', params: { channel: 'app:info' } } });
  });

  it('answers E_TRANSPORT when the transport rejects', async () => {
    const transport: Transport = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await createContractClient(transport).call('app:info', {})).toEqual({
      ok: false,
      error: {
        code: 'E_TRANSPORT',
        message: 'transport failed: Failed to fetch',
        params: { detail: 'Failed to fetch' },
      },
    });
  });

  it('answers E_TRANSPORT when the transport throws synchronously or rejects with a non-Error', async () => {
    const throwing: Transport = () => {
      throw new Error('no preload');
    };
    const rejecting: Transport = () => Promise.reject('offline');
    expect(await createContractClient(throwing).call('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'E_TRANSPORT', params: { detail: 'no preload' } },
    });
    expect(await createContractClient(rejecting).call('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'E_TRANSPORT', params: { detail: 'offline' } },
    });
  });

  it('never throws, whatever JSON comes back, and every failure carries a known code', async () => {
    const answer = fc.oneof(
      fc.jsonValue(),
      fc.record({ ok: fc.boolean(), value: fc.jsonValue() }),
      fc.record({
        ok: fc.constant(false),
        error: fc.oneof(
          fc.jsonValue(),
          fc.record({ code: fc.constantFrom(...errorCodes, 'E_OTHER'), message: fc.string(), params: fc.jsonValue() }),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), answer, async (channel, raw) => {
        const client = createContractClient(answering(raw));
        // The request is irrelevant to parsing the answer; the transport ignores it.
        const result = await client.call(channel, {} as never);
        if (!result.ok) expect(errorCodes).toContain(result.error.code);
        else expect(raw).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });
});
