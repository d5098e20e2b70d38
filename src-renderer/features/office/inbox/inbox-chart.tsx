import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../i18n/i18n';
import type { ExpertProgress } from './inbox-view';

/**
 * Sheets in against sheets expected, one pair of bars per expert. Loaded lazily (recharts is heavy); the per-expert
 * table beside it (`tableId`) carries the same numbers as text.
 */
export function InboxChart({ rows, tableId }: { rows: readonly ExpertProgress[]; tableId: string }) {
  const { t } = useI18n();
  const data = rows.map((row) => ({ name: row.name, in: row.sheetsIn, expected: row.sheetsExpected }));
  const detail = rows
    .map((row) => t('officeInbox.chart.point', { name: row.name, in: row.sheetsIn, expected: row.sheetsExpected }))
    .join('; ');
  return (
    <figure className="inbox-chart">
      <figcaption>{t('officeInbox.chart.title')}</figcaption>
      <div role="img" aria-label={t('officeInbox.chart.label', { detail })} aria-describedby={tableId}>
        <ResponsiveContainer width="100%" height={Math.max(160, 48 + rows.length * 36)}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
            <Tooltip />
            {/* Legend text in the page's colour: the light bar colour alone would be too faint to read. */}
            <Legend formatter={(value: string) => <span className="inbox-legend">{value}</span>} />
            <Bar dataKey="expected" name={t('officeInbox.chart.expected')} fill="#c9ced6" isAnimationActive={false} />
            <Bar dataKey="in" name={t('officeInbox.chart.in')} fill="#1f6f43" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
