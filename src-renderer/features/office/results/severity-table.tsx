import { useMemo, useState } from 'react';
import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import type { StageAggregation } from '../../../../src-shared/office/aggregate-stage';
import { expertSeverity, type SeverityReport } from '../../../../src-shared/office/expert-severity';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { useI18n } from '../../../i18n/i18n';
import { LazyNamedBars } from './lazy-named-bars';

/** A signed number of hundredths as points with its sign: +5.2, −3, 0. */
function signedPoints(hundredths: number): string {
  return hundredths > 0 ? `+${formatPoints(hundredths)}` : hundredths < 0 ? `−${formatPoints(-hundredths)}` : '0';
}

/**
 * How strict or lenient each expert scores (expertSeverity): the mean signed deviation of their total from the rest
 * of each panel, the modified z-score and the outlier flag, over all stages or one. It ranks experts and changes no
 * score; an outlier is a question for the office, not a verdict.
 */
export function SeverityTable({
  all,
  aggregations,
  stages,
  expertName,
}: {
  all: SeverityReport;
  aggregations: readonly StageAggregation[];
  stages: readonly Stage[];
  expertName: (id: string) => string;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Stage | 'all'>('all');
  const report = useMemo(
    () => (filter === 'all' ? all : expertSeverity(aggregations.filter((a) => a.stage === filter))),
    [filter, all, aggregations],
  );
  return (
    <section className="panel" aria-labelledby="severity-title">
      <h2 id="severity-title">{t('officeResults.severity.title')}</h2>
      <p className="muted">
        {t('officeResults.severity.intro', {
          threshold: report.rule.threshold,
          minExperts: report.rule.minExperts,
          floor: formatPoints(report.rule.madFloorHundredths),
        })}
      </p>
      <label>
        {t('officeResults.severity.stage')}
        <select value={filter} onChange={(e) => setFilter(e.target.value as Stage | 'all')}>
          <option value="all">{t('officeResults.severity.allStages')}</option>
          {stages.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {report.experts.length === 0 ? (
        <p className="empty-state">{t('officeResults.severity.empty')}</p>
      ) : (
        <>
          {report.median === null && (
            <p className="muted">{t('officeResults.severity.tooFew', { count: report.rule.minExperts })}</p>
          )}
          <div className="table-scroll">
            <table className="applicant-table">
              <caption className="visually-hidden">{t('officeResults.severity.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officeResults.severity.expert')}</th>
                  <th scope="col">{t('officeResults.severity.panels')}</th>
                  <th scope="col">{t('officeResults.severity.deviation')}</th>
                  <th scope="col">{t('officeResults.severity.z')}</th>
                  <th scope="col">{t('officeResults.severity.outlier')}</th>
                </tr>
              </thead>
              <tbody>
                {report.experts.map((e) => (
                  <tr key={e.expertId} className={e.outlier ? 'needs-consensus' : undefined}>
                    <th scope="row">{expertName(e.expertId)}</th>
                    <td className="number">{e.panels}</td>
                    <td className="number">{signedPoints(e.severityHundredths)}</td>
                    <td className="number">{e.z === null ? '—' : e.z.toFixed(2)}</td>
                    <td>
                      {e.outlier ? (
                        <strong className="flag">
                          {e.severityHundredths < 0
                            ? t('officeResults.severity.strict')
                            : t('officeResults.severity.lenient')}
                        </strong>
                      ) : (
                        t('officeResults.severity.within')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LazyNamedBars
            label={t('officeResults.severity.chart')}
            data={report.experts.map((e) => ({
              name: expertName(e.expertId),
              value: e.severityHundredths / 100,
              marked: e.outlier,
            }))}
            reference={0}
          />
        </>
      )}
    </section>
  );
}
