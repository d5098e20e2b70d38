import type { ViewerKey, ViewerZoom } from './viewer-protocol';

/** pdf.js draws 1 CSS pixel per PDF point at scale 1; "100 %" is the printed size, 96 px per 72 pt. */
export const cssPixelsPerPoint = 96 / 72;

/** Zoom as a pdf.js scale for a page `pageWidth` points wide shown in `availableWidth` CSS pixels. */
export function pageScale(zoom: ViewerZoom, pageWidth: number, availableWidth: number): number {
  if (zoom === 'actual') return cssPixelsPerPoint;
  if (zoom === 'large') return 1.5 * cssPixelsPerPoint;
  if (pageWidth <= 0 || availableWidth <= 0) return cssPixelsPerPoint;
  // Never below a tenth: a very narrow frame would otherwise ask for an unreadable, near-empty canvas.
  return Math.max(availableWidth / pageWidth, 0.1);
}

/** A canvas this large is already sharp on any screen; above it memory grows and Chromium may refuse the canvas. */
export const maxCanvasPixels = 16 * 1024 * 1024;

/** Device pixels per CSS pixel for a page of this CSS size: the screen's ratio, lowered to stay under the cap. */
export function outputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const area = cssWidth * cssHeight;
  if (area <= 0) return ratio;
  return Math.min(ratio, Math.sqrt(maxCanvasPixels / area));
}

/** The page a host asks for, kept inside the document. */
export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(Math.trunc(page), 1), Math.max(pageCount, 1));
}

/** The page a key leads to from `page`, or undefined when the key does not move. */
export function pageAfterKey(key: ViewerKey, page: number, pageCount: number): number | undefined {
  switch (key) {
    case 'previous':
      return page > 1 ? page - 1 : undefined;
    case 'next':
      return page < pageCount ? page + 1 : undefined;
    case 'first':
      return page !== 1 ? 1 : undefined;
    case 'last':
      return page !== pageCount ? pageCount : undefined;
    case 'close':
      return undefined;
  }
}

export interface KeyInput {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  /** Whether the page can still scroll in that direction: up and down arrows scroll first, then turn the page. */
  readonly canScrollUp: boolean;
  readonly canScrollDown: boolean;
}

/** What a key pressed in the viewer means, or undefined to leave it to the browser (scrolling, shortcuts). */
export function viewerKeyFor(input: KeyInput): ViewerKey | undefined {
  if (input.altKey || input.ctrlKey || input.metaKey) return undefined;
  switch (input.key) {
    case 'PageUp':
    case 'ArrowLeft':
      return 'previous';
    case 'PageDown':
    case 'ArrowRight':
      return 'next';
    case 'ArrowUp':
      return input.canScrollUp ? undefined : 'previous';
    case 'ArrowDown':
      return input.canScrollDown ? undefined : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'close';
    default:
      return undefined;
  }
}
