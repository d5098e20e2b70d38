import { useId, type ReactNode } from 'react';

/** Where an import of several chosen files stands; `summary` is what the finished import reports. */
export type FileImportState<S> =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly done: number; readonly total: number }
  | { readonly phase: 'done'; readonly summary: S };

/**
 * A titled section that imports several files at once: a file button (off while an import runs), the progress in a
 * live region, then one summary line and whatever `details` lists for the finished import. The input is cleared at
 * once, so choosing the same files again imports them again.
 */
export function FileImportPanel<S>({
  className,
  title,
  intro,
  chooseLabel,
  chooseClassName,
  accept,
  state,
  onFiles,
  progressLabel,
  busyText,
  summaryText,
  summaryTestId,
  details,
}: {
  className: string;
  title: string;
  intro?: string;
  chooseLabel: string;
  /** The classes of the label that looks like a button. */
  chooseClassName: string;
  accept: string;
  state: FileImportState<S>;
  onFiles: (files: readonly File[]) => void;
  progressLabel: string;
  busyText: (done: number, total: number) => string;
  summaryText: (summary: S) => string;
  summaryTestId: string;
  details: (summary: S) => ReactNode;
}) {
  const titleId = useId();
  return (
    <section className={className} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {intro !== undefined && <p>{intro}</p>}
      <label className={chooseClassName}>
        {chooseLabel}
        <input
          type="file"
          multiple
          accept={accept}
          className="visually-hidden"
          disabled={state.phase === 'busy'}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && (
          <p>
            <progress max={state.total} value={state.done} aria-label={progressLabel} />{' '}
            {busyText(state.done, state.total)}
          </p>
        )}
        {state.phase === 'done' && <p data-testid={summaryTestId}>{summaryText(state.summary)}</p>}
      </div>
      {state.phase === 'done' && details(state.summary)}
    </section>
  );
}
