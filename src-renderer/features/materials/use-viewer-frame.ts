import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { parseViewerMessage, type HostMessage, type ViewerMessage } from '../../viewer/viewer-protocol';

/** What a message event carries that decides whether it is the viewer speaking. */
export interface FrameMessageEvent {
  readonly source: unknown;
  readonly origin: string;
  readonly data: unknown;
}

/**
 * A message from our viewer frame, or undefined. The frame is sandboxed without allow-same-origin, so its origin
 * serialises as "null" — which any other sandboxed or data: document shares; what tells ours apart is the exact
 * window object that sent it. Then the shape must be one of the protocol's.
 */
export function acceptViewerMessage(event: FrameMessageEvent, frameWindow: unknown): ViewerMessage | undefined {
  if (frameWindow === null || frameWindow === undefined) return undefined;
  if (event.source !== frameWindow || event.origin !== 'null') return undefined;
  return parseViewerMessage(event.data);
}

export interface ViewerFrame {
  readonly ref: RefObject<HTMLIFrameElement | null>;
  /** The viewer's script has loaded and listens. */
  readonly ready: boolean;
  /** Posts to the frame; false when there is no frame yet. */
  readonly send: (message: HostMessage, transfer?: Transferable[]) => boolean;
}

/** The host's end of the viewer protocol for one iframe. */
export function useViewerFrame(onMessage: (message: ViewerMessage) => void): ViewerFrame {
  const ref = useRef<HTMLIFrameElement | null>(null);
  const [ready, setReady] = useState(false);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  }, [onMessage]);
  useEffect(() => {
    const listen = (event: MessageEvent): void => {
      const message = acceptViewerMessage(event, ref.current?.contentWindow);
      if (message === undefined) return;
      if (message.type === 'ready') setReady(true);
      handler.current(message);
    };
    window.addEventListener('message', listen);
    return () => window.removeEventListener('message', listen);
  }, []);
  const send = useCallback((message: HostMessage, transfer: Transferable[] = []): boolean => {
    const target = ref.current?.contentWindow;
    if (target === null || target === undefined) return false;
    // An opaque origin cannot be named as the target, hence '*'. The window is the one our iframe holds, its src is
    // fixed to the viewer page, and the viewer's CSP lets it load nothing but our own scripts.
    target.postMessage(message, '*', transfer);
    return true;
  }, []);
  return { ref, ready, send };
}
