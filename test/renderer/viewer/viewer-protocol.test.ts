import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maxMaterialBytes,
  parseHostMessage,
  parseViewerMessage,
  type HostMessage,
} from '../../../src-renderer/viewer/viewer-protocol';

function openMessage(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'open',
    requestId: 1,
    bytes: new ArrayBuffer(16),
    page: 1,
    zoom: 'fit-width',
    watermark: null,
    canvasLabel: '申报书.pdf 第 1 页',
    ...patch,
  };
}

const rendered = {
  type: 'rendered',
  requestId: 2,
  page: 3,
  pageCount: 5,
  zoom: 'actual',
  watermarked: true,
  timing: { timeOrigin: 1_700_000_000_000, received: 10, opened: 20, painted: 30 },
};

describe('messages from the host, as the viewer parses them', () => {
  it('accepts an open with its bytes, page, zoom, watermark and label', () => {
    const parsed = parseHostMessage(openMessage({ watermark: { lines: ['李明', '2026-05-04 14:07'] } }));
    expect(parsed?.type).toBe('open');
    expect((parsed as Extract<HostMessage, { type: 'open' }>).bytes.byteLength).toBe(16);
  });

  it('accepts a show of another page or zoom', () => {
    expect(parseHostMessage({ type: 'show', requestId: 3, page: 4, zoom: 'large', canvasLabel: 'p4' })).toEqual({
      type: 'show',
      requestId: 3,
      page: 4,
      zoom: 'large',
      canvasLabel: 'p4',
    });
  });

  it.each([
    ['an empty file', openMessage({ bytes: new ArrayBuffer(0) })],
    ['a file over the material cap', openMessage({ bytes: new ArrayBuffer(maxMaterialBytes + 1) })],
    ['bytes that are not an ArrayBuffer', openMessage({ bytes: new Uint8Array(16) })],
    ['bytes as text', openMessage({ bytes: 'JVBERi0=' })],
    ['page 0', openMessage({ page: 0 })],
    ['a fractional page', openMessage({ page: 1.5 })],
    ['an unknown zoom', openMessage({ zoom: '400%' })],
    ['a blank watermark line', openMessage({ watermark: { lines: [''] } })],
    ['five watermark lines', openMessage({ watermark: { lines: ['a', 'b', 'c', 'd', 'e'] } })],
    ['an extra field', openMessage({ password: 'secret' })],
    ['no label', openMessage({ canvasLabel: '' })],
    ['an unknown type', { type: 'print' }],
    ['a string', 'open'],
    ['null', null],
  ])('drops %s', (_case, message) => {
    expect(parseHostMessage(message)).toBeUndefined();
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        expect(() => parseHostMessage(data)).not.toThrow();
        expect(() => parseViewerMessage(data)).not.toThrow();
      }),
    );
  });
});

describe('messages from the viewer, as the host parses them', () => {
  it.each([
    [{ type: 'ready' }],
    [{ type: 'opened', requestId: 1, pageCount: 300 }],
    [rendered],
    [{ type: 'error', requestId: 1, code: 'E_PDF_PASSWORD' }],
    [{ type: 'error', requestId: 1, code: 'E_PDF_DAMAGED' }],
    [{ type: 'error', requestId: 1, code: 'E_INTERNAL' }],
    [{ type: 'key', key: 'next' }],
    [{ type: 'key', key: 'close' }],
  ])('accepts %j', (message) => {
    expect(parseViewerMessage(message)).toEqual(message);
  });

  it.each([
    ['an error code the viewer may not send', { type: 'error', requestId: 1, code: 'E_TOKEN' }],
    ['a key that is not one of ours', { type: 'key', key: 'print' }],
    ['a rendered message without timing', { ...rendered, timing: undefined }],
    ['a rendered page 0', { ...rendered, page: 0 }],
    ['a request to the contract', { type: 'call', channel: 'identity:status' }],
    ['an extra field', { type: 'ready', channel: 'packages:sign-sheet' }],
  ])('drops %s', (_case, message) => {
    expect(parseViewerMessage(message)).toBeUndefined();
  });
});
