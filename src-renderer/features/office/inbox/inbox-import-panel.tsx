import { useId } from 'react';
import { ErrorBanner } from '../../../components/error-banner';
import { useI18n } from '../../../i18n/i18n';
import { countReport, type ImportReport, type PickedFile } from './inbox-import-run';
import { InboxPickers } from './inbox-pickers';
import { AcceptedList, RejectedList, type InboxNames } from './inbox-results';
import type { InboxImportState } from './use-inbox-import';

function Summary({ report, skipped }: { report: ImportReport; skipped: number }) {
  const { t } = useI18n();
  const counts = countReport(report);
  return (
    <>
      <p className="banner banner-ok" data-testid="inbox-summary">
        {t('officeInbox.import.summary', counts)}
      </p>
      {counts.failed > 0 && <p>{t('officeInbox.import.failedCount', { count: counts.failed })}</p>}
      {skipped > 0 && <p>{t('officeInbox.import.skipped', { count: skipped })}</p>}
    </>
  );
}

function Failures({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  return report.failures.map((failure, index) => (
    <div key={index} className="inbox-failure">
      <ErrorBanner error={failure.error} />
      <p>{t('officeInbox.import.batchFailed', { count: failure.names.length })}</p>
      <ul>
        {failure.names.map((name, at) => (
          <li key={at}>{name}</li>
        ))}
      </ul>
    </div>
  ));
}

/** Picking, the progress of the running import, and what the last import did to each file. */
export function InboxImportPanel({
  state,
  onFiles,
  names,
}: {
  state: InboxImportState;
  onFiles: (files: PickedFile[]) => void;
  names: InboxNames;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const progressId = useId();
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('officeInbox.import.title')}</h2>
      <InboxPickers busy={state.phase === 'busy'} onFiles={onFiles} />
      <div role="status" aria-live="polite" className="inbox-status">
        {state.phase === 'busy' && (
          <p>
            <label htmlFor={progressId}>{t('officeInbox.import.progress')}</label>{' '}
            <progress id={progressId} max={Math.max(state.total, 1)} value={state.done} />{' '}
            <span data-testid="inbox-progress">
              {t('officeInbox.import.progressText', { done: state.done, total: state.total })}
            </span>
          </p>
        )}
        {state.phase === 'done' && <Summary report={state.report} skipped={state.skipped} />}
      </div>
      {state.phase === 'done' && (
        <>
          <Failures report={state.report} />
          <AcceptedList items={state.report.accepted} names={names} />
          <RejectedList items={state.report.rejected} />
        </>
      )}
    </section>
  );
}
