import { errorText } from '../../../src-shared/contract/error-messages';
import { FileImportPanel } from '../../components/file-import-panel';
import { useI18n } from '../../i18n/i18n';
import { useReceiptImport } from './use-receipt-import';

/** "Import receipts": the office's receipts files (or single receipts) mark the packages they answer confirmed. */
export function ReceiptImport({ onApplied }: { onApplied: () => void }) {
  const { t, lang } = useI18n();
  const { state, importFiles } = useReceiptImport(onApplied);
  return (
    <FileImportPanel
      className="receipt-import"
      title={t('receipts.title')}
      intro={t('receipts.intro')}
      chooseLabel={t('receipts.choose')}
      chooseClassName="button import-button"
      accept=".qarcpt,.qapkg"
      state={state}
      onFiles={(files) => void importFiles(files)}
      progressLabel={t('receipts.progress')}
      busyText={(done, total) => t('receipts.busy', { done, total })}
      summaryText={(summary) =>
        t('receipts.summary', {
          files: summary.files,
          confirmed: summary.confirmed,
          already: summary.alreadyConfirmed,
          problems: summary.problems.length,
        })
      }
      summaryTestId="receipt-summary"
      details={(summary) =>
        summary.problems.length > 0 && (
          <ul className="receipt-problems" aria-label={t('receipts.problems')}>
            {summary.problems.map((item, index) => (
              <li key={index}>
                <strong>{item.file}</strong>: {errorText(item.error, lang)}{' '}
                <code className="error-code">{item.error.code}</code>
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
