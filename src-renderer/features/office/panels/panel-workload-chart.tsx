import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../i18n/i18n';
import type { PanelWorkload } from './panel-rules';

const COLOURS = { applicants: '#2f5d8a', experts: '#7a5c99', issued: '#1e6b34' } as const;

/**
 * Per panel of the stage: applicants to score, experts, and experts whose assignment is out, so an uneven load or a
 * panel not yet issued shows at a glance. Loaded lazily with recharts; the text alternative gives every number.
 */
export function PanelWorkloadChart({ workload }: { workload: readonly PanelWorkload[] }) {
  const { t } = useI18n();
  const applicants = t('officePanels.chart.applicants');
  const experts = t('officePanels.chart.experts');
  const issued = t('officePanels.chart.issued');
  const data = workload.map((w) => ({ ...w }));
  const label = `${t('officePanels.chart.title')}: ${data
    .map((d) => `${d.name} — ${applicants} ${d.applicants}, ${experts} ${d.experts}, ${issued} ${d.issued}`)
    .join('; ')}`;
  return (
    <figure className="panel-workload" role="img" aria-label={label}>
      <figcaption>{t('officePanels.chart.title')}</figcaption>
      <ResponsiveContainer width="100%" height={60 + data.length * 48}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="applicants" name={applicants} fill={COLOURS.applicants} isAnimationActive={false} />
          <Bar dataKey="experts" name={experts} fill={COLOURS.experts} isAnimationActive={false} />
          <Bar dataKey="issued" name={issued} fill={COLOURS.issued} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
