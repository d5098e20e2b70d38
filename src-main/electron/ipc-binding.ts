import { ipcChannelName } from '../../src-shared/contract/channel-names';
import { channels } from '../../src-shared/contract/channels';
import { fail, type Result } from '../../src-shared/contract/result';
import type { Dispatch } from '../handlers/dispatch';

// This module is also inlined into the sandboxed preload, so it must not import node:* or
// anything that touches the file system: only the contract, the Result helpers and types.

/** The custom scheme the renderer is served from (registered in app-protocol.ts). */
export const APP_SCHEME = 'app';
/** The one host of that scheme. IndexedDB is bound to the origin, so this never changes once released. */
export const APP_HOST = 'scorebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app origin `app://scorebook` (any path, query or hash).
 * Anything else — other schemes, other hosts, a port, credentials, unparsable text — is false.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  );
}

/** The part of Electron's WebFrameMain the binding reads. */
export interface SenderFrameLike {
  readonly url: string;
}

/** The part of Electron's IpcMainInvokeEvent the binding reads (`senderFrame` is null once the frame is gone). */
export interface IpcInvokeEventLike {
  readonly senderFrame?: SenderFrameLike | null;
}

/** The part of Electron's ipcMain the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<Result<unknown>>): void;
}

export interface IpcBindingOptions {
  readonly ipcMain: IpcMainLike;
  readonly dispatch: Dispatch;
  /** Decides whether a sender frame may call the contract; defaults to "its URL is on the app origin". */
  readonly isTrustedFrame?: (frame: SenderFrameLike) => boolean;
}

/** The default frame check: the frame's current URL is on the app origin. */
export function isAppFrame(frame: SenderFrameLike): boolean {
  return isAppUrl(frame.url);
}

function senderIsTrusted(event: IpcInvokeEventLike, isTrustedFrame: (frame: SenderFrameLike) => boolean): boolean {
  try {
    // Reading senderFrame or its url throws in Electron when the frame was disposed mid-call;
    // a frame we cannot inspect is not trusted.
    const frame = event.senderFrame;
    return frame !== null && frame !== undefined && isTrustedFrame(frame);
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Registers one `ipcMain.handle` per contract channel (`scorebook:<channel>`). Every call has its
 * sender frame checked before the request reaches `dispatch`; refused calls get `E_FRAME`.
 * The handlers never reject: anything unexpected becomes `E_INTERNAL`.
 * Returns the IPC channel names it registered.
 */
export function bindContractToIpc(options: IpcBindingOptions): readonly string[] {
  const { ipcMain, dispatch } = options;
  const isTrustedFrame = options.isTrustedFrame ?? isAppFrame;
  const registered: string[] = [];
  for (const channel of channels) {
    const name = ipcChannelName(channel);
    ipcMain.handle(name, async (event, ...args) => {
      try {
        if (!senderIsTrusted(event, isTrustedFrame)) {
          return fail('E_FRAME', `refused ${channel}: sender frame is not on ${APP_ORIGIN}`);
        }
        // The preload sends exactly one argument, the request; extra arguments are ignored.
        return await dispatch(channel, args[0]);
      } catch (error) {
        const detail = describe(error);
        return fail('E_INTERNAL', `ipc ${channel} failed: ${detail}`, { detail });
      }
    });
    registered.push(name);
  }
  return registered;
}
