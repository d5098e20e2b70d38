import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import './viewer.css';
import { openPdf, renderPage, startPdfWorker, type RenderHandle } from './pdf-engine';
import { pdfFailure } from './pdf-errors';
import { clampPage, viewerKeyFor } from './viewer-layout';
import { parseHostMessage, type HostMessage, type ViewerMessage, type ViewerZoom } from './viewer-protocol';
import { drawWatermark } from './watermark';

/**
 * The materials viewer page, run in `<iframe sandbox="allow-scripts">`: an opaque origin with no storage, no
 * contract client (the preload never runs in a subframe, and the parent is cross-origin to it), no network
 * (connect-src 'none') and no dialogs. It only turns the bytes a host posts into pixels and answers with what it did.
 */

interface View {
  requestId: number;
  page: number;
  zoom: ViewerZoom;
  canvasLabel: string;
}

interface Session {
  worker: Promise<PDFWorker> | undefined;
  document: PDFDocumentProxy | undefined;
  /** Bumped by every open: an answer from an older open is dropped. */
  generation: number;
  render: RenderHandle | undefined;
  view: View | undefined;
  watermark: readonly string[] | null;
}

const pageMargin = 16;
const stage = document.getElementById('viewer') ?? document.body;

/** The host is the page that framed us: same URL origin (ours is opaque, but `location` keeps the URL's). */
const hostOrigin = location.origin;

function post(message: ViewerMessage): void {
  window.parent.postMessage(message, hostOrigin);
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function clearStage(): void {
  stage.replaceChildren();
  delete document.body.dataset.page;
}

function applyWatermarkState(lines: readonly string[] | null): void {
  // The class hides the page from printing (viewer.css); the data attribute states what is drawn, for tests and
  // for anyone inspecting the frame — the pixels themselves are what protects the page.
  document.body.classList.toggle('secret', lines !== null);
  if (lines === null) delete document.body.dataset.watermark;
  else document.body.dataset.watermark = lines.join(' · ');
}

async function paint(session: Session, timing: { received: number; opened: number }): Promise<void> {
  const doc = session.document;
  const view = session.view;
  if (doc === undefined || view === undefined) return;
  session.render?.cancel();
  const pageNumber = clampPage(view.page, doc.numPages);
  const handle = renderPage(
    doc,
    pageNumber,
    view.zoom,
    document.documentElement.clientWidth - 2 * pageMargin,
    window.devicePixelRatio,
    () => document.createElement('canvas'),
  );
  session.render = handle;
  let painted;
  try {
    painted = await handle.done;
  } catch (error) {
    const failure = pdfFailure(error);
    if (failure !== 'cancelled' && session.render === handle) {
      post({ type: 'error', requestId: view.requestId, code: failure });
    }
    return;
  }
  if (session.render !== handle) return;
  const { canvas } = painted;
  const context = canvas.getContext('2d');
  if (session.watermark !== null && context !== null) {
    drawWatermark(context, { width: canvas.width, height: canvas.height, outputScale: painted.outputScale }, [
      ...session.watermark,
    ]);
  }
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', view.canvasLabel);
  const samePage = document.body.dataset.page === String(pageNumber);
  stage.replaceChildren(canvas);
  if (!samePage) document.scrollingElement?.scrollTo(0, 0);
  document.body.dataset.page = String(pageNumber);
  await nextFrame();
  post({
    type: 'rendered',
    requestId: view.requestId,
    page: pageNumber,
    pageCount: doc.numPages,
    zoom: view.zoom,
    watermarked: session.watermark !== null,
    timing: { timeOrigin: performance.timeOrigin, ...timing, painted: performance.now() },
  });
}

async function open(session: Session, message: Extract<HostMessage, { type: 'open' }>): Promise<void> {
  const received = performance.now();
  session.generation += 1;
  const generation = session.generation;
  session.render?.cancel();
  session.render = undefined;
  const previous = session.document;
  session.document = undefined;
  session.view = {
    requestId: message.requestId,
    page: message.page,
    zoom: message.zoom,
    canvasLabel: message.canvasLabel,
  };
  session.watermark = message.watermark?.lines ?? null;
  // The previous document's page must not stay on screen under the new material's name.
  clearStage();
  applyWatermarkState(session.watermark);
  void previous?.loadingTask.destroy();
  let doc: PDFDocumentProxy;
  try {
    session.worker ??= startPdfWorker();
    doc = await openPdf(await session.worker, message.bytes);
  } catch (error) {
    const failure = pdfFailure(error);
    if (generation === session.generation && failure !== 'cancelled') {
      post({ type: 'error', requestId: message.requestId, code: failure });
    }
    return;
  }
  if (generation !== session.generation) {
    void doc.loadingTask.destroy();
    return;
  }
  session.document = doc;
  post({ type: 'opened', requestId: message.requestId, pageCount: doc.numPages });
  await paint(session, { received, opened: performance.now() });
}

function onKey(event: KeyboardEvent): void {
  const scroller = document.scrollingElement;
  const top = scroller?.scrollTop ?? 0;
  const key = viewerKeyFor({
    key: event.key,
    altKey: event.altKey,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    canScrollUp: top > 0,
    canScrollDown: scroller !== null && top + scroller.clientHeight < scroller.scrollHeight - 1,
  });
  if (key === undefined) return;
  event.preventDefault();
  post({ type: 'key', key });
}

function start(): void {
  const session: Session = {
    worker: undefined,
    document: undefined,
    generation: 0,
    render: undefined,
    view: undefined,
    watermark: null,
  };
  window.addEventListener('message', (event) => {
    // Only the framing page may drive the viewer; anything else, or any shape not in the protocol, is ignored.
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    const message = parseHostMessage(event.data);
    if (message === undefined) return;
    if (message.type === 'open') {
      void open(session, message);
      return;
    }
    session.view = {
      requestId: message.requestId,
      page: message.page,
      zoom: message.zoom,
      canvasLabel: message.canvasLabel,
    };
    const received = performance.now();
    void paint(session, { received, opened: received });
  });
  document.addEventListener('keydown', onKey);
  // No "save image" or "copy image" menu on a secret page (the watermark would travel with it, but still).
  document.addEventListener('contextmenu', (event) => {
    if (session.watermark !== null) event.preventDefault();
  });
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (session.view?.zoom !== 'fit-width') return;
      const now = performance.now();
      void paint(session, { received: now, opened: now });
    }, 150);
  });
  // Started now, while the host still reads and checks the bytes: the worker's script is most of a first open.
  session.worker = startPdfWorker();
  // Its failure is reported by the open that awaits it; this only keeps it from counting as unhandled meanwhile.
  session.worker.catch(() => undefined);
  post({ type: 'ready' });
}

start();
