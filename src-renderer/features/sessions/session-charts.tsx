import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** Loaded lazily (recharts is the heaviest part of the renderer); the numbers are also on screen as text. */

export interface RubricBar {
  readonly name: string;
  readonly points: number;
  readonly max: number;
}

/** One pair of bars per rubric criterion: the points given against its maximum. */
export function RubricBars({
  data,
  label,
  pointsName,
  maxName,
}: {
  data: readonly RubricBar[];
  label: string;
  pointsName: string;
  maxName: string;
}) {
  return (
    <div
      className="session-chart"
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.name} ${d.points}/${d.max}`).join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={Math.max(140, 44 * data.length + 50)}>
        <BarChart data={[...data]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals domain={[0, 'dataMax']} tick={{ fontSize: 10 }} />
          <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} />
          <Legend formatter={(value: string) => <span className="session-legend">{value}</span>} />
          <Bar dataKey="max" name={maxName} fill="#c9ced6" isAnimationActive={false} />
          <Bar dataKey="points" name={pointsName} fill="#1f5fa8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface CountBar {
  readonly name: string;
  readonly value: number;
}

/** How many issues stand at each status. */
export function IssueStatusBars({ data, label }: { data: readonly CountBar[]; label: string }) {
  return (
    <div
      className="session-chart session-chart-small"
      role="img"
      aria-label={`${label}: ${data.map((d) => `${d.name} ${d.value}`).join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={[...data]} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={28} tick={{ fontSize: 10 }} />
          <Bar dataKey="value" fill="#1f6f43" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
