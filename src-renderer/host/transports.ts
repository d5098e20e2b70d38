import type { Channel } from '../../src-shared/contract/channels';
import type { Transport } from './contract-client';

/** What the Electron preload exposes: one function per channel, nothing else. */
type PreloadApi = Partial<Record<Channel, (request: unknown) => Promise<unknown>>>;

const tokenKey = 'scorebook.token';

/** The preload API when running inside the Electron window, else undefined. */
function preloadApi(): PreloadApi | undefined {
  const candidate = (window as unknown as { scorebook?: unknown }).scorebook;
  return typeof candidate === 'object' && candidate !== null ? (candidate as PreloadApi) : undefined;
}

function electronTransport(api: PreloadApi): Transport {
  return async (channel, request) => {
    const fn = api[channel];
    if (fn === undefined)
      return { ok: false, error: { code: 'E_UNKNOWN_CHANNEL', message: channel, params: { channel } } };
    return fn(request);
  };
}

/**
 * The web host gives the per-launch token in the address (`#token=…`); it is kept for this origin (one port)
 * so a reload still works, and removed from the visible address bar.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)(?:&|$)/.exec(location.hash);
  if (match?.[1] !== undefined) {
    storage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(tokenKey) ?? undefined;
}

function webTransport(token: string | undefined): Transport {
  return async (channel, request) => {
    const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Scorebook-Token': token ?? '' },
      body: JSON.stringify(request),
    });
    return response.json() as Promise<unknown>;
  };
}

/** Picks the transport once at start: Electron's preload where present, else the local web host. */
export function detectTransport(): { transport: Transport; kind: 'electron' | 'web' } {
  const api = preloadApi();
  if (api !== undefined) return { transport: electronTransport(api), kind: 'electron' };
  return { transport: webTransport(takeToken(window.location, window.localStorage, window.history)), kind: 'web' };
}
