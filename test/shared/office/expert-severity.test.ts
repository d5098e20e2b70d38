import { describe, expect, it } from 'vitest';
import { DEFAULT_SEVERITY_RULE, expertSeverity } from '../../../src-shared/office/expert-severity';
import { aggregated, flatSheet, panel, sheet } from './office-fixtures';

/** A panel where each expert puts one percent on every item, so a total is 10 × percent points. */
function flatPanel(percents: Readonly<Record<string, number>>, applicantId = 'A1') {
  const experts = Object.keys(percents);
  return aggregated(
    panel(experts, applicantId),
    experts.map((e) => flatSheet(e, percents[e] ?? 0, applicantId)),
  );
}

describe('expertSeverity', () => {
  it('measures each expert against the mean of the others (leave one out), over all their panels', () => {
    // Totals 400, 450, 500, 550, 600, 1000 points (sum 3500). Leave-one-out deviations:
    // A 400 − 3100/5 = −220; B 450 − 610 = −160; C 500 − 600 = −100; D 550 − 590 = −40; E 600 − 580 = +20;
    // F 1000 − 2500/5 = +500. Including F in the mean would shrink F's lean to 1000 − 583.33 = 416.67.
    const percents = { A: 40, B: 45, C: 50, D: 55, E: 60, F: 100 };
    const report = expertSeverity([flatPanel(percents, 'A1'), flatPanel(percents, 'A2')]);
    expect(report.experts.map((e) => [e.expertId, e.panels, e.severityHundredths])).toEqual([
      ['A', 2, -22000],
      ['B', 2, -16000],
      ['C', 2, -10000],
      ['D', 2, -4000],
      ['E', 2, 2000],
      ['F', 2, 50000],
    ]);
    // Median of the six: (−10000 − 4000) / 2 = −7000. Distances 15000 9000 3000 3000 9000 57000 → MAD 9000.
    expect(report.median).toBe(-7000);
    expect(report.mad).toBe(9000);
    // F: 0.6745 × 57000 / 9000 = 4.27 > 3.5 → outlier; A: 0.6745 × −15000 / 9000 = −1.12.
    const f = report.experts.find((e) => e.expertId === 'F');
    expect(f?.z).toBeCloseTo(4.2718, 3);
    expect(f?.outlier).toBe(true);
    expect(report.experts.find((e) => e.expertId === 'A')?.z).toBeCloseTo(-1.1242, 3);
    expect(report.experts.filter((e) => e.outlier).map((e) => e.expertId)).toEqual(['F']);
  });

  it('averages an expert over panels of different sizes', () => {
    // Panel 1: X 60 %, Y 50 %, Z 50 % → X +100 points. Panel 2: X 50 %, Y 50 % → X 0. Mean: X +50.00.
    const one = flatPanel({ X: 60, Y: 50, Z: 50 }, 'A1');
    const two = flatPanel({ X: 50, Y: 50 }, 'A2');
    const x = expertSeverity([one, two], { ...DEFAULT_SEVERITY_RULE, minExperts: 1 }).experts.find(
      (e) => e.expertId === 'X',
    );
    expect(x).toMatchObject({ panels: 2, severityHundredths: 5000 });
  });

  it('floors the MAD, so agreeing experts are not flagged for small differences', () => {
    // Five experts at 50 % (500 points) and F at 55 % (550): F leans 550 − 500 = +50.00 against the others'
    // mean, each of the five 500 − (4 × 500 + 550) / 5 = −10.00. Median −10.00; distances 0 0 0 0 0 60.00 → MAD 0,
    // so the floor of 1 point applies: z(F) = 0.6745 × 6000 / 100 ≈ 40.5 → flagged (a 50-point lean is real).
    const report = expertSeverity([flatPanel({ A: 50, B: 50, C: 50, D: 50, E: 50, F: 55 })]);
    expect(report.median).toBe(-1000);
    expect(report.mad).toBe(100);
    expect(report.experts.find((e) => e.expertId === 'F')).toMatchObject({ severityHundredths: 5000, outlier: true });
    expect(report.experts.find((e) => e.expertId === 'A')).toMatchObject({ severityHundredths: -1000, z: 0 });
    // Within the floor nobody is flagged: all six equal.
    const calm = expertSeverity([flatPanel({ A: 50, B: 50, C: 50, D: 50, E: 50, F: 50 })]);
    expect(calm.experts.every((e) => e.z === 0 && !e.outlier)).toBe(true);
  });

  it('gives no z-scores and no flags below the minimum number of experts', () => {
    const report = expertSeverity([flatPanel({ A: 10, B: 50, C: 90 })]);
    expect(report.experts.every((e) => e.z === null && !e.outlier)).toBe(true);
    expect(report.median).toBeNull();
  });

  it('leaves incomplete sheets and panels with fewer than two complete sheets out', () => {
    const incomplete = aggregated(panel(['A', 'B', 'C']), [
      flatSheet('A', 50),
      flatSheet('B', 70),
      sheet('C', { '4.7.2': null }, 10),
    ]);
    const alone = aggregated(panel(['A', 'D']), [flatSheet('A', 90, 'A1'), sheet('D', { '4.1.2': null }, 0)]);
    const report = expertSeverity([incomplete, alone], { ...DEFAULT_SEVERITY_RULE, minExperts: 1 });
    // Only the A–B pair counts: A 500 − 700 = −200.00, B +200.00; C and D never appear.
    expect(report.experts.map((e) => [e.expertId, e.panels, e.severityHundredths])).toEqual([
      ['A', 1, -20000],
      ['B', 1, 20000],
    ]);
  });
});
