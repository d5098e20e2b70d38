import { useMemo, useState } from 'react';
import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import type { AdvanceRule } from '../../../../src-shared/office/office-schemas';
import { ErrorBanner } from '../../../components/error-banner';
import { routeHash } from '../../../components/route';
import type { OfficeDecisionRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { AdvanceControl } from './advance-control';
import { LoadGate, LoadWarnings } from './load-progress';
import { RankingTable } from './ranking-table';
import { RecommendationForm } from './recommendation-form';
import { ResultIssues } from './result-issues';
import { ResultsExport } from './results-export';
import { SeverityTable } from './severity-table';
import { StageTable } from './stage-table';
import { useAssembled, useCycleData, type CycleData } from './use-cycle-results';
import './results.css';

/** A cycle's aggregation, expert severity, ranking, advance lists, recommendation and export (issue 4 items 7–9). */
export function ResultsPage({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const { state, step, reload } = useCycleData(cycleId);
  return (
    <section className="page results-page">
      <h1>{t('officeResults.title')}</h1>
      <LoadGate loaded={state} step={step} reload={reload}>
        {(data) => <ResultsView data={data} reload={reload} />}
      </LoadGate>
    </section>
  );
}

/** The loaded page; exported so it can be rendered with data in tests. */
export function ResultsView({ data, reload }: { data: CycleData; reload: () => void }) {
  const { t, lang } = useI18n();
  const [advance, setAdvance] = useState<Partial<Record<Stage, AdvanceRule>>>({});
  const [decision, setDecision] = useState<OfficeDecisionRow | undefined>(data.decision);
  const assembled = useAssembled(data, data.consensusRows, advance);
  const settings = data.cycle.settings;
  const applicantName = (id: string): string => data.applicantNames.get(id) ?? id;
  const expertName = (id: string): string => data.expertNames.get(id) ?? id;
  const consensus = useMemo(
    () => new Map(data.consensusRows.map((row) => [`${row.stage}|${row.applicantId}`, row])),
    [data.consensusRows],
  );
  const cycleName = lang === 'en' && settings.name.en !== '' ? settings.name.en : settings.name['zh-CN'];
  return (
    <>
      <p className="muted">
        {cycleName} · {t('officeResults.threshold', { threshold: settings.spreadThreshold })}
      </p>
      <LoadWarnings warnings={data.warnings} reload={reload} />
      <p>
        {t('officeResults.sheetCount', { count: data.inbox.sheets.length })}{' '}
        <button type="button" onClick={reload}>
          {t('officeResults.reload')}
        </button>
      </p>
      {!assembled.ok ? (
        <ErrorBanner error={assembled.error} />
      ) : assembled.value.aggregations.length === 0 ? (
        <p className="empty-state">
          {t('officeResults.noPanels')}{' '}
          <a href={routeHash({ page: 'office-cycle', cycleId: data.cycle.id, tab: 'panels' })}>
            {t('officePanels.title')}
          </a>
        </p>
      ) : (
        <>
          <ResultIssues
            skipped={data.inbox.skipped}
            orphans={assembled.value.orphans}
            panelIssues={assembled.value.panelIssues}
            applicantName={applicantName}
            expertName={expertName}
          />
          {data.inbox.sheets.length === 0 && <p className="empty-state">{t('officeResults.noSheets')}</p>}
          {assembled.value.results.stages.map((ranking, index) => {
            const next = settings.stages[index + 1];
            const aggregations = assembled.value.aggregations.filter((a) => a.stage === ranking.stage);
            return (
              <div key={ranking.stage}>
                <StageTable
                  cycleId={data.cycle.id}
                  ranking={ranking}
                  aggregations={aggregations}
                  consensus={consensus}
                  applicantName={applicantName}
                />
                {next !== undefined && ranking.ranking.length > 0 && (
                  <AdvanceControl
                    ranking={ranking}
                    next={next}
                    rule={advance[ranking.stage]}
                    onChange={(rule) =>
                      setAdvance((current) => {
                        const rules = { ...current };
                        delete rules[ranking.stage];
                        return rule === undefined ? rules : { ...rules, [ranking.stage]: rule };
                      })
                    }
                    applicantName={applicantName}
                    scoredNext={
                      new Set(assembled.value.aggregations.filter((a) => a.stage === next).map((a) => a.applicantId))
                    }
                  />
                )}
              </div>
            );
          })}
          <RankingTable results={assembled.value.results} applicantName={applicantName} />
          <SeverityTable
            all={assembled.value.severity}
            aggregations={assembled.value.aggregations}
            stages={settings.stages}
            expertName={expertName}
          />
          <RecommendationForm
            cycleId={data.cycle.id}
            ranking={assembled.value.results.combined.ranking}
            limits={settings}
            row={decision}
            applicantName={applicantName}
            onSaved={setDecision}
          />
          <ResultsExport
            results={assembled.value.results}
            names={data.applicantNames}
            recommendation={decision?.current.recommendation ?? null}
            cycleName={cycleName}
          />
        </>
      )}
    </>
  );
}
