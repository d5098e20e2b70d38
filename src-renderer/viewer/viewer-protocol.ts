import { z } from 'zod';

/**
 * The only way the materials viewer (viewer.html, a sandboxed frame with an opaque origin) and its host page talk:
 * window.postMessage. Both sides parse every message with these schemas; anything else is dropped. The viewer has no
 * contract client and no storage, so the worst a hostile PDF could make it send is one of these shapes.
 */

/** 64 MiB: the cap of an assignment material (src-shared/stages/stage-setup.ts). */
export const maxMaterialBytes = 64 * 1024 * 1024;

export const viewerZooms = ['fit-width', 'actual', 'large'] as const;
export type ViewerZoom = (typeof viewerZooms)[number];

const page = z.number().int().min(1).max(100_000);
const zoom = z.enum(viewerZooms);
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const label = z.string().min(1).max(200);

/** Lines tiled across a commercial-secret page; null for a material that is not secret. */
const watermark = z
  .object({ lines: z.array(z.string().min(1).max(120)).min(1).max(4) })
  .strict()
  .nullable();

const openMessage = z
  .object({
    type: z.literal('open'),
    requestId,
    /** Transferred, not copied: the host keeps its own copy for "save a copy". */
    bytes: z.instanceof(ArrayBuffer).refine((b) => b.byteLength > 0 && b.byteLength <= maxMaterialBytes),
    page,
    zoom,
    watermark,
    /** The canvas's accessible name, already in the host's language ("{name}, page {page} of {count}"). */
    canvasLabel: label,
  })
  .strict();

const showMessage = z.object({ type: z.literal('show'), requestId, page, zoom, canvasLabel: label }).strict();

export const hostMessageSchema = z.discriminatedUnion('type', [openMessage, showMessage]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** Keys pressed inside the frame that the host acts on (it owns the page number and the dock). */
export const viewerKeys = ['previous', 'next', 'first', 'last', 'close'] as const;
export type ViewerKey = (typeof viewerKeys)[number];

/** Milliseconds on the viewer's performance.now(), with its timeOrigin so another document can compare. */
const timing = z
  .object({
    timeOrigin: z.number().nonnegative(),
    received: z.number().nonnegative(),
    opened: z.number().nonnegative(),
    painted: z.number().nonnegative(),
  })
  .strict();

/** E_INTERNAL: the viewer could not start pdf.js's worker (no file can be shown, whichever it is). */
export const viewerErrorCodes = ['E_PDF_DAMAGED', 'E_PDF_PASSWORD', 'E_INTERNAL'] as const;

export const viewerMessageSchema = z.discriminatedUnion('type', [
  /** The script has loaded and listens; the host sends nothing before this. */
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('opened'), requestId, pageCount: page }).strict(),
  z
    .object({
      type: z.literal('rendered'),
      requestId,
      page,
      pageCount: page,
      zoom,
      watermarked: z.boolean(),
      timing,
    })
    .strict(),
  z.object({ type: z.literal('error'), requestId, code: z.enum(viewerErrorCodes) }).strict(),
  z.object({ type: z.literal('key'), key: z.enum(viewerKeys) }).strict(),
]);
export type ViewerMessage = z.infer<typeof viewerMessageSchema>;
export type RenderedMessage = Extract<ViewerMessage, { type: 'rendered' }>;

/** A message from the host, or undefined for anything that is not one (never throws). */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  const parsed = hostMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** A message from the viewer, or undefined for anything that is not one (never throws). */
export function parseViewerMessage(data: unknown): ViewerMessage | undefined {
  const parsed = viewerMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}
