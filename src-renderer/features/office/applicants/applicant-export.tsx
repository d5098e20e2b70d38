import { useState } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { exportApplicantsCsv } from '../../../../src-shared/office/applicant-csv';
import { applicantsToTable } from '../../../../src-shared/office/applicant-rows';
import { ErrorBanner } from '../../../components/error-banner';
import { bytesFromBase64 } from '../../../components/file-bytes';
import { saveFile } from '../../../components/save-file';
import { useServices } from '../../../components/services';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { localIsoDate } from './applicant-draft';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The register as a file: CSV (UTF-8 with a byte order mark, so Excel shows the Chinese) from the shared format,
 * XLSX written by main from the same rows, and an empty CSV with only the header as the template to fill in.
 */
export function ApplicantExport({ rows }: { rows: readonly OfficeApplicantRow[] }) {
  const { t } = useI18n();
  const { client, now } = useServices();
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const base = `${t('officeApplicants.fileBase')}-${localIsoDate(now())}`;
  const records = rows.map((row) => row.record);

  const exportXlsx = async (): Promise<void> => {
    setBusy(true);
    const written = await client.call('office:xlsx-write', {
      sheetName: t('officeApplicants.sheetName'),
      rows: applicantsToTable(records),
    });
    setBusy(false);
    if (!written.ok) {
      setError(written.error);
      return;
    }
    setError(undefined);
    saveFile(`${base}.xlsx`, bytesFromBase64(written.value.base64), XLSX_TYPE);
  };

  return (
    <div className="applicant-export" role="group" aria-label={t('officeApplicants.exportGroup')}>
      <button
        type="button"
        disabled={records.length === 0}
        onClick={() => saveFile(`${base}.csv`, exportApplicantsCsv(records), 'text/csv;charset=utf-8')}
      >
        {t('officeApplicants.exportCsv')}
      </button>
      <button type="button" disabled={records.length === 0 || busy} onClick={() => void exportXlsx()}>
        {t('officeApplicants.exportXlsx')}
      </button>
      <button
        type="button"
        onClick={() =>
          saveFile(`${t('officeApplicants.templateBase')}.csv`, exportApplicantsCsv([]), 'text/csv;charset=utf-8')
        }
      >
        {t('officeApplicants.template')}
      </button>
      {busy && (
        <span role="status">
          {t('officeApplicants.exporting')} <progress />
        </span>
      )}
      {error !== undefined && <ErrorBanner error={error} />}
    </div>
  );
}
