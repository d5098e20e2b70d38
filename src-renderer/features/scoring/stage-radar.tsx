import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from 'recharts';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import type { StageRadarPoint } from './stage-delta';

/** One colour and one stroke pattern per stage, so the overlay reads without colour too (AA on white). */
const look: Record<Stage, { colour: string; dash: string | undefined }> = {
  material: { colour: '#5b6470', dash: '4 3' },
  defense: { colour: '#1a5fb4', dash: '1 3' },
  site: { colour: '#b3261e', dash: undefined },
};

/**
 * The categories' percentages at each stage overlaid (issue 5 item 1), after the pattern of CategoryRadar. Loaded
 * lazily: recharts is the heaviest part of the renderer. The label lists every value for screen readers.
 */
export function StageRadar({
  data,
  stages,
  stageName,
  label,
}: {
  data: readonly StageRadarPoint[];
  stages: readonly Stage[];
  stageName: (stage: Stage) => string;
  label: string;
}) {
  const spoken = stages
    .map((stage) => `${stageName(stage)}: ${data.map((d) => `${d.category} ${d[stage] ?? 0}%`).join(', ')}`)
    .join('; ');
  return (
    <div className="radar" role="img" aria-label={`${label}. ${spoken}`}>
      <ResponsiveContainer width="100%" height={320}>
        <RadarChart data={[...data]} outerRadius="62%" margin={{ top: 10, right: 48, bottom: 10, left: 48 }}>
          <PolarGrid />
          <PolarAngleAxis dataKey="category" tick={{ fontSize: 11 }} />
          <PolarRadiusAxis domain={[0, 100]} tickCount={6} tick={{ fontSize: 9 }} />
          {stages.map((stage) => (
            <Radar
              key={stage}
              name={stageName(stage)}
              dataKey={stage}
              stroke={look[stage].colour}
              strokeDasharray={look[stage].dash}
              strokeWidth={2}
              fill={look[stage].colour}
              fillOpacity={stage === stages[stages.length - 1] ? 0.25 : 0.05}
              isAnimationActive={false}
            />
          ))}
          <Legend />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
