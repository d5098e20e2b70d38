import { describe, expect, it } from 'vitest';
import { acceptViewerMessage } from '../../../../src-renderer/features/materials/use-viewer-frame';

const frameWindow = { name: 'the viewer frame' };
const otherWindow = { name: 'another sandboxed frame' };

describe("accepting a message as the viewer's", () => {
  it('takes a protocol message from our frame, whose origin is opaque', () => {
    const event = { source: frameWindow, origin: 'null', data: { type: 'key', key: 'next' } };
    expect(acceptViewerMessage(event, frameWindow)).toEqual({ type: 'key', key: 'next' });
  });

  it('ignores another opaque-origin window saying the same thing', () => {
    const event = { source: otherWindow, origin: 'null', data: { type: 'key', key: 'close' } };
    expect(acceptViewerMessage(event, frameWindow)).toBeUndefined();
  });

  it('ignores our frame when its origin is not opaque (it is no longer the sandboxed viewer)', () => {
    const event = { source: frameWindow, origin: 'http://127.0.0.1:5319', data: { type: 'ready' } };
    expect(acceptViewerMessage(event, frameWindow)).toBeUndefined();
  });

  it('ignores shapes outside the protocol, and everything before the frame exists', () => {
    expect(acceptViewerMessage({ source: frameWindow, origin: 'null', data: { type: 'call' } }, frameWindow)).toBe(
      undefined,
    );
    expect(acceptViewerMessage({ source: null, origin: 'null', data: { type: 'ready' } }, null)).toBeUndefined();
    expect(acceptViewerMessage({ source: undefined, origin: 'null', data: { type: 'ready' } }, undefined)).toBe(
      undefined,
    );
  });
});
