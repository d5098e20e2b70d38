import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import type { Criteria } from '../../../src-shared/criteria/criteria-schema';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { formatPoints } from '../../../src-shared/scoring/percent';
import { useI18n } from '../../i18n/i18n';
import type { StageDelta } from './stage-delta';

interface StageTableProps {
  readonly criteria: Criteria;
  readonly delta: StageDelta;
  readonly from: Stage;
  readonly to: Stage;
  /** The scorebook address of an item, where its percent and reason are edited. */
  readonly itemHref: (itemId: string) => string;
}

/** Per item the previous → new percent and the reason; changed rows are tinted and say so; the totals at the foot. */
export function StageTable({ criteria, delta, from, to, itemHref }: StageTableProps) {
  const { t, pick } = useI18n();
  const names = new Map(allItems(criteria).map((item) => [item.id, pick(item.name)]));
  const percent = (value: number | null): string => (value === null ? t('stageScoring.notScored') : `${value}%`);
  return (
    <table className="applicant-table stage-table" data-testid="stage-table">
      <caption className="muted">
        {t('stageScoring.summary', {
          count: delta.changedCount,
          missing: delta.missingCount,
          from: formatPoints(delta.before),
          to: formatPoints(delta.after),
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('stageScoring.col.item')}</th>
          <th scope="col">{t(`stage.${from}`)}</th>
          <th scope="col">{t(`stage.${to}`)}</th>
          <th scope="col">{t('stageScoring.col.change')}</th>
          <th scope="col">{t('stageScoring.col.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {delta.rows.map((row) => (
          <tr key={row.itemId} className={row.changed ? 'changed' : undefined} data-testid={`stage-row-${row.itemId}`}>
            <th scope="row">
              <a href={itemHref(row.itemId)}>
                {row.itemId} {names.get(row.itemId)}
              </a>
            </th>
            <td className="number">{percent(row.carried)}</td>
            <td className="number">{percent(row.current)}</td>
            <td>
              {row.changed
                ? `${t('stageScoring.changed')} ${percent(row.carried)} → ${percent(row.current)}`
                : t('stageScoring.unchanged')}
            </td>
            <td>
              {row.reasonMissing ? (
                <span className="reason-missing">{t('stageScoring.reasonMissing')}</span>
              ) : (
                row.reason
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('stageScoring.total')}</th>
          <td className="number">{formatPoints(delta.before)}</td>
          <td className="number" data-testid="stage-total-after">
            {formatPoints(delta.after)}
          </td>
          <td colSpan={2}>
            {formatPoints(delta.before)} → {formatPoints(delta.after)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
