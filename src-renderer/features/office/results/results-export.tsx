import { useState } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { formatCsv } from '../../../../src-shared/office/csv';
import type { CycleResults } from '../../../../src-shared/office/cycle-results';
import type { Recommendation } from '../../../../src-shared/office/office-schemas';
import { resultsTableRows, type ResultsTableLabels } from '../../../../src-shared/office/results-table';
import { ErrorBanner } from '../../../components/error-banner';
import { bytesFromBase64 } from '../../../components/file-bytes';
import { saveFile } from '../../../components/save-file';
import { useServices } from '../../../components/services';
import { useI18n, type Translate } from '../../../i18n/i18n';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function tableLabels(t: Translate): ResultsTableLabels {
  return {
    rank: t('officeResults.rank'),
    tied: t('officeResults.tied'),
    tieColumn: t('officeResults.export.tieColumn'),
    applicant: t('officeResults.applicant'),
    combined: t('officeResults.ranking.combined'),
    stageTotal: (stage) => t('officeResults.export.stageTotal', { stage: t(`stage.${stage}`) }),
    stageRank: (stage) => t('officeResults.export.stageRank', { stage: t(`stage.${stage}`) }),
    recommendation: t('officeResults.recommendation.choice'),
    qualityAward: t('officeResults.recommendation.award'),
    nomination: t('officeResults.recommendation.nomination'),
    notRanked: t('officeResults.export.notRanked'),
    note: t('officeResults.export.note'),
    missingStages: (stages) =>
      t('officeResults.ranking.missingStages', { stages: stages.map((s) => t(`stage.${s}`)).join('、') }),
  };
}

/** A file name from the cycle's name: characters file systems refuse, and control characters, become "_". */
function baseName(cycleName: string, suffix: string): string {
  const safe = [...cycleName].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return `${safe.trim()}-${suffix}`;
}

/**
 * Exports the cycle's results (the combined ranking with every stage's total and rank, and the signed
 * recommendation) as CSV — UTF-8 with a byte order mark, so Excel on Chinese Windows reads it — or as XLSX, which
 * main writes (office:xlsx-write). Both come from the same rows (resultsTableRows), in the language on screen.
 */
export function ResultsExport({
  results,
  names,
  recommendation,
  cycleName,
}: {
  results: CycleResults;
  names: ReadonlyMap<string, string>;
  recommendation: Recommendation | null;
  cycleName: string;
}) {
  const { t } = useI18n();
  const { client } = useServices();
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const rows = (): string[][] => resultsTableRows(results, names, recommendation, tableLabels(t));
  const suffix = t('officeResults.export.fileSuffix');

  const exportCsv = (): void => {
    setError(undefined);
    saveFile(`${baseName(cycleName, suffix)}.csv`, formatCsv(rows()), 'text/csv;charset=utf-8');
  };
  const exportXlsx = async (): Promise<void> => {
    setError(undefined);
    setBusy(true);
    const written = await client.call('office:xlsx-write', {
      sheetName: t('officeResults.export.sheetName'),
      rows: rows(),
    });
    setBusy(false);
    if (!written.ok) return setError(written.error);
    saveFile(`${baseName(cycleName, suffix)}.xlsx`, bytesFromBase64(written.value.base64), xlsxType);
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('officeResults.export.title')}</h2>
      <p className="muted">{t('officeResults.export.intro')}</p>
      {error !== undefined && <ErrorBanner error={error} />}
      <div className="button-row">
        <button type="button" onClick={exportCsv}>
          {t('officeResults.export.csv')}
        </button>
        <button type="button" onClick={() => void exportXlsx()} disabled={busy} aria-busy={busy}>
          {busy ? t('officeResults.export.busy') : t('officeResults.export.xlsx')}
        </button>
      </div>
    </section>
  );
}
