import { useState } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { bytesFromBase64 } from '../../../components/file-bytes';
import { saveFile } from '../../../components/save-file';
import { useServices } from '../../../components/services';
import { useI18n } from '../../../i18n/i18n';
import type { ExpertProgress } from './inbox-view';

type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly expertId: string }
  | { readonly phase: 'saved'; readonly name: string; readonly file: string; readonly count: number }
  | { readonly phase: 'none'; readonly name: string }
  | { readonly phase: 'failed'; readonly error: Pick<AppError, 'code' | 'params'> };

/** Main signs every receipt of the expert in the cycle into one .qarcpt; the browser saves it as a download. */
function useReceiptsExport(cycleId: string) {
  const { client } = useServices();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const exportFor = async (row: ExpertProgress): Promise<void> => {
    setState({ phase: 'busy', expertId: row.expertId });
    const answer = await client.call('office:receipts-export', { cycleId, expertId: row.expertId });
    if (!answer.ok) return setState({ phase: 'failed', error: answer.error });
    // A receipts file holds at least one receipt: with none, main answers an empty file and nothing is saved.
    if (answer.value.count === 0) return setState({ phase: 'none', name: row.name });
    saveFile(answer.value.fileName, bytesFromBase64(answer.value.base64), 'application/octet-stream');
    setState({ phase: 'saved', name: row.name, file: answer.value.fileName, count: answer.value.count });
  };
  return { state, exportFor };
}

/** Per expert: sheets in / expected, declarations, pledges and the receipts export. Also the chart's text form. */
export function InboxExperts({
  cycleId,
  rows,
  tableId,
}: {
  cycleId: string;
  rows: readonly ExpertProgress[];
  tableId: string;
}) {
  const { t } = useI18n();
  const { state, exportFor } = useReceiptsExport(cycleId);
  return (
    <>
      <div role="status" aria-live="polite">
        {state.phase === 'saved' && (
          <p className="banner banner-ok" data-testid="receipts-exported">
            {t('officeInbox.receipts.exported', { name: state.name, file: state.file, count: state.count })}
          </p>
        )}
        {state.phase === 'none' && <p>{t('officeInbox.receipts.none', { name: state.name })}</p>}
      </div>
      {state.phase === 'failed' && <ErrorBanner error={state.error} />}
      <table className="applicant-table inbox-table" id={tableId} data-testid="inbox-experts">
        <caption>{t('officeInbox.experts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeInbox.col.expert')}</th>
            <th scope="col">{t('officeInbox.col.sheets')}</th>
            <th scope="col">{t('officeInbox.col.declarations')}</th>
            <th scope="col">{t('officeInbox.col.pledges')}</th>
            <th scope="col">{t('officeInbox.col.receipts')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.expertId}>
              <th scope="row">{row.name}</th>
              <td>{t('officeInbox.sheetsOf', { in: row.sheetsIn, expected: row.sheetsExpected })}</td>
              <td>{row.declarations}</td>
              <td>{row.pledges}</td>
              <td>
                <button
                  type="button"
                  aria-label={t('officeInbox.receipts.exportFor', { name: row.name })}
                  disabled={row.packages === 0 || state.phase === 'busy'}
                  aria-busy={state.phase === 'busy' && state.expertId === row.expertId}
                  onClick={() => void exportFor(row)}
                >
                  {t('officeInbox.receipts.export')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
