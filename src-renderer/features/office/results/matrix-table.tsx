import { Fragment, useState, type ReactNode } from 'react';
import type { Criteria } from '../../../../src-shared/criteria/criteria-schema';
import { allItems } from '../../../../src-shared/criteria/load-criteria';
import type { ItemAggregate, StageAggregation } from '../../../../src-shared/office/aggregate-stage';
import type { PanelStat } from '../../../../src-shared/office/panel-stats';
import { TRIM_FROM } from '../../../../src-shared/office/panel-stats';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { useI18n } from '../../../i18n/i18n';

type Unit = 'percent' | 'points';

/** A percent statistic is in hundredths of a percentage point (6250 = 62.5 %), a points one in hundredths of a point. */
function statText(value: number, unit: Unit): string {
  return unit === 'percent' ? `${formatPoints(value)}%` : formatPoints(value);
}

/**
 * The experts × items matrix of one applicant at one stage, transposed so 23 items read down the page and the panel's
 * few experts across: each expert's score, then the item's mean, median, trimmed mean (5+ experts), min, max and
 * spread. Items at or over the spread threshold are highlighted and say so in words; the last rows are each expert's
 * total and the statistics of the complete totals. The unit toggles between percent and points. With `itemDetail`
 * (issue 5), an item's row expands to show the experts' evidence and findings for that item.
 */
export function MatrixTable({
  criteria,
  aggregation,
  expertName,
  threshold,
  itemDetail,
}: {
  criteria: Criteria;
  aggregation: StageAggregation;
  expertName: (id: string) => string;
  threshold: number;
  /** What the experts recorded on an item beyond its score; absent when no sheet carries stage work. */
  itemDetail?: (itemId: string) => ReactNode;
}) {
  const { t, pick } = useI18n();
  const [unit, setUnit] = useState<Unit>('percent');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (itemId: string): void =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  const names = new Map(allItems(criteria).map((item) => [item.id, pick(item.name)]));
  const trimmed = aggregation.experts.length >= TRIM_FROM;
  const columns = 1 + aggregation.experts.length + (trimmed ? 6 : 5);
  const cells = unit === 'percent' ? aggregation.matrix.percents : aggregation.matrix.points;
  const cellText = (value: number | null): string =>
    value === null ? '—' : unit === 'percent' ? `${value}%` : formatPoints(value);
  const stats = (item: ItemAggregate): PanelStat | null => (unit === 'percent' ? item.percent : item.points);
  return (
    <section className="panel" aria-labelledby="matrix-title">
      <h2 id="matrix-title">{t('officeResults.matrix.title')}</h2>
      <div role="group" aria-label={t('officeResults.matrix.unit')} className="unit-toggle">
        {(['percent', 'points'] as const).map((u) => (
          <button key={u} type="button" aria-pressed={unit === u} onClick={() => setUnit(u)}>
            {t(`officeResults.matrix.unit.${u}`)}
          </button>
        ))}
      </div>
      <p className="muted">
        {t('officeResults.matrix.legend', { threshold })}
        {!trimmed && ` ${t('officeResults.matrix.noTrim', { count: TRIM_FROM })}`}
      </p>
      <div className="table-scroll">
        <table className="applicant-table matrix-table">
          <caption className="visually-hidden">{t('officeResults.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officeResults.matrix.item')}</th>
              {aggregation.experts.map((id) => (
                <th scope="col" key={id}>
                  {expertName(id)}
                </th>
              ))}
              <th scope="col">{t('officeResults.stat.mean')}</th>
              <th scope="col">{t('officeResults.stat.median')}</th>
              {trimmed && <th scope="col">{t('officeResults.stat.trimmed')}</th>}
              <th scope="col">{t('officeResults.stat.min')}</th>
              <th scope="col">{t('officeResults.stat.max')}</th>
              <th scope="col">{t('officeResults.stat.spread')}</th>
            </tr>
          </thead>
          <tbody>
            {aggregation.items.map((item, column) => {
              const stat = stats(item);
              const open = expanded.has(item.itemId);
              const detailId = `item-detail-${item.itemId}`;
              return (
                <Fragment key={item.itemId}>
                  <tr className={item.needsConsensus ? 'needs-consensus' : undefined}>
                    <th scope="row">
                      {item.itemId} {names.get(item.itemId)}
                      <span className="muted"> ({t('officeResults.matrix.max', { points: item.maxPoints })})</span>
                      {itemDetail !== undefined && (
                        <button
                          type="button"
                          className="link item-detail-toggle"
                          aria-expanded={open}
                          aria-controls={open ? detailId : undefined}
                          aria-label={t('stageOffice.itemFindings.toggle', { item: item.itemId })}
                          onClick={() => toggle(item.itemId)}
                        >
                          {t('stageOffice.itemFindings.button')}
                        </button>
                      )}
                    </th>
                    {aggregation.experts.map((id, row) => (
                      <td key={id} className="number">
                        {cellText(cells[row]?.[column] ?? null)}
                      </td>
                    ))}
                    <td className="number">{stat === null ? '—' : statText(stat.mean, unit)}</td>
                    <td className="number">{stat === null ? '—' : statText(stat.median, unit)}</td>
                    {trimmed && (
                      <td className="number">
                        {stat === null || stat.trimmed === null ? '—' : statText(stat.trimmed, unit)}
                      </td>
                    )}
                    <td className="number">{stat === null ? '—' : statText(stat.min, unit)}</td>
                    <td className="number">{stat === null ? '—' : statText(stat.max, unit)}</td>
                    <td className="number">
                      {item.spread === null ? '—' : t('officeResults.matrix.spreadValue', { spread: item.spread })}
                      {item.needsConsensus && <strong className="flag"> {t('officeResults.matrix.flagged')}</strong>}
                      {item.unscoredBy.length > 0 && (
                        <span className="muted">
                          {' '}
                          {t('officeResults.matrix.unscoredBy', { names: item.unscoredBy.map(expertName).join('、') })}
                        </span>
                      )}
                    </td>
                  </tr>
                  {open && itemDetail !== undefined && (
                    <tr className="item-detail" id={detailId}>
                      <td colSpan={columns}>
                        <h3>{t('stageOffice.itemFindings.title', { item: item.itemId })}</h3>
                        {itemDetail(item.itemId)}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('officeResults.matrix.expertTotal')}</th>
              {aggregation.expertTotals.map((total) => (
                <td key={total.expertId} className="number">
                  {formatPoints(total.hundredths)}
                  {!total.complete && (
                    <span className="muted">
                      {' '}
                      {t('officeResults.matrix.incomplete', { scored: total.scoredItems })}
                    </span>
                  )}
                </td>
              ))}
              <TotalsStats stat={aggregation.totals} trimmed={trimmed} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The statistics of the complete sheets' totals, in points, under the statistics columns. */
function TotalsStats({ stat, trimmed }: { stat: PanelStat | null; trimmed: boolean }) {
  const columns = trimmed ? 6 : 5;
  if (stat === null) return <td colSpan={columns}>—</td>;
  const values = [stat.mean, stat.median, ...(trimmed ? [stat.trimmed] : []), stat.min, stat.max];
  return (
    <>
      {values.map((value, index) => (
        <td key={index} className="number">
          {value === null ? '—' : formatPoints(value)}
        </td>
      ))}
      <td className="number">{formatPoints(stat.max - stat.min)}</td>
    </>
  );
}
