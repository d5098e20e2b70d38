import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../src-shared/contract/channels';
import { ok, type Result } from '../../../src-shared/contract/result';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { bindContractToIpc, isAppUrl } from '../../../src-main/electron/ipc-binding';
import { ipcChannelName } from '../../../src-shared/contract/channel-names';
import { fakeInvokeEvent, ipcMain, resetElectronDouble } from '../../doubles/electron';

function recordingDispatch(): Dispatch & { calls: { channel: string; input: unknown }[] } {
  const calls: { channel: string; input: unknown }[] = [];
  const dispatch = async (channel: string, input: unknown): Promise<Result<unknown>> => {
    calls.push({ channel, input });
    return ok({ echoed: channel });
  };
  return Object.assign(dispatch, { calls });
}

function errorCode(result: unknown): unknown {
  return typeof result === 'object' && result !== null && 'error' in result
    ? (result.error as { code?: unknown }).code
    : undefined;
}

beforeEach(() => {
  resetElectronDouble();
});

describe('bindContractToIpc', () => {
  it('registers exactly one handler per contract channel, named scorebook:<channel>', () => {
    const registered = bindContractToIpc({ ipcMain, dispatch: recordingDispatch() });
    const expected = channels.map((channel) => `scorebook:${channel}`);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...expected].sort());
    expect([...registered].sort()).toEqual([...expected].sort());
    expect(ipcMain.handlers.size).toBe(channels.length);
  });

  it.each(['app://scorebook/', 'app://scorebook/index.html', 'app://scorebook/index.html#/scoring?x=1'])(
    'passes a call from %s to dispatch with its channel and request',
    async (url) => {
      const dispatch = recordingDispatch();
      bindContractToIpc({ ipcMain, dispatch });
      const result = await ipcMain.invoke('scorebook:criteria:get', fakeInvokeEvent(url), { id: 'gbt19580' });
      expect(result).toEqual({ ok: true, value: { echoed: 'criteria:get' } });
      expect(dispatch.calls).toEqual([{ channel: 'criteria:get', input: { id: 'gbt19580' } }]);
    },
  );

  it('forwards only the first argument', async () => {
    const dispatch = recordingDispatch();
    bindContractToIpc({ ipcMain, dispatch });
    await ipcMain.invoke('scorebook:app:info', fakeInvokeEvent('app://scorebook/index.html'), {}, 'extra', 42);
    expect(dispatch.calls).toEqual([{ channel: 'app:info', input: {} }]);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5001/',
    'file:///opt/scorebook/resources/app.asar/out/renderer/index.html',
    'file:///C:/Program%20Files/Scorebook/index.html',
    'app://other/',
    'app://scorebook.evil.example/',
    'app://scorebook:8080/',
    'app://user@scorebook/',
    'about:blank',
    'about:srcdoc',
    'blob:app://scorebook/2f1c6c1e-7a1b-4a53-9d7e-0a3f2b1c4d5e',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses a call from %s with E_FRAME without dispatching', async (url) => {
    const dispatch = recordingDispatch();
    bindContractToIpc({ ipcMain, dispatch });
    for (const channel of channels) {
      const result = await ipcMain.invoke(ipcChannelName(channel), fakeInvokeEvent(url), {});
      expect(result).toMatchObject({ ok: false, error: { code: 'E_FRAME' } });
    }
    expect(dispatch.calls).toEqual([]);
  });

  it('refuses a call whose sender frame is missing (null or absent) with E_FRAME', async () => {
    const dispatch = recordingDispatch();
    bindContractToIpc({ ipcMain, dispatch });
    expect(errorCode(await ipcMain.invoke('scorebook:app:info', fakeInvokeEvent(null), {}))).toBe('E_FRAME');
    const withoutFrame = ipcMain.handlers.get('scorebook:app:info');
    expect(withoutFrame).toBeDefined();
    // An event object with no senderFrame property at all, as a disposed frame may give.
    const result = await withoutFrame?.({} as unknown as ReturnType<typeof fakeInvokeEvent>, {});
    expect(errorCode(result)).toBe('E_FRAME');
    expect(dispatch.calls).toEqual([]);
  });

  it('refuses with E_FRAME when reading the sender frame throws (frame disposed mid-call)', async () => {
    const dispatch = recordingDispatch();
    bindContractToIpc({ ipcMain, dispatch });
    const event = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(errorCode(await ipcMain.invoke('scorebook:app:info', event, {}))).toBe('E_FRAME');
    expect(dispatch.calls).toEqual([]);
  });

  it('turns a throwing or rejecting dispatch into E_INTERNAL and never rejects', async () => {
    const throwing: Dispatch = () => {
      throw new Error('boom');
    };
    bindContractToIpc({ ipcMain, dispatch: throwing });
    const result = await ipcMain.invoke('scorebook:app:info', fakeInvokeEvent('app://scorebook/index.html'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL', params: { detail: 'boom' } } });

    resetElectronDouble();
    bindContractToIpc({ ipcMain, dispatch: () => Promise.reject(new Error('later')) });
    const rejected = await ipcMain.invoke('scorebook:demo:get', fakeInvokeEvent('app://scorebook/'), {});
    expect(rejected).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
  });

  it('passes dispatch failures through unchanged', async () => {
    const failing: Dispatch = async () => ({ ok: false, error: { code: 'E_BAD_REQUEST', message: 'bad' } });
    bindContractToIpc({ ipcMain, dispatch: failing });
    const result = await ipcMain.invoke('scorebook:criteria:get', fakeInvokeEvent('app://scorebook/'), {});
    expect(result).toEqual({ ok: false, error: { code: 'E_BAD_REQUEST', message: 'bad' } });
  });

  it('uses the given isTrustedFrame, and a throwing check refuses', async () => {
    const dispatch = recordingDispatch();
    const isTrustedFrame = vi.fn((frame: { url: string }) => frame.url === 'app://scorebook/only-this');
    bindContractToIpc({ ipcMain, dispatch, isTrustedFrame });
    expect(errorCode(await ipcMain.invoke('scorebook:app:info', fakeInvokeEvent('app://scorebook/'), {}))).toBe(
      'E_FRAME',
    );
    await ipcMain.invoke('scorebook:app:info', fakeInvokeEvent('app://scorebook/only-this'), {});
    expect(dispatch.calls).toHaveLength(1);

    resetElectronDouble();
    bindContractToIpc({
      ipcMain,
      dispatch,
      isTrustedFrame: () => {
        throw new Error('cannot tell');
      },
    });
    expect(errorCode(await ipcMain.invoke('scorebook:app:info', fakeInvokeEvent('app://scorebook/'), {}))).toBe(
      'E_FRAME',
    );
    expect(dispatch.calls).toHaveLength(1);
  });
});

describe('ipcChannelName and isAppUrl', () => {
  it('prefixes contract channels with scorebook:', () => {
    expect(ipcChannelName('app:info')).toBe('scorebook:app:info');
    expect(ipcChannelName('criteria:get')).toBe('scorebook:criteria:get');
  });

  it('accepts only the app origin', () => {
    expect(isAppUrl('app://scorebook/')).toBe(true);
    expect(isAppUrl('app://scorebook/index.html?lang=en#/x')).toBe(true);
    for (const url of ['app://other/', 'https://scorebook/', 'app://scorebook:1/', 'app://a:b@scorebook/', 'x']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});
