import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { viewerZooms, type ViewerZoom } from '../../viewer/viewer-protocol';

export interface ViewerToolbarProps {
  /** The page asked for, and the one on screen once painted. */
  readonly page: number;
  readonly pageCount: number | null;
  readonly zoom: ViewerZoom;
  /** False until a document is open: nothing to turn or zoom yet. */
  readonly enabled: boolean;
  readonly secret: boolean;
  readonly canCite: boolean;
  readonly onPage: (page: number) => void;
  readonly onZoom: (zoom: ViewerZoom) => void;
  readonly onCite: () => void;
  readonly onSave: () => void;
}

const zoomKeys = {
  'fit-width': 'stageViewer.zoomFit',
  actual: 'stageViewer.zoomActual',
  large: 'stageViewer.zoomLarge',
} as const;

/**
 * The viewer's controls, in the host page (the frame has no words of its own): pages, go to, zoom, cite and — for a
 * material that is not a commercial secret — save a copy. A secret material has no save button at all.
 */
export function ViewerToolbar(props: ViewerToolbarProps) {
  const { t } = useI18n();
  const { page, pageCount, enabled } = props;
  const [target, setTarget] = useState('');
  const go = (event: FormEvent): void => {
    event.preventDefault();
    const wanted = Number.parseInt(target, 10);
    if (Number.isInteger(wanted)) props.onPage(wanted);
    setTarget('');
  };
  const count = pageCount ?? 0;
  return (
    <div className="materials-toolbar">
      <div className="materials-toolbar-group" role="group" aria-label={t('stageViewer.goToLabel')}>
        <button type="button" disabled={!enabled || page <= 1} onClick={() => props.onPage(page - 1)}>
          {t('stageViewer.previous')}
        </button>
        <output className="materials-page" data-testid="materials-page" aria-live="polite">
          {pageCount === null
            ? t('stageViewer.pageWaiting', { page })
            : t('stageViewer.pageOf', { page, count: pageCount })}
        </output>
        <button type="button" disabled={!enabled || page >= count} onClick={() => props.onPage(page + 1)}>
          {t('stageViewer.next')}
        </button>
        <form className="materials-goto" onSubmit={go}>
          <label>
            <span className="visually-hidden">{t('stageViewer.goToLabel')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={count > 0 ? count : undefined}
              value={target}
              disabled={!enabled}
              placeholder={String(page)}
              onChange={(event) => setTarget(event.target.value)}
            />
          </label>
          {/* Not disabled while empty: a button disabled under the focus would drop the focus to the page. */}
          <button type="submit" disabled={!enabled}>
            {t('stageViewer.go')}
          </button>
        </form>
      </div>
      <div className="materials-toolbar-group" role="group" aria-label={t('stageViewer.zoom')}>
        {viewerZooms.map((zoom) => (
          <button
            key={zoom}
            type="button"
            aria-pressed={props.zoom === zoom}
            disabled={!enabled}
            onClick={() => props.onZoom(zoom)}
          >
            {t(zoomKeys[zoom])}
          </button>
        ))}
      </div>
      <div className="materials-toolbar-group">
        <button
          type="button"
          disabled={!enabled || !props.canCite}
          aria-describedby={props.canCite ? undefined : 'materials-cite-hint'}
          onClick={props.onCite}
        >
          {t('stageViewer.cite')}
        </button>
        {!props.secret && (
          <button type="button" disabled={!enabled} onClick={props.onSave}>
            {t('stageViewer.save')}
          </button>
        )}
      </div>
      {!props.canCite && (
        <p id="materials-cite-hint" className="muted materials-hint">
          {t('stageViewer.citeHint')}
        </p>
      )}
    </div>
  );
}
