import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../src-shared/contract/channels';
import { buildPreloadApi, PRELOAD_API_KEY } from '../../../src-main/electron/preload';
import { resetElectronDouble } from '../../doubles/electron';

const forbiddenKeys = ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once', 'postMessage', 'removeListener'];

function recordingInvoke(): {
  invoke: (ipcChannel: string, request: unknown) => Promise<unknown>;
  calls: { ipcChannel: string; args: unknown[] }[];
} {
  const calls: { ipcChannel: string; args: unknown[] }[] = [];
  const invoke = (...args: unknown[]): Promise<unknown> => {
    calls.push({ ipcChannel: String(args[0]), args: args.slice(1) });
    return Promise.resolve({ ok: true, value: `answer for ${String(args[0])}` });
  };
  return { invoke, calls };
}

beforeEach(() => {
  resetElectronDouble();
});

describe('buildPreloadApi', () => {
  it('has exactly one function per contract channel and nothing else', () => {
    const api = buildPreloadApi(recordingInvoke().invoke);
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    for (const channel of channels) expect(typeof api[channel]).toBe('function');
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
  });

  it.each(channels)('%s invokes scorebook:<channel> with only the request', async (channel) => {
    const { invoke, calls } = recordingInvoke();
    const api = buildPreloadApi(invoke);
    const request = { probe: channel };
    const call = api[channel] as (...args: unknown[]) => Promise<unknown>;
    const answer = await call(request, 'smuggled', { more: true });
    expect(calls).toEqual([{ ipcChannel: `scorebook:${channel}`, args: [request] }]);
    expect(answer).toEqual({ ok: true, value: `answer for scorebook:${channel}` });
  });

  it('exposes no ipcRenderer, generic invoke or send, and cannot be extended', () => {
    const api = buildPreloadApi(recordingInvoke().invoke);
    for (const key of forbiddenKeys) expect(Object.prototype.hasOwnProperty.call(api, key)).toBe(false);
    expect(Object.isFrozen(api)).toBe(true);
  });
});

describe('the preload script', () => {
  it('exposes only window.scorebook, whose calls go through ipcRenderer.invoke', async () => {
    // A fresh module graph so the preload's import-time exposeInMainWorld runs against this double.
    vi.resetModules();
    const electron = await import('../../doubles/electron');
    electron.resetElectronDouble();
    await import('../../../src-main/electron/preload');

    expect(PRELOAD_API_KEY).toBe('scorebook');
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['scorebook']);
    const exposed = electron.contextBridge.exposed.get('scorebook');
    expect(typeof exposed).toBe('object');
    const api = exposed as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channels].sort());
    for (const key of forbiddenKeys) expect(key in api).toBe(false);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);

    const appInfo = api['app:info'];
    expect(typeof appInfo).toBe('function');
    const answer: unknown = await (appInfo as (request: unknown) => Promise<unknown>)({});
    expect(electron.ipcRenderer.calls).toEqual([{ channel: 'scorebook:app:info', args: [{}] }]);
    expect(answer).toEqual({ ok: true, value: { channel: 'scorebook:app:info', args: [{}] } });
  });
});
