import { errorText } from '../../../../src-shared/contract/error-messages';
import { FileImportPanel } from '../../../components/file-import-panel';
import { useI18n } from '../../../i18n/i18n';
import { rejectionError } from './expert-input';
import { useExpertImport } from './use-expert-import';

/** "Import enrollment packages": several files at once, with progress, then who was registered and what was refused. */
export function ExpertImport({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const { state, importFiles } = useExpertImport(onImported);
  return (
    <FileImportPanel
      className="panel expert-import"
      title={t('officeExperts.import')}
      chooseLabel={t('officeExperts.importChoose')}
      chooseClassName="button primary import-button"
      accept=".qapkg"
      state={state}
      onFiles={(files) => void importFiles(files)}
      progressLabel={t('officeExperts.importProgress')}
      busyText={(done, total) => t('officeExperts.importBusy', { done, total })}
      summaryText={(summary) =>
        t('officeExperts.importSummary', {
          files: summary.files,
          imported: summary.imported.length,
          rejected: summary.rejected.length,
        })
      }
      summaryTestId="expert-import-summary"
      details={(summary) => (
        <>
          {summary.imported.length > 0 && (
            <ul aria-label={t('officeExperts.imported')}>
              {summary.imported.map((expert) => (
                <li key={expert.expertId}>
                  {t('officeExperts.importedEntry', { name: expert.profile.name, workUnit: expert.profile.workUnit })}
                </li>
              ))}
            </ul>
          )}
          {summary.rejected.length > 0 && (
            <ul className="expert-rejections" aria-label={t('officeExperts.rejected')}>
              {summary.rejected.map((rejection, index) => {
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
        </>
      )}
    />
  );
}
