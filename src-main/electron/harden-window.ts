import type { BrowserWindowConstructorOptions } from 'electron';

// Every window of the app goes through createHardenedWindow, so these settings hold everywhere;
// test/main/electron/harden-window.test.ts pins each one (the Electron security checklist).

/** The webPreferences every window gets; nothing in the window options can override them. */
export interface HardenedWebPreferences {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webviewTag: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly spellcheck: false;
  readonly preload: string;
}

export function hardenedWebPreferences(preloadPath: string): HardenedWebPreferences {
  return {
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
    preload: preloadPath,
  };
}

/** The navigation event of Electron ≥ 25: the target URL is on the event itself. */
export interface NavigationEventLike {
  readonly url?: string;
  preventDefault(): void;
}

export interface PreventableEventLike {
  preventDefault(): void;
}

/** The part of Electron's WebContents the hardening uses. */
export interface HardenableWebContents {
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: NavigationEventLike, legacyUrl?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEventLike) => void): unknown;
}

/**
 * Denies every window.open, blocks any navigation or redirect that leaves the app origin
 * (`isAppUrl` decides) and refuses to attach a <webview>.
 */
export function hardenWebContents(webContents: HardenableWebContents, isAppUrl: (url: string) => boolean): void {
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guardNavigation = (event: NavigationEventLike, legacyUrl?: string): void => {
    // Electron 45 puts the URL on the event; the positional argument is the deprecated form.
    const url = typeof event.url === 'string' ? event.url : (legacyUrl ?? '');
    if (!isAppUrl(url)) event.preventDefault();
  };
  webContents.on('will-navigate', guardNavigation);
  webContents.on('will-redirect', guardNavigation);
  webContents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The part of Electron's Session the hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
}

/**
 * Denies every permission request (camera, notifications, …) and answers every permission check
 * with no — except persistent storage for the app's own origin: without it the browser engine may
 * evict the expert's IndexedDB under disk pressure, which would break "nothing typed is lost".
 */
export function hardenSession(session: HardenableSession, isAppUrl: (url: string) => boolean): void {
  const allowed = (permission: string, url: string | undefined): boolean =>
    permission === 'persistent-storage' && url !== undefined && isAppUrl(url);
  session.setPermissionRequestHandler((_webContents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_webContents, permission, _origin, details) =>
    allowed(permission, details.requestingUrl),
  );
}

/** Window options a caller may choose; webPreferences are not among them. */
export type WindowShapeOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

export interface HardenableWindow {
  readonly webContents: HardenableWebContents;
}

export type HardenedWindowConstructor<W extends HardenableWindow> = new (
  options: WindowShapeOptions & { webPreferences: HardenedWebPreferences },
) => W;

export interface HardenedWindowOptions {
  readonly preloadPath: string;
  readonly isAppUrl: (url: string) => boolean;
  readonly window?: WindowShapeOptions;
}

/** The one way the app creates a window: hardened preferences, then hardened web contents. */
export function createHardenedWindow<W extends HardenableWindow>(
  BrowserWindow: HardenedWindowConstructor<W>,
  options: HardenedWindowOptions,
): W {
  const window = new BrowserWindow({ ...options.window, webPreferences: hardenedWebPreferences(options.preloadPath) });
  hardenWebContents(window.webContents, options.isAppUrl);
  return window;
}
