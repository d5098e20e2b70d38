import type { StageAggregation } from '../../../../src-shared/office/aggregate-stage';
import type { StageRanking } from '../../../../src-shared/office/cycle-results';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { routeHash } from '../../../components/route';
import { currentVersion } from '../../../data/office-consensus-repository';
import type { OfficeConsensusRow } from '../../../data/office-rows';
import { LazyNamedBars } from './lazy-named-bars';
import { useI18n } from '../../../i18n/i18n';
import { RankText } from './stage-summary';

/**
 * One stage of the cycle: every applicant with a panel there, in the stage's ranking order (those without a total
 * after), with the sheets received, the total under the stage's combination, the items flagged for consensus and
 * the consensus status; each applicant links to its matrix and consensus page.
 */
export function StageTable({
  cycleId,
  ranking,
  aggregations,
  consensus,
  applicantName,
}: {
  cycleId: string;
  ranking: StageRanking;
  aggregations: readonly StageAggregation[];
  consensus: ReadonlyMap<string, OfficeConsensusRow>;
  applicantName: (id: string) => string;
}) {
  const { t } = useI18n();
  const byApplicant = new Map(aggregations.map((a) => [a.applicantId, a]));
  const totals = new Map(ranking.results.map((r) => [r.applicantId, r]));
  const ranks = new Map(ranking.ranking.map((r) => [r.applicantId, r]));
  const order = [...ranking.ranking.map((r) => r.applicantId), ...ranking.unranked];
  const stageName = t(`stage.${ranking.stage}`);
  const titleId = `stage-${ranking.stage}`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{stageName}</h2>
      <p className="muted">
        {t('officeResults.stageCombination', { combination: t(`office.combination.${ranking.combination}`) })}
      </p>
      {order.length === 0 ? (
        <p className="empty-state">{t('officeResults.stageEmpty')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="applicant-table">
              <caption className="visually-hidden">{t('officeResults.stageCaption', { stage: stageName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('officeResults.rank')}</th>
                  <th scope="col">{t('officeResults.applicant')}</th>
                  <th scope="col">{t('officeResults.sheets')}</th>
                  <th scope="col">{t('officeResults.stageTotal')}</th>
                  <th scope="col">{t('officeResults.flaggedItems')}</th>
                  <th scope="col">{t('officeResults.consensusStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {order.map((applicantId) => {
                  const aggregation = byApplicant.get(applicantId);
                  const result = totals.get(applicantId);
                  const ranked = ranks.get(applicantId);
                  const row = consensus.get(`${ranking.stage}|${applicantId}`);
                  const received = aggregation?.experts.length ?? 0;
                  const panel = received + (aggregation?.missingExperts.length ?? 0);
                  return (
                    <tr key={applicantId}>
                      <td>{ranked === undefined ? '—' : <RankText rank={ranked.rank} tied={ranked.tied} />}</td>
                      <th scope="row">
                        <a href={routeHash({ page: 'office-applicant', cycleId, stage: ranking.stage, applicantId })}>
                          {applicantName(applicantId)}
                        </a>
                      </th>
                      <td className="number">{t('officeResults.sheetsOf', { received, panel })}</td>
                      <td className="number">
                        {result === undefined || result.hundredths === null
                          ? t('officeResults.noTotal', { count: result?.missing.length ?? 0 })
                          : formatPoints(result.hundredths)}
                      </td>
                      <td>
                        {aggregation === undefined || aggregation.consensusItems.length === 0
                          ? t('officeResults.noneFlagged')
                          : t('officeResults.flaggedList', {
                              count: aggregation.consensusItems.length,
                              items: aggregation.consensusItems.join('、'),
                            })}
                      </td>
                      <td>
                        {row === undefined
                          ? t('officeResults.consensusNone')
                          : t('officeResults.consensusSigned', { version: currentVersion(row) })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {ranking.ranking.length > 0 && (
            <LazyNamedBars
              label={t('officeResults.chart.stageTotals', { stage: stageName })}
              data={ranking.ranking.map((r) => ({
                name: applicantName(r.applicantId),
                value: r.hundredths / 100,
                marked: r.tied,
              }))}
              domain={[0, 'auto']}
            />
          )}
        </>
      )}
    </section>
  );
}
