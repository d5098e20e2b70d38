import { useId } from 'react';
import { errorText } from '../../../src-shared/contract/error-messages';
import { useI18n } from '../../i18n/i18n';
import { useReceiptImport } from './use-receipt-import';

/** "Import receipts": the office's receipts files (or single receipts) mark the packages they answer confirmed. */
export function ReceiptImport({ onApplied }: { onApplied: () => void }) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const { state, importFiles } = useReceiptImport(onApplied);
  return (
    <section className="receipt-import" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('receipts.title')}</h2>
      <p>{t('receipts.intro')}</p>
      <label className="button import-button">
        {t('receipts.choose')}
        <input
          type="file"
          multiple
          accept=".qarcpt,.qapkg"
          className="visually-hidden"
          disabled={state.phase === 'busy'}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = '';
            if (files.length > 0) void importFiles(files);
          }}
        />
      </label>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && (
          <p>
            <progress max={state.total} value={state.done} aria-label={t('receipts.progress')} />{' '}
            {t('receipts.busy', { done: state.done, total: state.total })}
          </p>
        )}
        {state.phase === 'done' && (
          <p data-testid="receipt-summary">
            {t('receipts.summary', {
              files: state.summary.files,
              confirmed: state.summary.confirmed,
              already: state.summary.alreadyConfirmed,
              problems: state.summary.problems.length,
            })}
          </p>
        )}
      </div>
      {state.phase === 'done' && state.summary.problems.length > 0 && (
        <ul className="receipt-problems" aria-label={t('receipts.problems')}>
          {state.summary.problems.map((item, index) => (
            <li key={index}>
              <strong>{item.file}</strong>: {errorText(item.error, lang)}{' '}
              <code className="error-code">{item.error.code}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
