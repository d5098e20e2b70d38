import { beforeEach, describe, expect, it } from 'vitest';
import {
  createHardenedWindow,
  hardenedWebPreferences,
  hardenSession,
  hardenWebContents,
} from '../../../src-main/electron/harden-window';
import { isAppUrl } from '../../../src-main/electron/ipc-binding';
import { BrowserWindow, FakeEvent, FakeWebContents, resetElectronDouble, session } from '../../doubles/electron';

const PRELOAD = '/opt/scorebook/out/preload/index.cjs';

const foreignUrls = [
  'https://evil.example/',
  'http://127.0.0.1:5001/',
  'file:///etc/passwd',
  'app://other/index.html',
  'app://scorebook.evil.example/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
];

beforeEach(() => {
  resetElectronDouble();
});

describe('hardenedWebPreferences', () => {
  it('pins every security setting of the Electron checklist', () => {
    expect(hardenedWebPreferences(PRELOAD)).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      preload: PRELOAD,
    });
  });
});

describe('createHardenedWindow', () => {
  it('builds the window with the hardened preferences and the caller’s shape options', () => {
    const window = createHardenedWindow(BrowserWindow, {
      preloadPath: PRELOAD,
      isAppUrl,
      window: { width: 1200, height: 800, show: false },
    });
    expect(BrowserWindow.instances).toEqual([window]);
    expect(window.options).toStrictEqual({
      width: 1200,
      height: 800,
      show: false,
      webPreferences: hardenedWebPreferences(PRELOAD),
    });
  });

  it('ignores webPreferences smuggled into the window options', () => {
    const smuggled = { webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false } };
    const window = createHardenedWindow(BrowserWindow, {
      preloadPath: PRELOAD,
      isAppUrl,
      // Deliberately outside the type: a caller bypassing it must still get the hardened set.
      window: smuggled as unknown as { width: number },
    });
    expect(window.options['webPreferences']).toStrictEqual(hardenedWebPreferences(PRELOAD));
  });

  it('hardens the window’s web contents', () => {
    const window = createHardenedWindow(BrowserWindow, { preloadPath: PRELOAD, isAppUrl });
    expect(window.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(window.webContents.navigate('https://evil.example/')).toBe(false);
    expect(window.webContents.navigate('app://scorebook/index.html')).toBe(true);
    expect(window.webContents.attachWebview()).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function hardened(): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents, isAppUrl);
    return contents;
  }

  it('denies window.open, whatever the URL (also the app’s own)', () => {
    const contents = hardened();
    for (const url of [...foreignUrls, 'app://scorebook/index.html']) {
      expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    }
  });

  it.each(foreignUrls)('prevents navigating and redirecting to %s', (url) => {
    const contents = hardened();
    expect(contents.navigate(url)).toBe(false);
    expect(contents.redirect(url)).toBe(false);
  });

  it.each(['app://scorebook/', 'app://scorebook/index.html', 'app://scorebook/index.html#/scoring/7'])(
    'allows same-origin navigation to %s',
    (url) => {
      const contents = hardened();
      expect(contents.navigate(url)).toBe(true);
      expect(contents.redirect(url)).toBe(true);
    },
  );

  it('reads the deprecated positional URL when the event carries none', () => {
    const contents = hardened();
    const foreign = new FakeEvent();
    contents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.defaultPrevented).toBe(true);
    const own = new FakeEvent();
    contents.emit('will-navigate', own, 'app://scorebook/index.html');
    expect(own.defaultPrevented).toBe(false);
    const none = new FakeEvent();
    contents.emit('will-navigate', none);
    expect(none.defaultPrevented).toBe(true);
  });

  it('blocks attaching a <webview>', () => {
    expect(hardened().attachWebview('app://scorebook/index.html')).toBe(false);
  });
});

describe('hardenSession', () => {
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'midi',
    'clipboard-read',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'hid',
    'serial',
    'usb',
    'unknown',
  ];

  it('denies every other permission request, from any origin', async () => {
    hardenSession(session.defaultSession, isAppUrl);
    for (const permission of permissions) {
      expect(await session.defaultSession.requestPermission(permission)).toBe(false);
      expect(await session.defaultSession.requestPermission(permission, 'https://evil.example')).toBe(false);
    }
  });

  it('answers every other permission check with no, from any origin', () => {
    hardenSession(session.defaultSession, isAppUrl);
    for (const permission of permissions) {
      expect(session.defaultSession.checkPermission(permission)).toBe(false);
      expect(session.defaultSession.checkPermission(permission, 'https://evil.example')).toBe(false);
    }
  });

  it('grants persistent storage to the app origin only, so IndexedDB is not evicted under disk pressure', async () => {
    hardenSession(session.defaultSession, isAppUrl);
    expect(await session.defaultSession.requestPermission('persistent-storage')).toBe(true);
    expect(session.defaultSession.checkPermission('persistent-storage')).toBe(true);
    expect(await session.defaultSession.requestPermission('persistent-storage', 'https://evil.example')).toBe(false);
    expect(session.defaultSession.checkPermission('persistent-storage', 'app://other')).toBe(false);
  });

  it('replaces Electron’s grant-by-default (the double grants without handlers)', async () => {
    expect(await session.defaultSession.requestPermission('media')).toBe(true);
    hardenSession(session.defaultSession, isAppUrl);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.permissionCheckHandler).not.toBeNull();
  });
});
