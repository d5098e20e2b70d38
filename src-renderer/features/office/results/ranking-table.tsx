import type { CycleResults } from '../../../../src-shared/office/cycle-results';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { useI18n } from '../../../i18n/i18n';
import { LazyNamedBars } from './lazy-named-bars';
import { RankText } from './stage-summary';

/**
 * The cycle's ranking: stage totals combined by the cycle's weights (combineStages), ties said as 并列 — the office
 * decides their order — and the applicants left out because a weighted stage has no total for them.
 */
export function RankingTable({
  results,
  applicantName,
}: {
  results: CycleResults;
  applicantName: (id: string) => string;
}) {
  const { t } = useI18n();
  const { entries, ranking, unranked } = results.combined;
  const byApplicant = new Map(entries.map((e) => [e.applicantId, e]));
  const weighted = entries[0]?.byStage ?? [];
  return (
    <section className="panel" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t('officeResults.ranking.title')}</h2>
      {weighted.length > 0 && (
        <p className="muted">
          {t('officeResults.ranking.weights', {
            weights: weighted.map((s) => `${t(`stage.${s.stage}`)} ${s.weight}`).join('、'),
          })}
        </p>
      )}
      {ranking.length === 0 ? (
        <p className="empty-state">{t('officeResults.ranking.empty')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="applicant-table">
              <caption className="visually-hidden">{t('officeResults.ranking.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officeResults.rank')}</th>
                  <th scope="col">{t('officeResults.applicant')}</th>
                  <th scope="col">{t('officeResults.ranking.combined')}</th>
                  {weighted.map((s) => (
                    <th scope="col" key={s.stage}>
                      {t(`stage.${s.stage}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ranking.map((r) => (
                  <tr key={r.applicantId} className={r.tied ? 'tied' : undefined}>
                    <td>
                      <RankText rank={r.rank} tied={r.tied} />
                    </td>
                    <th scope="row">{applicantName(r.applicantId)}</th>
                    <td className="number">{formatPoints(r.hundredths)}</td>
                    {(byApplicant.get(r.applicantId)?.byStage ?? []).map((s) => (
                      <td className="number" key={s.stage}>
                        {formatPoints(s.hundredths)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LazyNamedBars
            label={t('officeResults.ranking.chart')}
            data={ranking.map((r) => ({
              name: applicantName(r.applicantId),
              value: r.hundredths / 100,
              marked: r.tied,
            }))}
            domain={[0, 'auto']}
          />
          {ranking.some((r) => r.tied) && <p className="muted">{t('officeResults.ranking.tieNote')}</p>}
        </>
      )}
      {unranked.length > 0 && (
        <>
          <h3>{t('officeResults.ranking.unranked')}</h3>
          <ul>
            {unranked.map((u) => (
              <li key={u.applicantId}>
                {t('officeResults.ranking.unrankedEntry', {
                  applicant: applicantName(u.applicantId),
                  stages: u.missingStages.map((s) => t(`stage.${s}`)).join('、'),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
