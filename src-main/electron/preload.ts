import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, ipcChannelName } from '../../src-shared/contract/channel-names';
import type { Channel, ChannelRequest } from '../../src-shared/contract/channels';

// Bundled as a sandboxed CommonJS preload: it may import only 'electron' and our own modules
// (inlined by the bundler). It takes the channel names from channel-names.ts, which has no
// dependency, and only types from the contract, so no zod ends up in the preload. Never expose ipcRenderer itself, nor a generic invoke or send.

/** The name of the global the renderer finds the API under: `window.scorebook`. */
export const PRELOAD_API_KEY = 'scorebook';

/**
 * What the renderer sees: one function per contract channel. The answer is a Result as main
 * sent it; the renderer's host client parses it with the contract's response schema.
 */
export type PreloadApi = {
  readonly [C in Channel]: (request: ChannelRequest<C>) => Promise<unknown>;
};

/** Sends one request on one IPC channel (ipcRenderer.invoke in the real preload). */
export type PreloadInvoke = (ipcChannel: string, request: unknown) => Promise<unknown>;

/** Builds the frozen API object: for each contract channel, a function that forwards only its request. */
export function buildPreloadApi(invoke: PreloadInvoke): PreloadApi {
  const api: Partial<Record<Channel, (request: unknown) => Promise<unknown>>> = {};
  for (const channel of channelNames) {
    const ipcChannel = ipcChannelName(channel);
    // Only the first argument crosses: the renderer cannot smuggle extra arguments to main.
    api[channel] = (request: unknown) => invoke(ipcChannel, request);
  }
  // Every contract channel was assigned in the loop above, so the partial record is complete.
  return Object.freeze(api) as PreloadApi;
}

contextBridge.exposeInMainWorld(
  PRELOAD_API_KEY,
  buildPreloadApi((ipcChannel, request) => ipcRenderer.invoke(ipcChannel, request)),
);
