import type { StageSetup } from '../../../../src-shared/stages/stage-setup';
import type { StageWork } from '../../../../src-shared/stages/stage-work';
import { useI18n } from '../../../i18n/i18n';
import { segmentRuns } from './sheet-works';

/** Seconds as m:ss (a defense runs minutes, not hours). */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** When something happened in a session, as recorded (UTC), to the minute. */
export function atText(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * One expert's defense (issue 5 item 4): each segment's time used against the cycle's plan with any overrun, the
 * questions and answer summaries with the items they bear on, and the rubric points beside each criterion's maximum.
 */
export function DefenseWork({ work, setup }: { work: StageWork; setup: StageSetup }) {
  const { t, pick } = useI18n();
  const defense = work.defense;
  if (defense === null) return null;
  const runs = segmentRuns(work, setup.defenseSegments);
  const scored = new Map(defense.rubric.map((r) => [r.criterionId, r.points]));
  return (
    <section className="work-part">
      <h4>{t('stageOffice.defense.title')}</h4>
      {runs.length > 0 && (
        <table className="applicant-table">
          <caption>{t('stageOffice.defense.segments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stageOffice.defense.segment')}</th>
              <th scope="col">{t('stageOffice.defense.planned')}</th>
              <th scope="col">{t('stageOffice.defense.used')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} className={run.overrunSeconds > 0 ? 'overrun' : undefined}>
                <th scope="row">{run.name === null ? run.id : pick(run.name)}</th>
                <td className="number">{t('stageOffice.defense.minutes', { minutes: run.plannedMinutes })}</td>
                <td className="number">
                  {clockText(run.usedSeconds)}
                  {run.overrunSeconds > 0 && (
                    <strong className="flag">
                      {' '}
                      {t('stageOffice.defense.overrun', { time: clockText(run.overrunSeconds) })}
                    </strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {defense.questions.length > 0 && (
        <>
          <h5>{t('stageOffice.defense.questions')}</h5>
          <ol className="work-log">
            {defense.questions.map((q) => (
              <li key={q.id}>
                <p>
                  <span className="muted">{atText(q.at)}</span> <strong>{t('stageOffice.defense.question')}</strong>
                  {q.question}
                </p>
                {q.answer.trim() !== '' && (
                  <p>
                    <strong>{t('stageOffice.defense.answer')}</strong>
                    {q.answer}
                  </p>
                )}
                {q.itemIds.length > 0 && (
                  <p className="muted">{t('stageOffice.linkedItems', { items: q.itemIds.join('、') })}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {setup.defenseRubric.length > 0 && (
        <table className="applicant-table">
          <caption>{t('stageOffice.defense.rubric')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stageOffice.defense.criterion')}</th>
              <th scope="col">{t('stageOffice.defense.points')}</th>
            </tr>
          </thead>
          <tbody>
            {setup.defenseRubric.map((criterion) => {
              const points = scored.get(criterion.id);
              return (
                <tr key={criterion.id}>
                  <th scope="row">{pick(criterion.name)}</th>
                  <td className="number">
                    {t('stageOffice.defense.pointsOf', { points: points ?? '—', max: criterion.points })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
