import { useState } from 'react';
import { errorText } from '../../../../src-shared/contract/error-messages';
import type { AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { addOfficeApplicants } from '../../../data/office-applicant-repository';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { localIsoDate } from './applicant-draft';
import { readApplicantFile, refusedLineCount, type ImportProblem } from './import-file';

type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly fileName: string }
  | {
      readonly phase: 'done';
      readonly fileName: string;
      readonly imported: number;
      readonly problems: readonly ImportProblem[];
      /** Set when the valid rows could not be saved: then none was. */
      readonly saveError: Pick<AppError, 'code' | 'params'> | undefined;
    }
  | { readonly phase: 'failed'; readonly fileName: string; readonly error: Pick<AppError, 'code' | 'params'> };

/**
 * Imports applicants from one CSV or XLSX file: the valid rows are registered together, every other row is listed
 * with its line, field and reason, and a row whose credit code is already registered is refused (E_APPLICANT_EXISTS).
 */
export function ApplicantImport({
  cycleId,
  registered,
  onImported,
}: {
  cycleId: string;
  registered: readonly OfficeApplicantRow[];
  onImported: () => void;
}) {
  const { t } = useI18n();
  const { client, db, now, newId } = useServices();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const importFile = async (file: File): Promise<void> => {
    setState({ phase: 'busy', fileName: file.name });
    const read = await readApplicantFile(file, client, {
      today: localIsoDate(now()),
      existing: registered.map((row) => row.record),
    });
    if (!read.ok) {
      setState({ phase: 'failed', fileName: file.name, error: read.error });
      return;
    }
    const records = read.value.applicants.map((entry) => entry.applicant);
    const saved = records.length === 0 ? undefined : await addOfficeApplicants(db, cycleId, records, newId, now);
    setState({
      phase: 'done',
      fileName: file.name,
      imported: saved?.ok === true ? records.length : 0,
      problems: read.value.problems,
      saveError: saved?.ok === false ? saved.error : undefined,
    });
    if (saved?.ok === true) onImported();
  };

  return (
    <section className="panel applicant-import" aria-labelledby="applicant-import-title">
      <h2 id="applicant-import-title">{t('officeApplicants.importTitle')}</h2>
      <p className="muted">{t('officeApplicants.importHint')}</p>
      <label className="button import-button">
        {t('officeApplicants.importChoose')}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          disabled={state.phase === 'busy'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file !== undefined) void importFile(file);
          }}
        />
      </label>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && (
          <p>
            {t('officeApplicants.importBusy', { file: state.fileName })} <progress />
          </p>
        )}
        {state.phase === 'done' && (
          <p
            data-testid="import-summary"
            className={state.problems.length === 0 ? 'banner banner-ok' : 'banner banner-warn'}
          >
            {t('officeApplicants.importSummary', {
              file: state.fileName,
              imported: state.imported,
              refused: refusedLineCount(state.problems),
            })}
          </p>
        )}
      </div>
      {state.phase === 'failed' && <ErrorBanner error={state.error} />}
      {state.phase === 'done' && state.saveError !== undefined && <ErrorBanner error={state.saveError} />}
      {state.phase === 'done' && state.problems.length > 0 && <ProblemTable problems={state.problems} />}
    </section>
  );
}

function ProblemTable({ problems }: { problems: readonly ImportProblem[] }) {
  const { t, lang } = useI18n();
  return (
    <table className="applicant-table import-problems">
      <caption>{t('officeApplicants.refusedRows')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officeApplicants.line')}</th>
          <th scope="col">{t('officeApplicants.column')}</th>
          <th scope="col">{t('officeApplicants.fieldName')}</th>
          <th scope="col">{t('officeApplicants.message')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={index}>
            <td>{problem.line}</td>
            <td>{problem.column ?? '—'}</td>
            <td>{(lang === 'en' ? problem.fieldEn : problem.field) ?? '—'}</td>
            <td>
              {errorText(problem.error, lang)} <code className="error-code">{problem.error.code}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
