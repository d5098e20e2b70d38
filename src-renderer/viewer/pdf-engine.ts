import { AnnotationMode, getDocument, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
// Built by Vite as a classic script inlined into this chunk and started from a blob: URL. The viewer's origin is
// opaque, so a worker file fetched by URL (and a module worker, even from blob:) is refused; a classic blob worker
// is the one kind Chromium starts there (measured in Debian Chromium 156), and the CSP allows exactly `blob:`.
import InlinePdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&inline';
import { PdfEngineError } from './pdf-errors';
import { outputScale, pageScale } from './viewer-layout';
import type { ViewerZoom } from './viewer-protocol';

/** The worker's first message ("ready") proves it started; no answer in this time means it never will. */
const workerStartTimeoutMs = 10_000;

function waitForFirstMessage(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), workerStartTimeoutMs);
    const settle = (started: boolean) => () => {
      clearTimeout(timer);
      resolve(started);
    };
    worker.addEventListener('message', settle(true), { once: true });
    worker.addEventListener('error', settle(false), { once: true });
  });
}

/**
 * Starts pdf.js's worker thread. pdf.js alone cannot tell a port that never answers from a slow one (a document
 * would wait forever), so the worker's first message is awaited here. There is deliberately no main-thread
 * fallback: it would need pdf.js's worker code as a second, separately loaded chunk, and the blob worker is what
 * Chromium (so Electron) starts in this frame.
 */
export async function startPdfWorker(): Promise<PDFWorker> {
  let port: Worker;
  try {
    port = new InlinePdfWorker({ name: 'pdf' });
  } catch (error) {
    throw new PdfEngineError(error instanceof Error ? error.message : 'worker refused');
  }
  if (await waitForFirstMessage(port)) return PDFWorker.create({ port });
  port.terminate();
  throw new PdfEngineError('the pdf.js worker did not start');
}

/**
 * Opens a document from bytes with everything that could reach out switched off: no XFA forms, no fetching of
 * fonts, CMaps or wasm (the frame's CSP has no connect-src), no range or stream requests (the bytes are all here),
 * and no password callback (a protected file fails with PasswordException instead of prompting). pdf.js 6 has no
 * `isEvalSupported` option any more — it never compiles code from a PDF — and the frame's CSP forbids eval anyway.
 * Scripting needs pdf.sandbox and the scripting manager of pdf.js's own viewer app, neither of which is bundled.
 */
export function openPdf(worker: PDFWorker, bytes: ArrayBuffer): Promise<PDFDocumentProxy> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    worker,
    enableXfa: false,
    useWorkerFetch: false,
    useWasm: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    disableWorkerRendering: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  return task.promise;
}

export interface PaintedPage {
  readonly canvas: HTMLCanvasElement;
  readonly outputScale: number;
}

export interface RenderHandle {
  readonly done: Promise<PaintedPage>;
  cancel(): void;
}

/**
 * Paints one page into a fresh canvas (the one on screen stays until this one is complete, so turning pages never
 * flashes blank). Annotations are drawn as their appearance only: no form fields, no links, nothing clickable.
 */
export function renderPage(
  document: PDFDocumentProxy,
  pageNumber: number,
  zoom: ViewerZoom,
  availableWidth: number,
  devicePixelRatio: number,
  createCanvas: () => HTMLCanvasElement,
): RenderHandle {
  let cancelled = false;
  let cancelTask: (() => void) | undefined;
  const done = (async (): Promise<PaintedPage> => {
    const page = await document.getPage(pageNumber);
    const natural = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: pageScale(zoom, natural.width, availableWidth) });
    const ratio = outputScale(viewport.width, viewport.height, devicePixelRatio);
    const canvas = createCanvas();
    canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
    canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    if (cancelled) throw Object.assign(new Error('cancelled'), { name: 'RenderingCancelledException' });
    const task = page.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      annotationMode: AnnotationMode.ENABLE,
      background: '#ffffff',
    });
    cancelTask = () => task.cancel();
    await task.promise;
    return { canvas, outputScale: ratio };
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      cancelTask?.();
    },
  };
}
