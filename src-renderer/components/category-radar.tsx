import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from 'recharts';

export interface RadarPoint {
  readonly category: string;
  /** Percent of the category's points reached, 0–100. */
  readonly percent: number;
}

/** Loaded lazily: recharts is the heaviest part of the renderer and not needed for the first paint. */
export function CategoryRadar({ data, label }: { data: readonly RadarPoint[]; label: string }) {
  return (
    <div
      className="radar"
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.category} ${d.percent}%`).join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={240}>
        <RadarChart data={[...data]} outerRadius="58%" margin={{ top: 10, right: 48, bottom: 10, left: 48 }}>
          <PolarGrid />
          <PolarAngleAxis dataKey="category" tick={{ fontSize: 10 }} />
          <PolarRadiusAxis domain={[0, 100]} tickCount={6} tick={{ fontSize: 9 }} />
          <Radar dataKey="percent" stroke="#b3261e" fill="#b3261e" fillOpacity={0.35} isAnimationActive={false} />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
