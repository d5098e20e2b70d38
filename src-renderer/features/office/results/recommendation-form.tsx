import { useState, type FormEvent } from 'react';
import type { Recommendation } from '../../../../src-shared/office/office-schemas';
import type { Ranked } from '../../../../src-shared/office/ranking';
import { validateRecommendation, type AwardLimits } from '../../../../src-shared/office/recommendation';
import { recommendationToSign } from '../../../../src-shared/office/signed-records';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { saveOfficeDecision } from '../../../data/office-consensus-repository';
import type { OfficeDecisionRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { SignatureLine } from './consensus-history';
import { SavedVersion, SignVersionControls, useSignedVersion } from './signed-version';
import { RankText } from './stage-summary';

type Choice = 'none' | 'award' | 'nomination';

function initialChoices(row: OfficeDecisionRow | undefined): Record<string, Choice> {
  const choices: Record<string, Choice> = {};
  for (const id of row?.current.recommendation.nomination ?? []) choices[id] = 'nomination';
  for (const id of row?.current.recommendation.qualityAward ?? []) choices[id] = 'award';
  return choices;
}

/**
 * The proposed recommendation list (Art. 11 (7)): each ranked applicant is put forward for the Quality Award, the
 * Nomination Award or neither; the lists keep the ranking's order. The cycle's limits (Art. 3: at most 5 and 10;
 * fewer or none allowed) and duplicates are checked by validateRecommendation, live and again before signing. The
 * office key signs each version; every earlier one stays in the history, and a new one needs a reason.
 */
export function RecommendationForm({
  cycleId,
  ranking,
  limits,
  row,
  applicantName,
  onSaved,
}: {
  cycleId: string;
  ranking: readonly Ranked[];
  limits: AwardLimits;
  row: OfficeDecisionRow | undefined;
  applicantName: (id: string) => string;
  onSaved: (row: OfficeDecisionRow) => void;
}) {
  const { t } = useI18n();
  const { db, now } = useServices();
  const [choices, setChoices] = useState<Record<string, Choice>>(() => initialChoices(row));
  const signing = useSignedVersion(row, onSaved);
  const { reason, error, setError, version } = signing;
  const ranked = new Set(ranking.map((r) => r.applicantId));
  // An applicant proposed earlier but not ranked now (results changed) stays visible, so it is not dropped unseen.
  const earlier = Object.keys(initialChoices(row)).filter((id) => !ranked.has(id));
  const order = [...ranking.map((r) => r.applicantId), ...earlier];
  const proposal: Recommendation = {
    qualityAward: order.filter((id) => choices[id] === 'award'),
    nomination: order.filter((id) => choices[id] === 'nomination'),
  };
  const check = validateRecommendation(proposal, limits);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!check.ok) return setError(check.error);
    await signing.sign(
      { recordType: 'recommendation', record: recommendationToSign(cycleId, version, reason, check.value) },
      (signature) => saveOfficeDecision(db, { cycleId, version, value: check.value, signature, reason }, now),
    );
  };

  if (order.length === 0) {
    return (
      <section className="panel" aria-labelledby="recommendation-title">
        <h2 id="recommendation-title">{t('officeResults.recommendation.title')}</h2>
        <p className="empty-state">{t('officeResults.recommendation.empty')}</p>
      </section>
    );
  }
  const rankOf = new Map(ranking.map((r) => [r.applicantId, r]));
  return (
    <section className="panel" aria-labelledby="recommendation-title">
      <h2 id="recommendation-title">{t('officeResults.recommendation.title')}</h2>
      <p className="muted">{t('officeResults.recommendation.intro')}</p>
      <p role="status">
        {t('officeResults.recommendation.counts', {
          award: proposal.qualityAward.length,
          awardLimit: limits.awardLimit,
          nomination: proposal.nomination.length,
          nominationLimit: limits.nominationLimit,
        })}
      </p>
      {!check.ok && <ErrorBanner error={check.error} />}
      {error !== undefined && check.ok && <ErrorBanner error={error} />}
      <SavedVersion
        saved={signing.saved}
        text={(saved) => t('officeResults.recommendation.saved', { version: saved })}
      />
      <form onSubmit={(e) => void submit(e)} aria-label={t('officeResults.recommendation.title')}>
        <table className="applicant-table">
          <thead>
            <tr>
              <th scope="col">{t('officeResults.rank')}</th>
              <th scope="col">{t('officeResults.applicant')}</th>
              <th scope="col">{t('officeResults.ranking.combined')}</th>
              <th scope="col">{t('officeResults.recommendation.choice')}</th>
            </tr>
          </thead>
          <tbody>
            {order.map((id) => {
              const r = rankOf.get(id);
              return (
                <tr key={id}>
                  <td>{r === undefined ? '—' : <RankText rank={r.rank} tied={r.tied} />}</td>
                  <th scope="row">
                    {applicantName(id)}
                    {r === undefined && <span className="muted"> {t('officeResults.recommendation.notRanked')}</span>}
                  </th>
                  <td className="number">{r === undefined ? '—' : formatPoints(r.hundredths)}</td>
                  <td>
                    <select
                      aria-label={t('officeResults.recommendation.choiceFor', { applicant: applicantName(id) })}
                      value={choices[id] ?? 'none'}
                      onChange={(e) => {
                        setChoices((c) => ({ ...c, [id]: e.target.value as Choice }));
                        signing.setSaved(undefined);
                      }}
                    >
                      <option value="none">{t('officeResults.recommendation.none')}</option>
                      <option value="award">{t('officeResults.recommendation.award')}</option>
                      <option value="nomination">{t('officeResults.recommendation.nomination')}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <SignVersionControls
          signing={signing}
          reasonLabel={t('officeResults.recommendation.versionReason', { version })}
          signLabel={t('officeResults.recommendation.sign', { version })}
          disabled={!check.ok}
        />
      </form>
      {row !== undefined && <DecisionHistory row={row} applicantName={applicantName} />}
    </section>
  );
}

function DecisionHistory({ row, applicantName }: { row: OfficeDecisionRow; applicantName: (id: string) => string }) {
  const { t } = useI18n();
  const versions = [...row.history, row.current];
  const names = (ids: readonly string[]): string => (ids.length === 0 ? '—' : ids.map(applicantName).join('、'));
  return (
    <section aria-labelledby="recommendation-history">
      <h3 id="recommendation-history">{t('officeResults.history')}</h3>
      <ol reversed className="history-list">
        {versions
          .map((entry, index) => ({ entry, index }))
          .reverse()
          .map(({ entry, index }) => (
            <li key={index}>
              <strong>{t('officeResults.version', { version: index + 1 })}</strong>{' '}
              <SignatureLine signature={entry.signature} />
              <p>
                {t('officeResults.recommendation.lists', {
                  award: names(entry.recommendation.qualityAward),
                  nomination: names(entry.recommendation.nomination),
                })}
              </p>
              {entry.reason !== '' && <p>{t('officeResults.versionReasonShown', { reason: entry.reason })}</p>}
            </li>
          ))}
      </ol>
    </section>
  );
}
