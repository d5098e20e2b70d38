import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { createHandlers } from '../handlers/create-handlers';
import { secureRandom } from '../services/secure-random';
import { createDispatch } from '../handlers/dispatch';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { createHardenedWindow, hardenSession, hardenWebContents } from './harden-window';
import { APP_ENTRY_URL, bindContractToIpc, isAppUrl } from './ipc-binding';
import { createElectronPlatform } from './platform-services';

// The Electron entry: wiring only. Every decision lives in the modules imported above,
// which are unit-tested against the electron double.

// Built as ESM into out/main/; the renderer and the preload are its siblings in out/.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/preload.cjs');

// Must happen before ready, and before a second instance quits (it is harmless then).
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  const window = createHardenedWindow(BrowserWindow, {
    preloadPath,
    isAppUrl,
    window: { width: 1280, height: 860, minWidth: 960, minHeight: 640, show: false, title: 'Scorebook' },
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

function start(): void {
  handleAppProtocol(protocol, rendererDir);
  hardenSession(session.defaultSession, isAppUrl);
  const handlers = createHandlers({
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources'),
    dataDir: app.getPath('userData'),
    transport: 'electron',
    appVersion: app.getVersion(),
    now: Date.now,
    random: secureRandom,
    platform: createElectronPlatform({
      dialog,
      safeStorage,
      platform: process.platform,
      userDataDir: app.getPath('userData'),
      window: () => mainWindow,
    }),
  });
  bindContractToIpc({ ipcMain, dispatch: createDispatch(handlers) });
  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Belt and braces: every web contents, including any not made by createHardenedWindow, is hardened.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Scorebook failed to start:', error);
      app.quit();
    });
}
