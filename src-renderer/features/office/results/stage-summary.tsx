import type { StageAggregation } from '../../../../src-shared/office/aggregate-stage';
import type { CycleResults } from '../../../../src-shared/office/cycle-results';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { currentVersion } from '../../../data/office-consensus-repository';
import type { OfficeConsensusRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';

/** The facts of one applicant at one stage: sheets in, who is missing, the stage total under the cycle's combination. */
export function StageSummary({
  aggregation,
  results,
  expertName,
  row,
  recused = [],
}: {
  aggregation: StageAggregation;
  results: CycleResults;
  expertName: (id: string) => string;
  row: OfficeConsensusRow | undefined;
  /** Panel members recused from this applicant: not counted as expected, named apart from the missing. */
  recused?: readonly string[];
}) {
  const { t } = useI18n();
  const stage = results.stages.find((s) => s.stage === aggregation.stage);
  const result = stage?.results.find((r) => r.applicantId === aggregation.applicantId);
  const ranked = stage?.ranking.find((r) => r.applicantId === aggregation.applicantId);
  const panelSize = aggregation.experts.length + aggregation.missingExperts.length;
  return (
    <dl className="facts panel">
      <dt>{t('officeResults.sheets')}</dt>
      <dd>
        {t('officeResults.sheetsOf', { received: aggregation.experts.length, panel: panelSize })}
        {aggregation.missingExperts.length > 0 &&
          ` — ${t('officeResults.missing', { names: aggregation.missingExperts.map(expertName).join('、') })}`}
        {recused.length > 0 && ` — ${t('officeResults.recused', { names: recused.map(expertName).join('、') })}`}
      </dd>
      <dt>{t('officeResults.leader')}</dt>
      <dd>{aggregation.leaderId === '' ? t('officeResults.consensus.noLeader') : expertName(aggregation.leaderId)}</dd>
      <dt>{t('office.field.combination')}</dt>
      <dd>{stage === undefined ? '—' : t(`office.combination.${stage.combination}`)}</dd>
      <dt>{t('officeResults.stageTotal')}</dt>
      <dd>
        {result === undefined || result.hundredths === null
          ? t('officeResults.noTotal', { count: result?.missing.length ?? 0 })
          : formatPoints(result.hundredths)}
        {result !== undefined && result.missing.length > 0 && (
          <span className="muted">
            {' '}
            (
            {[...new Set(result.missing.map((m) => m.reason))]
              .map((r) => t(`officeResults.missingReason.${r}`))
              .join('、')}
            )
          </span>
        )}
      </dd>
      <dt>{t('officeResults.stageRank')}</dt>
      <dd>{ranked === undefined ? '—' : <RankText rank={ranked.rank} tied={ranked.tied} />}</dd>
      <dt>{t('officeResults.flaggedItems')}</dt>
      <dd>
        {aggregation.consensusItems.length === 0
          ? t('officeResults.noneFlagged')
          : t('officeResults.flaggedList', {
              count: aggregation.consensusItems.length,
              items: aggregation.consensusItems.join('、'),
            })}
      </dd>
      <dt>{t('officeResults.consensusStatus')}</dt>
      <dd>
        {row === undefined
          ? t('officeResults.consensusNone')
          : t('officeResults.consensusSigned', { version: currentVersion(row) })}
      </dd>
    </dl>
  );
}

/** A rank with the tie said in words (并列), not only by a repeated number. */
export function RankText({ rank, tied }: { rank: number; tied: boolean }) {
  const { t } = useI18n();
  return <>{tied ? t('officeResults.rankTied', { rank }) : String(rank)}</>;
}
