import { lazy, Suspense, useMemo, useState } from 'react';
import { stageSchema, type Stage } from '../../../../src-shared/assignments/assignment-schema';
import { allItems } from '../../../../src-shared/criteria/load-criteria';
import { stageResult } from '../../../../src-shared/office/stage-results';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { ErrorBanner } from '../../../components/error-banner';
import { routeHash } from '../../../components/route';
import type { OfficeConsensusRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { ConsensusForm } from './consensus-form';
import { ItemFindings } from './item-findings';
import { LoadGate, LoadWarnings } from './load-progress';
import { MatrixTable } from './matrix-table';
import { hasWork, itemFindings } from './sheet-works';
import { StageWorkSection } from './stage-work-section';
import { StageSummary } from './stage-summary';
import { useAssembled, useCycleData, type CycleData } from './use-cycle-results';
import './results.css';

const CompareRadar = lazy(() => import('./results-charts').then((m) => ({ default: m.CompareRadar })));
const NamedBars = lazy(() => import('./results-charts').then((m) => ({ default: m.NamedBars })));

/**
 * One applicant at one stage: the matrix, its charts and the consensus form (issue 4 items 7 and 8), and since issue 5
 * what each expert recorded beyond the scores, also per item under the matrix's rows.
 */
export function ApplicantStagePage({
  cycleId,
  stage,
  applicantId,
}: {
  cycleId: string;
  stage: string;
  applicantId: string;
}) {
  const { t } = useI18n();
  const { state, step, reload } = useCycleData(cycleId);
  const parsed = stageSchema.safeParse(stage);
  return (
    <section className="page results-page">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <a href={routeHash({ page: 'office-cycle', cycleId, tab: 'results' })}>{t('officeResults.title')}</a>
      </nav>
      {!parsed.success ? (
        <p className="empty-state">{t('app.notFound')}</p>
      ) : (
        <LoadGate loaded={state} step={step} reload={reload}>
          {(data) => <StageView data={data} stage={parsed.data} applicantId={applicantId} reload={reload} />}
        </LoadGate>
      )}
    </section>
  );
}

/** The loaded page; exported so it can be rendered with data in tests. */
export function StageView({
  data,
  stage,
  applicantId,
  reload,
}: {
  data: CycleData;
  stage: Stage;
  applicantId: string;
  reload: () => void;
}) {
  const { t, pick } = useI18n();
  const [consensusRows, setConsensusRows] = useState(data.consensusRows);
  const assembled = useAssembled(data, consensusRows);
  const expertName = (id: string): string => data.expertNames.get(id) ?? id;
  const applicantName = data.applicantNames.get(applicantId) ?? applicantId;
  const row = consensusRows.find((r) => r.stage === stage && r.applicantId === applicantId);
  const found = useMemo(() => {
    if (!assembled.ok) return undefined;
    const index = assembled.value.aggregations.findIndex((a) => a.applicantId === applicantId && a.stage === stage);
    const aggregation = assembled.value.aggregations[index];
    const panel = assembled.value.panels[index];
    return aggregation === undefined || panel === undefined ? undefined : { aggregation, panel };
  }, [assembled, applicantId, stage]);
  const radar = useMemo(() => {
    if (found === undefined) return [];
    const agreed =
      row === undefined ? null : stageResult(data.criteria, found.aggregation, 'consensus', row.current.record);
    const names = new Map(data.criteria.categories.map((c) => [c.id, pick(c.name)]));
    return found.aggregation.categories.map((c, i) => {
      const consensus = agreed?.categories[i]?.hundredths ?? null;
      return {
        category: names.get(c.categoryId) ?? c.categoryId,
        mean: c.meanHundredths === null ? null : Math.round((c.meanHundredths / c.maxHundredths) * 100),
        consensus: consensus === null ? null : Math.round((consensus / c.maxHundredths) * 100),
      };
    });
  }, [found, row, data.criteria, pick]);

  const works = useMemo(
    () => data.works.filter((w) => w.applicantId === applicantId && w.stage === stage),
    [data.works, applicantId, stage],
  );
  const itemNames = useMemo(
    () => new Map(allItems(data.criteria).map((item) => [item.id, `${item.id} ${pick(item.name)}`])),
    [data.criteria, pick],
  );
  const itemName = (id: string): string => itemNames.get(id) ?? id;

  const onSaved = (saved: OfficeConsensusRow): void =>
    setConsensusRows((rows) => [...rows.filter((r) => r.id !== saved.id), saved]);

  return (
    <>
      <h1>{t('officeResults.stagePage.title', { applicant: applicantName, stage: t(`stage.${stage}`) })}</h1>
      <LoadWarnings warnings={data.warnings} reload={reload} />
      <button type="button" onClick={reload}>
        {t('officeResults.reload')}
      </button>
      {!assembled.ok ? (
        <ErrorBanner error={assembled.error} />
      ) : found === undefined ? (
        <p className="empty-state">
          {t('officeResults.stagePage.noPanel')}{' '}
          <a href={routeHash({ page: 'office-cycle', cycleId: data.cycle.id, tab: 'panels' })}>
            {t('officePanels.title')}
          </a>
        </p>
      ) : (
        <>
          <StageSummary
            aggregation={found.aggregation}
            results={assembled.value.results}
            expertName={expertName}
            row={row}
            recused={
              assembled.value.recused.find(
                (r) => r.applicantId === found.aggregation.applicantId && r.stage === found.aggregation.stage,
              )?.expertIds ?? []
            }
          />
          {found.aggregation.experts.length === 0 ? (
            <p className="empty-state">{t('officeResults.stagePage.noSheets')}</p>
          ) : (
            <>
              <MatrixTable
                criteria={data.criteria}
                aggregation={found.aggregation}
                expertName={expertName}
                threshold={data.cycle.settings.spreadThreshold}
                itemDetail={
                  hasWork(works)
                    ? (itemId) => <ItemFindings findings={itemFindings(works, itemId)} expertName={expertName} />
                    : undefined
                }
              />
              <section className="panel chart-pair" aria-label={t('officeResults.stagePage.charts')}>
                <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
                  <div>
                    <h2>{t('officeResults.chart.radar')}</h2>
                    <CompareRadar
                      data={radar}
                      label={t('officeResults.chart.radar')}
                      meanName={t('officeResults.chart.mean')}
                      consensusName={t('officeResults.chart.consensus')}
                    />
                  </div>
                  <div>
                    <h2>{t('officeResults.chart.totals')}</h2>
                    <NamedBars
                      label={t('officeResults.chart.totals')}
                      data={found.aggregation.expertTotals.map((total) => ({
                        name: expertName(total.expertId),
                        value: total.hundredths / 100,
                        marked: !total.complete,
                      }))}
                      reference={found.aggregation.totals === null ? undefined : found.aggregation.totals.mean / 100}
                    />
                    <p className="muted">
                      {found.aggregation.totals === null
                        ? t('officeResults.chart.totalsNoMean')
                        : t('officeResults.chart.totalsNote', { mean: formatPoints(found.aggregation.totals.mean) })}
                    </p>
                  </div>
                </Suspense>
              </section>
              <StageWorkSection
                works={works}
                setup={data.cycle.settings.stageSetup}
                expertName={expertName}
                itemName={itemName}
              />
              <ConsensusForm
                cycleId={data.cycle.id}
                criteria={data.criteria}
                aggregation={found.aggregation}
                panel={found.panel}
                row={row}
                expertName={expertName}
                onSaved={onSaved}
              />
            </>
          )}
        </>
      )}
    </>
  );
}
