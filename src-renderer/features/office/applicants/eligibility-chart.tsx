import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ruleTitle } from '../../../../src-shared/office/eligibility-reasons';
import { useI18n } from '../../../i18n/i18n';
import type { RuleTally } from './eligibility-summary';

/** Same colours as the status badges (applicants.css), so chart and table read alike. */
const COLOURS = { pass: '#1e6b34', fail: '#b3261e', open: '#a15c00' } as const;

/**
 * Per rule, how many applicants pass, fail or still need a judgement, as stacked bars. Loaded lazily with the
 * rest of recharts. The figure's text alternative gives every number, so nothing is only in the picture.
 */
export function EligibilityChart({ tallies }: { tallies: readonly RuleTally[] }) {
  const { t, lang } = useI18n();
  const pass = t('officeApplicants.status.pass');
  const fail = t('officeApplicants.status.fail');
  const open = t('officeApplicants.status.needs-judgement');
  const data = tallies.map((tally) => ({
    rule: ruleTitle(tally.rule, lang),
    pass: tally.counts.pass,
    fail: tally.counts.fail,
    open: tally.counts['needs-judgement'],
  }));
  const label = `${t('officeApplicants.chartTitle')}: ${data
    .map((d) => `${d.rule} — ${pass} ${d.pass}, ${fail} ${d.fail}, ${open} ${d.open}`)
    .join('; ')}`;
  return (
    <div className="eligibility-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={40 + data.length * 34}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="rule" width={lang === 'en' ? 330 : 290} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="pass" name={pass} stackId="s" fill={COLOURS.pass} isAnimationActive={false} />
          <Bar dataKey="open" name={open} stackId="s" fill={COLOURS.open} isAnimationActive={false} />
          <Bar dataKey="fail" name={fail} stackId="s" fill={COLOURS.fail} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
