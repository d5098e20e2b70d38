import { useCallback, useContext, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import type { AssignmentMaterial } from '../../../src-shared/stages/stage-setup';
import { ErrorBanner } from '../../components/error-banner';
import { IdentityContext } from '../../components/identity-context';
import { saveFile } from '../../components/save-file';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { clampPage, pageAfterKey, viewerKeyFor } from '../../viewer/viewer-layout';
import type { ViewerKey, ViewerMessage, ViewerZoom } from '../../viewer/viewer-protocol';
import { watermarkLines } from '../../viewer/watermark';
import { readMaterial, type MaterialStep } from './material-bytes';
import { pickMaterial } from './material-list';
import type { MaterialsState, OpenRequest } from './materials-context';
import { useViewerFrame } from './use-viewer-frame';
import { ViewerToolbar } from './viewer-toolbar';
import './materials.css';

type Phase =
  | { readonly kind: MaterialStep | 'opening' | 'shown' }
  | { readonly kind: 'error'; readonly error: Pick<AppError, 'code' | 'params'> };

/** The dock beside the page: the chosen material, or why there is none. Esc closes it from anywhere inside. */
export function MaterialViewerDock({
  request,
  state,
  onClose,
}: {
  request: OpenRequest;
  state: MaterialsState;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const picked = state.materials.status === 'ready' ? pickMaterial(state.materials.value, request.sha256) : undefined;
  const material = picked?.ok === true ? picked.value : undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <section
      className="materials-dock"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      data-secret={material?.commercialSecret === true}
      onKeyDown={onKeyDown}
    >
      <header className="materials-dock-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {t('stageViewer.dock', { name: material?.name ?? t('stageViewer.title') })}
          {material?.commercialSecret === true && <span className="badge">{t('stageViewer.secret')}</span>}
        </h2>
        <button type="button" onClick={onClose}>
          {t('stageViewer.close')}
        </button>
      </header>
      {state.materials.status === 'loading' && <p role="status">{t('stageViewer.loading')}</p>}
      {state.materials.status === 'error' && <ErrorBanner error={state.materials.error} />}
      {picked?.ok === false && <ErrorBanner error={picked.error} />}
      {picked?.ok === true && material === undefined && <p className="empty-state">{t('stageViewer.none')}</p>}
      {material !== undefined && (
        <MaterialView key={material.sha256} material={material} request={request} state={state} onClose={onClose} />
      )}
    </section>
  );
}

/** The expert's name for the watermark: the profile when an identity is unlocked, else nothing. */
function useWatermarkName(): string {
  const identity = useContext(IdentityContext);
  return identity?.status.profile?.name ?? identity?.status.officeName ?? '';
}

const frameStartTimeoutMs = 15_000;

interface LiveView {
  /** The request id of the open this view sent; answers to earlier ones are dropped. */
  openId: number | null;
  nextId: number;
  page: number;
  pageCount: number | null;
  zoom: ViewerZoom;
}

function MaterialView({
  material,
  request,
  state,
  onClose,
}: {
  material: AssignmentMaterial;
  request: OpenRequest;
  state: MaterialsState;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { client, now } = useServices();
  const expertName = useWatermarkName();
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [bytes, setBytes] = useState<Uint8Array<ArrayBuffer> | null>(null);
  const [cited, setCited] = useState<number | null>(null);
  // The page the frame last painted (the indicator shows the one asked for at once).
  const [painted, setPainted] = useState<number | null>(null);
  // The watermark names the time the material was opened; it is fixed for this view.
  const [watermark] = useState(() =>
    material.commercialSecret ? watermarkLines(expertName, now(), t('stageViewer.watermarkLabel')) : null,
  );
  // The page, count and zoom live in a ref too: frame messages and keys read the current values between renders.
  const live = useRef<LiveView>({ openId: null, nextId: 0, page: request.page, pageCount: null, zoom: 'fit-width' });
  const [view, setView] = useState({ page: request.page, pageCount: null as number | null, zoom: live.current.zoom });
  const updateView = (patch: Partial<Pick<LiveView, 'page' | 'pageCount' | 'zoom'>>): void => {
    Object.assign(live.current, patch);
    setView({ page: live.current.page, pageCount: live.current.pageCount, zoom: live.current.zoom });
  };
  const label = useCallback(
    (page: number): string => t('stageViewer.canvasLabel', { name: material.name, page }),
    [t, material.name],
  );

  useEffect(() => {
    let current = true;
    void readMaterial(client, state.assignmentId, material, (step) => current && setPhase({ kind: step })).then(
      (result) => {
        if (!current) return;
        if (result.ok) setBytes(result.value);
        else setPhase({ kind: 'error', error: result.error });
      },
    );
    return () => {
      current = false;
    };
  }, [client, state.assignmentId, material]);

  const {
    ref: frameRef,
    ready: frameReady,
    send,
  } = useViewerFrame((message: ViewerMessage) => {
    if (message.type === 'ready') return;
    if (message.type === 'key') {
      if (message.key === 'close') onClose();
      else moveBy(message.key);
      return;
    }
    const { openId } = live.current;
    if (openId === null || message.requestId < openId) return;
    if (message.type === 'opened') updateView({ pageCount: message.pageCount });
    else if (message.type === 'rendered') {
      updateView({ page: message.page, pageCount: message.pageCount });
      setPainted(message.page);
      setPhase({ kind: 'shown' });
    } else {
      const params: Readonly<Record<string, string>> =
        message.code === 'E_INTERNAL' ? { detail: 'pdf.js' } : { name: material.name };
      setPhase({ kind: 'error', error: { code: message.code, params } });
    }
  });

  const navigate = (wanted: number, zoom: ViewerZoom): void => {
    const current = live.current;
    if (current.openId === null || current.pageCount === null) return;
    const page = clampPage(wanted, current.pageCount);
    current.nextId += 1;
    updateView({ page, zoom });
    send({ type: 'show', requestId: current.nextId, page, zoom, canvasLabel: label(page) });
  };
  const moveBy = (key: Exclude<ViewerKey, 'close'>): void => {
    const { page, pageCount, zoom } = live.current;
    const next = pageAfterKey(key, page, pageCount ?? 1);
    if (next !== undefined) navigate(next, zoom);
  };

  // A frame that never says "ready" (its script refused to load) must not leave the expert waiting forever.
  useEffect(() => {
    if (frameReady) return;
    const timer = setTimeout(() => {
      const error = { code: 'E_INTERNAL' as const, params: { detail: 'the materials viewer did not start' } };
      setPhase((previous) => (previous.kind === 'error' ? previous : { kind: 'error', error }));
    }, frameStartTimeoutMs);
    return () => clearTimeout(timer);
  }, [frameReady]);

  // Once the bytes are verified and the frame listens: send a copy (ours stays for "save a copy"), transferred.
  useEffect(() => {
    const current = live.current;
    if (bytes === null || !frameReady || current.openId !== null) return;
    current.nextId += 1;
    current.openId = current.nextId;
    const copy = bytes.slice().buffer;
    setPhase({ kind: 'opening' });
    send(
      {
        type: 'open',
        requestId: current.openId,
        bytes: copy,
        page: current.page,
        zoom: current.zoom,
        watermark: watermark === null ? null : { lines: watermark },
        canvasLabel: label(current.page),
      },
      [copy],
    );
  }, [bytes, frameReady, send, watermark, label]);

  // Opening this material again (a link to another page) moves to that page.
  const seenNonce = useRef(request.nonce);
  useEffect(() => {
    if (seenNonce.current === request.nonce) return;
    seenNonce.current = request.nonce;
    if (live.current.openId === null) live.current.page = request.page;
    else navigate(request.page, live.current.zoom);
  });

  const onKeyDown = (event: KeyboardEvent): void => {
    if ((event.target as HTMLElement).closest('input, textarea, select') !== null) return;
    const key = viewerKeyFor({ ...keyFlags(event), canScrollUp: false, canScrollDown: false });
    if (key === undefined || key === 'close') return;
    event.preventDefault();
    moveBy(key);
  };

  const loading = phase.kind === 'reading' || phase.kind === 'verifying' || phase.kind === 'opening';
  return (
    <div className="materials-view" data-phase={phase.kind} data-painted-page={painted ?? ''} onKeyDown={onKeyDown}>
      <ViewerToolbar
        page={view.page}
        pageCount={view.pageCount}
        zoom={view.zoom}
        enabled={view.pageCount !== null}
        secret={material.commercialSecret}
        canCite={state.hasCiteTarget}
        onPage={(page) => navigate(page, view.zoom)}
        onZoom={(zoom) => navigate(view.page, zoom)}
        onCite={() => {
          if (state.cite({ materialName: material.name, page: view.page })) setCited(view.page);
        }}
        onSave={() => {
          if (bytes !== null && !material.commercialSecret) saveFile(material.name, bytes, 'application/pdf');
        }}
      />
      {material.commercialSecret && <p className="muted materials-hint">{t('stageViewer.secretNote')}</p>}
      {watermark !== null && (
        <p className="materials-watermark" data-testid="materials-watermark">
          {t('stageViewer.watermark', { text: watermark.join(' · ') })}
        </p>
      )}
      <p className="visually-hidden">{t('stageViewer.keyboardHint')}</p>
      {phase.kind === 'error' && <ErrorBanner error={phase.error} />}
      {loading && (
        <p role="status" className="materials-progress">
          <progress aria-label={t(`stageViewer.${phase.kind}`)} /> {t(`stageViewer.${phase.kind}`)}
        </p>
      )}
      {cited !== null && (
        <p role="status" className="banner banner-ok">
          {t('stageViewer.cited', { name: material.name, page: cited })}
        </p>
      )}
      <iframe
        ref={frameRef}
        className="materials-frame"
        src="/viewer.html"
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        title={t('stageViewer.frameTitle', { name: material.name })}
      />
    </div>
  );
}

function keyFlags(event: KeyboardEvent): { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean } {
  return { key: event.key, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey };
}
