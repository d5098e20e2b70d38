import { lazy, memo, Suspense, useMemo } from 'react';
import type { Criteria } from '../../../src-shared/criteria/criteria-schema';
import { formatPoints } from '../../../src-shared/scoring/percent';
import type { SheetTotals } from '../../../src-shared/scoring/totals';
import { useI18n } from '../../i18n/i18n';
import { useIdle, useSettledValue } from './use-settled-value';

/** Long enough for a click's write to commit first (its p95 is about 50 ms on a loaded 2-core machine). */
const radarSettleMs = 150;

// The chart is memoised and follows the totals once they settle: the total updates in the same
// frame as the click, and the chart (most of the render cost) follows after the write.
const CategoryRadar = memo(
  lazy(() => import('../../components/category-radar').then((module) => ({ default: module.CategoryRadar }))),
);

/** Live category and total points out of 1000, and the radar of the seven categories. */
export function TotalsPanel({
  criteria,
  totals,
  missingComments,
}: {
  criteria: Criteria;
  totals: SheetTotals;
  missingComments: number;
}) {
  const { t, pick } = useI18n();
  const names = useMemo(() => new Map(criteria.categories.map((c) => [c.id, pick(c.name)])), [criteria, pick]);
  const deferred = useSettledValue(totals, radarSettleMs);
  const chartWanted = useIdle();
  const radar = useMemo(
    () =>
      deferred.categories.map((c) => ({
        category: names.get(c.categoryId) ?? c.categoryId,
        percent: Math.round((c.hundredths / c.maxHundredths) * 100),
      })),
    [deferred, names],
  );
  return (
    <aside className="totals panel" aria-label={t('totals.title')}>
      <h2>{t('totals.title')}</h2>
      <p className="grand-total">
        {t('totals.total')}{' '}
        <strong data-testid="sheet-total" aria-live="polite">
          {t('totals.of', { points: formatPoints(totals.hundredths), max: formatPoints(totals.maxHundredths) })}
        </strong>
      </p>
      <p className="muted">
        {t('totals.scored', { scored: totals.scoredItems, count: totals.itemCount })}
        {missingComments > 0 && ` · ${t('totals.missingComment', { count: missingComments })}`}
      </p>
      <table className="category-table">
        <thead>
          <tr>
            <th scope="col">{t('totals.category')}</th>
            <th scope="col">{t('applicants.score')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.categories.map((c) => (
            <tr key={c.categoryId}>
              <th scope="row">
                {c.categoryId} {names.get(c.categoryId)}
              </th>
              <td data-testid={`category-total-${c.categoryId}`}>
                {formatPoints(c.hundredths)} / {formatPoints(c.maxHundredths)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {chartWanted ? (
        <Suspense fallback={<p className="muted">{t('totals.chartLoading')}</p>}>
          <CategoryRadar data={radar} label={t('totals.chart')} />
        </Suspense>
      ) : (
        <p className="muted">{t('totals.chartLoading')}</p>
      )}
    </aside>
  );
}
