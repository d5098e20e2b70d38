import type { RubricCriterion } from '../../../src-shared/stages/stage-setup';
import type { RubricScore } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { LazyRubricBars } from './lazy-session-charts';
import { rubricSum, setRubricPoints } from './session-records';

/**
 * The cycle's defense rubric, scored beside (never inside) the 1000-point sheet: points per criterion from 0 to its
 * maximum, their sum out of the rubric's total, and a bar per criterion.
 */
export function RubricPanel({
  rubric,
  scores,
  onChange,
  onBlur,
}: {
  rubric: readonly RubricCriterion[];
  scores: readonly RubricScore[];
  /** Keystrokes: written after a short pause, and at once on blur. */
  onChange: (next: RubricScore[]) => void;
  onBlur: () => void;
}) {
  const { t, pick } = useI18n();
  const given = new Map(scores.map((score) => [score.criterionId, score.points]));
  const sum = rubricSum(scores, rubric);
  return (
    <div className="rubric-panel">
      <table className="applicant-table">
        <caption className="visually-hidden">{t('stageSessions.rubric.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stageSessions.rubric.criterion')}</th>
            <th scope="col">{t('stageSessions.rubric.points')}</th>
            <th scope="col">{t('stageSessions.rubric.max')}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.map((criterion) => {
            const name = pick(criterion.name);
            const points = given.get(criterion.id);
            const over = points !== undefined && points > criterion.points;
            const errorId = `rubric-over-${criterion.id}`;
            return (
              <tr key={criterion.id}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={criterion.points}
                    step={0.5}
                    inputMode="decimal"
                    aria-label={t('stageSessions.rubric.pointsOf', { name, max: criterion.points })}
                    aria-invalid={over}
                    aria-describedby={over ? errorId : undefined}
                    value={points ?? ''}
                    onChange={(event) => {
                      const value = event.target.value === '' ? null : Number(event.target.value);
                      if (value !== null && (!Number.isFinite(value) || value < 0 || value > 1000)) return;
                      onChange(setRubricPoints(scores, criterion.id, value));
                    }}
                    onBlur={onBlur}
                  />
                  {over && (
                    <span id={errorId} className="field-error">
                      {' '}
                      {t('stageSessions.rubric.over', { max: criterion.points })}
                    </span>
                  )}
                </td>
                <td>{criterion.points}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stageSessions.rubric.sum')}</th>
            <td data-testid="rubric-sum">
              {t('stageSessions.rubric.sumOf', { points: sum.points, total: sum.total })}
            </td>
            <td>{t('stageSessions.rubric.scored', { scored: sum.scored, count: rubric.length })}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t('stageSessions.rubric.beside')}</p>
      <LazyRubricBars
        label={t('stageSessions.rubric.chart')}
        pointsName={t('stageSessions.rubric.points')}
        maxName={t('stageSessions.rubric.max')}
        data={rubric.map((criterion) => ({
          name: pick(criterion.name),
          points: given.get(criterion.id) ?? 0,
          max: criterion.points,
        }))}
      />
    </div>
  );
}
