import type { StageAggregation } from './aggregate-stage';
import { medianOf } from './panel-stats';

/** The outlier rule's parameters; the office may change them, the report shows the ones used. */
export interface SeverityRule {
  /**
   * An expert is an outlier when |modified z| is above this. 3.5 is the cut-off Iglewicz and Hoaglin
   * recommend for the modified z-score (How to Detect and Handle Outliers, ASQC, 1993).
   */
  readonly threshold: number;
  /**
   * The MAD is taken as at least this (hundredths of a point). Without a floor, a cycle whose experts
   * agree within a few hundredths would flag someone 0.3 points off, and a MAD of 0 (half the experts
   * exactly at the median) would divide by zero. With 100 (1 point) and 3.5, flagging needs a lean of
   * more than 3.5 × 1.4826 ≈ 5.2 points out of 1000 from the median expert.
   */
  readonly madFloorHundredths: number;
  /** Below this many experts with a severity, no z-scores are given and nobody is flagged. */
  readonly minExperts: number;
}

export const DEFAULT_SEVERITY_RULE: SeverityRule = { threshold: 3.5, madFloorHundredths: 100, minExperts: 5 };

/** Φ⁻¹(0.75): makes the MAD of normal data estimate its standard deviation (Iglewicz and Hoaglin). */
const MAD_TO_Z = 0.6745;

export interface ExpertSeverity {
  readonly expertId: string;
  /** Panels (applicant × stage) that counted: the expert's sheet and at least one other were complete. */
  readonly panels: number;
  /** Mean signed deviation from the rest of the panel, hundredths of a point: negative = stricter. */
  readonly severityHundredths: number;
  /** Modified z-score among the experts; null below `rule.minExperts`. */
  readonly z: number | null;
  readonly outlier: boolean;
}

export interface SeverityReport {
  readonly rule: SeverityRule;
  /** In order of first appearance in the aggregations. */
  readonly experts: readonly ExpertSeverity[];
  /** Median severity and the MAD actually divided by (after the floor); null below `rule.minExperts`. */
  readonly median: number | null;
  readonly mad: number | null;
}

/**
 * How strict or lenient each expert scores (issue 4 item 7), from the aggregations of one cycle (pass a
 * filtered list for one stage). For every panel with at least two complete sheets, an expert's deviation
 * is their total minus the mean total of the **other** complete sheets of the panel. Leave-one-out,
 * because including the expert pulls the reference toward them and shrinks every deviation by (n − 1)/n
 * — a fifth on a panel of 5 — and more on small panels. Totals rather than item percents, because a
 * lean on an 80-point results item moves a ranking eight times as much as the same lean on a 10-point
 * item; totals weigh items as the award does. Incomplete sheets are left out: their unscored items count
 * zero and would read as severity. The severity is the mean deviation over the expert's panels (floating
 * point, rounded to whole hundredths, halves away from zero); it only ranks experts and changes no
 * score. Outliers: modified z = 0.6745 × (severity − median) ÷ max(MAD, floor) over the experts with a
 * severity, |z| > threshold. The z-scores are computed from the rounded severities, so they can be
 * checked by hand from what is shown.
 */
export function expertSeverity(
  aggregations: readonly StageAggregation[],
  rule: SeverityRule = DEFAULT_SEVERITY_RULE,
): SeverityReport {
  const sums = new Map<string, { sum: number; panels: number }>();
  for (const aggregation of aggregations) {
    const complete = aggregation.expertTotals.filter((t) => t.complete);
    if (complete.length < 2) continue;
    const panelSum = complete.reduce((sum, t) => sum + t.hundredths, 0);
    const others = complete.length - 1;
    for (const total of complete) {
      const deviation = total.hundredths - (panelSum - total.hundredths) / others;
      const entry = sums.get(total.expertId) ?? { sum: 0, panels: 0 };
      entry.sum += deviation;
      entry.panels += 1;
      sums.set(total.expertId, entry);
    }
  }
  const severities = [...sums].map(([expertId, { sum, panels }]) => ({
    expertId,
    panels,
    severityHundredths: roundHalfAwayFromZero(sum / panels),
  }));
  if (severities.length < rule.minExperts) {
    return { rule, experts: severities.map((s) => ({ ...s, z: null, outlier: false })), median: null, mad: null };
  }
  const values = severities.map((s) => s.severityHundredths);
  const median = medianOf(values);
  const mad = Math.max(medianOf(values.map((v) => Math.abs(v - median))), rule.madFloorHundredths);
  const experts = severities.map((s) => {
    const z = (MAD_TO_Z * (s.severityHundredths - median)) / mad;
    return { ...s, z, outlier: Math.abs(z) > rule.threshold };
  });
  return { rule, experts, median, mad };
}

/** Rounds to an integer with halves away from zero, so a deviation and its mirror image get the same size. */
function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded : rounded;
}
