import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

export interface ComparePoint {
  readonly category: string;
  /** Percent of the category's points, 0–100; null where the category has no value. */
  readonly mean: number | null;
  readonly consensus: number | null;
}

/** Panel mean against the consensus per category (loaded lazily with recharts). The label says every value in text. */
export function CompareRadar({
  data,
  label,
  meanName,
  consensusName,
}: {
  data: readonly ComparePoint[];
  label: string;
  meanName: string;
  consensusName: string;
}) {
  const hasConsensus = data.some((d) => d.consensus !== null);
  const text = data
    .map((d) => `${d.category} ${d.mean ?? '—'}%${hasConsensus ? ` / ${d.consensus ?? '—'}%` : ''}`)
    .join(', ');
  return (
    <div className="radar" role="img" aria-label={`${label}: ${text}`}>
      <ResponsiveContainer width="100%" height={280}>
        <RadarChart data={[...data]} outerRadius="58%" margin={{ top: 10, right: 48, bottom: 10, left: 48 }}>
          <PolarGrid />
          <PolarAngleAxis dataKey="category" tick={{ fontSize: 10 }} />
          <PolarRadiusAxis domain={[0, 100]} tickCount={6} tick={{ fontSize: 9 }} />
          <Radar
            name={meanName}
            dataKey="mean"
            stroke="#1f5fa8"
            fill="#1f5fa8"
            fillOpacity={0.2}
            isAnimationActive={false}
          />
          {hasConsensus && (
            <Radar
              name={consensusName}
              dataKey="consensus"
              stroke="#b3261e"
              fill="#b3261e"
              fillOpacity={0.25}
              isAnimationActive={false}
            />
          )}
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface BarPoint {
  readonly name: string;
  /** In points (not hundredths). */
  readonly value: number;
  /** Drawn in the warning colour: an incomplete sheet, an outlier. */
  readonly marked: boolean;
}

/**
 * Bars for a few named values — the experts' totals, their severities, the ranking — with an optional reference line
 * (the panel mean, zero). Horizontal, so Chinese names read without rotating.
 */
export function NamedBars({
  data,
  label,
  reference,
  domain,
}: {
  data: readonly BarPoint[];
  label: string;
  reference?: number;
  domain?: readonly [number | 'auto', number | 'auto'];
}) {
  const height = Math.max(120, 36 * data.length + 40);
  return (
    <div
      className="bar-chart"
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={[...data]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={domain === undefined ? ['auto', 'auto'] : [...domain]} tick={{ fontSize: 10 }} />
          <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} />
          {reference !== undefined && <ReferenceLine x={reference} stroke="#555" strokeDasharray="4 2" />}
          <Bar dataKey="value" isAnimationActive={false}>
            {data.map((d, index) => (
              <Cell key={index} fill={d.marked ? '#b3261e' : '#1f5fa8'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
