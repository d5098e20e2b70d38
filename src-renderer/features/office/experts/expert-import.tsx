import { useId } from 'react';
import { errorText } from '../../../../src-shared/contract/error-messages';
import { useI18n } from '../../../i18n/i18n';
import { rejectionError } from './expert-input';
import { useExpertImport } from './use-expert-import';

/** "Import enrollment packages": several files at once, with progress, then who was registered and what was refused. */
export function ExpertImport({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const { state, importFiles } = useExpertImport(onImported);
  return (
    <section className="panel expert-import" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('officeExperts.import')}</h2>
      <label className="button primary import-button">
        {t('officeExperts.importChoose')}
        <input
          type="file"
          multiple
          accept=".qapkg"
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
            <progress max={state.total} value={state.done} aria-label={t('officeExperts.importProgress')} />{' '}
            {t('officeExperts.importBusy', { done: state.done, total: state.total })}
          </p>
        )}
        {state.phase === 'done' && (
          <p data-testid="expert-import-summary">
            {t('officeExperts.importSummary', {
              files: state.summary.files,
              imported: state.summary.imported.length,
              rejected: state.summary.rejected.length,
            })}
          </p>
        )}
      </div>
      {state.phase === 'done' && state.summary.imported.length > 0 && (
        <ul aria-label={t('officeExperts.imported')}>
          {state.summary.imported.map((expert) => (
            <li key={expert.expertId}>
              {t('officeExperts.importedEntry', { name: expert.profile.name, workUnit: expert.profile.workUnit })}
            </li>
          ))}
        </ul>
      )}
      {state.phase === 'done' && state.summary.rejected.length > 0 && (
        <ul className="expert-rejections" aria-label={t('officeExperts.rejected')}>
          {state.summary.rejected.map((rejection, index) => {
            const error = rejectionError(rejection);
            return (
              <li key={`${rejection.name}-${index}`}>
                <strong>{rejection.name}</strong>
                {t('officeExperts.separator')}
                {errorText(error, lang)} <code className="error-code">{error.code}</code>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
