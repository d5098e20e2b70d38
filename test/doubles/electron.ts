// An in-memory stand-in for the parts of the `electron` module the app uses. vitest.config.ts
// aliases `electron` to this file, because the Electron binary cannot be downloaded here and
// the real module throws on import. Call resetElectronDouble() in beforeEach: every recorded
// call and registration lives on the exported singletons and is cleared there.

// Like Node's `(...args: any[]) => void`: any listener shape may be registered; emit() is untyped.
type Listener = (...args: never[]) => unknown;

/** A small EventEmitter: on/once/emit, with listeners kept in registration order. */
export class FakeEmitter {
  #listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  on(event: string, listener: Listener): this {
    this.#add(event, listener, false);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.#add(event, listener, true);
    return this;
  }

  /** Calls the listeners of `event` with `args`; true when there was at least one. */
  emit(event: string, ...args: unknown[]): boolean {
    const entries = this.#listeners.get(event) ?? [];
    this.#listeners.set(
      event,
      entries.filter((entry) => !entry.once),
    );
    // Listeners were registered for this event name, so they expect what Electron passes with it.
    for (const entry of entries) (entry.listener as (...args: unknown[]) => unknown)(...args);
    return entries.length > 0;
  }

  removeAllListeners(): this {
    this.#listeners.clear();
    return this;
  }

  #add(event: string, listener: Listener, once: boolean): void {
    const entries = this.#listeners.get(event) ?? [];
    entries.push({ listener, once });
    this.#listeners.set(event, entries);
  }
}

/** An Electron event that records preventDefault(); navigation events carry the target `url`. */
export class FakeEvent {
  defaultPrevented = false;

  constructor(readonly url?: string) {}

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type WindowOpenHandler = (details: { url: string }) => unknown;

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: WindowOpenHandler | undefined;
  readonly loadedUrls: string[] = [];

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** What window.open(url) would get: the handler's answer, or Electron's default `allow`. */
  openWindow(url: string): unknown {
    return this.windowOpenHandler === undefined ? { action: 'allow' } : this.windowOpenHandler({ url });
  }

  /** Emits will-navigate as Electron 45 does; true when the navigation was allowed. */
  navigate(url: string): boolean {
    return this.#emitNavigation('will-navigate', url);
  }

  /** Emits will-redirect as Electron 45 does; true when the redirect was allowed. */
  redirect(url: string): boolean {
    return this.#emitNavigation('will-redirect', url);
  }

  /** Emits will-attach-webview; true when the webview was allowed to attach. */
  attachWebview(src = 'https://example.com/'): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }

  #emitNavigation(name: string, url: string): boolean {
    const event = new FakeEvent(url);
    // Electron 45 also passes the deprecated positional url, isInPlace and isMainFrame.
    this.emit(name, event, url, false, true);
    return !event.defaultPrevented;
  }
}

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];

  readonly options: Readonly<Record<string, unknown>>;
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  focusCount = 0;

  constructor(options: object = {}) {
    super();
    this.options = { ...options };
    BrowserWindow.instances.push(this);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focusCount += 1;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  quitCount = 0;
  paths: Record<string, string> = {};
  appPath = '/fake-electron/app';
  version = '0.0.0-test';
  #ready = false;
  #waiting: (() => void)[] = [];

  whenReady(): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Test helper: emits ready and resolves every whenReady(). */
  fireReady(): void {
    this.#ready = true;
    this.emit('ready');
    for (const resolve of this.#waiting.splice(0)) resolve();
  }

  isReady(): boolean {
    return this.#ready;
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  quit(): void {
    this.quitCount += 1;
  }

  getPath(name: string): string {
    return this.paths[name] ?? `/fake-electron/${name}`;
  }

  getAppPath(): string {
    return this.appPath;
  }

  getVersion(): string {
    return this.version;
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.singleInstanceLock = true;
    this.quitCount = 0;
    this.paths = {};
    this.appPath = '/fake-electron/app';
    this.version = '0.0.0-test';
    this.#ready = false;
    this.#waiting = [];
  }
}

export const app = new FakeApp();

/** The event a handler receives; `senderFrame: null` is a frame that is gone. */
export interface FakeInvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** Builds an invoke event from a frame URL (null for a missing frame). */
export function fakeInvokeEvent(frameUrl: string | null): FakeInvokeEvent {
  return { senderFrame: frameUrl === null ? null : { url: frameUrl } };
}

type InvokeListener = (event: FakeInvokeEvent, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),

  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler for the same channel; so does the double.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },

  /** Test helper: calls the handler of `channel` as a renderer frame at `event` would. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  },
};

function echoResponse(channel: string, ...args: unknown[]): unknown {
  return { ok: true, value: { channel, args } };
}

export const ipcRenderer = {
  calls: [] as { channel: string; args: unknown[] }[],
  /** What invoke() resolves to; replace it in a test to script main's answers. */
  respond: echoResponse,

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push({ channel, args });
    return Promise.resolve(this.respond(channel, ...args));
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`Cannot bind an API on top of an existing property '${apiKey}'`);
    this.exposed.set(apiKey, api);
  },
};

export interface FakeCustomScheme {
  readonly scheme: string;
  readonly privileges?: Readonly<Record<string, boolean>>;
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privilegedSchemes: [] as FakeCustomScheme[][],
  handlers: new Map<string, ProtocolHandler>(),

  registerSchemesAsPrivileged(schemes: FakeCustomScheme[]): void {
    this.privilegedSchemes.push(schemes.map((scheme) => ({ ...scheme })));
  },

  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  },

  /** Test helper: sends a request to the handler registered for the URL's scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (handler === undefined) throw new Error(`No handler registered for ${url}`);
    return handler(new Request(url, init));
  },
};

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }

  /** Test helper: the answer a page would get; Electron grants when no handler is set. */
  requestPermission(permission: string, origin = 'app://scorebook'): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (handler === null) return Promise.resolve(true);
    return new Promise((resolve) => handler(null, permission, resolve, { requestingUrl: `${origin}/` }));
  }

  /** Test helper: the answer to a permission check; Electron grants when no handler is set. */
  checkPermission(permission: string, origin = 'app://scorebook'): boolean {
    const handler = this.permissionCheckHandler;
    return handler === null ? true : handler(null, permission, origin, { requestingUrl: `${origin}/` });
  }

  reset(): void {
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
  }
}

export const session = { defaultSession: new FakeSession() };

/** What getSelectedStorageBackend() can answer (Electron 45, Linux). */
export type FakeStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

const fakeCipherPrefix = 'fake-os-crypt:';

/**
 * safeStorage: a reversible stand-in for the OS keyring. The ciphertext is `fake-os-crypt:<key version>:` and the
 * UTF-8 bytes XOR 0x5a, so a test can check that no plaintext reaches the disk. Set `encryptionAvailable` and
 * `backend` to model a machine; rotateKey() makes older ciphertext decrypt with `shouldReEncrypt`; `failEncrypt` and
 * `failDecrypt` make the calls fail as a locked keyring does.
 */
class FakeSafeStorage {
  encryptionAvailable = true;
  backend: FakeStorageBackend = 'gnome_libsecret';
  failDecrypt = false;
  failEncrypt = false;
  keyVersion = 1;

  isEncryptionAvailable(): boolean {
    return this.encryptionAvailable;
  }

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.encryptionAvailable);
  }

  getSelectedStorageBackend(): FakeStorageBackend {
    return this.backend;
  }

  encryptString(plainText: string): Buffer {
    // Electron throws when no encryption is available.
    if (!this.encryptionAvailable || this.failEncrypt) {
      throw new Error('Error while encrypting the text provided to encryptString.');
    }
    const body = Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a);
    return Buffer.concat([Buffer.from(`${fakeCipherPrefix}${this.keyVersion}:`), body]);
  }

  encryptStringAsync(plainText: string): Promise<Buffer> {
    try {
      return Promise.resolve(this.encryptString(plainText));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  decryptString(encrypted: Buffer): string {
    return this.#decrypt(encrypted).result;
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    try {
      return Promise.resolve(this.#decrypt(encrypted));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Test helper: the OS rotates its key; ciphertext made before decrypts with shouldReEncrypt. */
  rotateKey(): void {
    this.keyVersion += 1;
  }

  reset(): void {
    this.encryptionAvailable = true;
    this.backend = 'gnome_libsecret';
    this.failDecrypt = false;
    this.failEncrypt = false;
    this.keyVersion = 1;
  }

  #decrypt(encrypted: Buffer): { shouldReEncrypt: boolean; result: string } {
    if (!this.encryptionAvailable || this.failDecrypt) throw new Error('Error while decrypting the ciphertext.');
    const match = /^fake-os-crypt:(\d+):/.exec(encrypted.subarray(0, 32).toString('latin1'));
    if (match === null || match[1] === undefined) throw new Error('Error while decrypting the ciphertext.');
    const body = encrypted.subarray(match[0].length).map((byte) => byte ^ 0x5a);
    return { shouldReEncrypt: Number(match[1]) < this.keyVersion, result: Buffer.from(body).toString('utf8') };
  }
}

export const safeStorage = new FakeSafeStorage();

/** What a dialog call was asked, and for which window. */
export interface FakeDialogCall {
  readonly kind: 'message' | 'open';
  readonly window: unknown;
  readonly options: object;
}

/**
 * dialog: records each call; `messageResponse` is the index of the button the "user" clicks, `openResult` what the
 * open dialog returns.
 */
export const dialog = {
  calls: [] as FakeDialogCall[],
  messageResponse: 0,
  openResult: { canceled: false, filePaths: ['/media/usb'] } as { canceled: boolean; filePaths: string[] },
  showMessageBox(window: unknown, options: object): Promise<{ response: number; checkboxChecked: boolean }> {
    this.calls.push({ kind: 'message', window, options });
    return Promise.resolve({ response: this.messageResponse, checkboxChecked: false });
  },
  showOpenDialog(window: unknown, options: object): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.calls.push({ kind: 'open', window, options });
    return Promise.resolve(this.openResult);
  },
  reset(): void {
    this.calls = [];
    this.messageResponse = 0;
    this.openResult = { canceled: false, filePaths: ['/media/usb'] };
  },
};

/** Clears every recorded call, registration, window and listener of the double. */
export function resetElectronDouble(): void {
  app.reset();
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  ipcRenderer.calls = [];
  ipcRenderer.respond = echoResponse;
  contextBridge.exposed.clear();
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
  session.defaultSession.reset();
  safeStorage.reset();
  dialog.reset();
}
