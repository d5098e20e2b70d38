import type { Stage } from '../assignments/assignment-schema';
import { ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import { aggregateCycle, type StageAggregation } from './aggregate-stage';
import { cycleResults, type CycleResults } from './cycle-results';
import { expertSeverity, type SeverityReport } from './expert-severity';
import type { ConsensusRecord, OfficeSheet, Panel, ResultsSettings } from './office-schemas';

/**
 * The office's panels as it plans them (a panel scores several applicants at one stage), in the shape of the
 * renderer's panel rows, so the rows are passed as they are.
 */
export interface PanelPlan {
  readonly stage: Stage;
  readonly leaderId: string;
  readonly expertIds: readonly string[];
  readonly applicantIds: readonly string[];
}

/** A panel the results leave out: a second panel for the same applicant and stage, or a stage the cycle lacks. */
export interface PanelIssue {
  readonly applicantId: string;
  readonly stage: Stage;
  readonly problem: 'duplicate' | 'stage-not-in-cycle';
}

/** An accepted sheet that fits no panel: nobody scores that applicant at that stage, or the expert is not a member. */
export interface OrphanSheet {
  readonly expertId: string;
  readonly applicantId: string;
  readonly stage: Stage;
  readonly reason: 'no-panel' | 'not-on-panel';
}

/** Panel members recused from one applicant: left out of its panel, so they are neither scored nor missed. */
export interface RecusedMembers {
  readonly applicantId: string;
  readonly stage: Stage;
  readonly expertIds: readonly string[];
}

export interface AssembledResults {
  /** The panels the results use, one per (applicant, stage), in the order of the plans, without recused members. */
  readonly panels: readonly Panel[];
  readonly recused: readonly RecusedMembers[];
  /** One per panel, in the same order. */
  readonly aggregations: readonly StageAggregation[];
  readonly results: CycleResults;
  /** Over every stage; pass a filtered list of `aggregations` to expertSeverity for one stage. */
  readonly severity: SeverityReport;
  readonly panelIssues: readonly PanelIssue[];
  readonly orphans: readonly OrphanSheet[];
}

const keyOf = (applicantId: string, stage: Stage): string => `${stage}\u0000${applicantId}`;

/**
 * One shared Panel per (applicant, stage) from the office's plans, the first plan winning. The panels page refuses
 * two panels for one applicant and stage; should the data still hold them (an older row, an import), the results
 * show the issue instead of failing as a whole, which aggregateCycle would.
 */
export function panelsFromPlans(
  plans: readonly PanelPlan[],
  stages: readonly Stage[],
  recusals: readonly { readonly expertId: string; readonly applicantId: string }[] = [],
): { panels: Panel[]; issues: PanelIssue[]; recused: RecusedMembers[] } {
  const panels: Panel[] = [];
  const issues: PanelIssue[] = [];
  const recused: RecusedMembers[] = [];
  const seen = new Set<string>();
  const isRecused = (expertId: string, applicantId: string): boolean =>
    recusals.some((r) => r.expertId === expertId && r.applicantId === applicantId);
  for (const plan of plans) {
    for (const applicantId of plan.applicantIds) {
      if (!stages.includes(plan.stage)) {
        issues.push({ applicantId, stage: plan.stage, problem: 'stage-not-in-cycle' });
        continue;
      }
      const key = keyOf(applicantId, plan.stage);
      if (seen.has(key)) {
        issues.push({ applicantId, stage: plan.stage, problem: 'duplicate' });
        continue;
      }
      seen.add(key);
      const out = plan.expertIds.filter((expertId) => isRecused(expertId, applicantId));
      if (out.length > 0) recused.push({ applicantId, stage: plan.stage, expertIds: out });
      panels.push({
        applicantId,
        stage: plan.stage,
        expertIds: plan.expertIds.filter((expertId) => !out.includes(expertId)),
        // A recused leader cannot lead this applicant's consensus: the consensus form then asks for a leader.
        leaderId: out.includes(plan.leaderId) ? '' : plan.leaderId,
      });
    }
  }
  return { panels, issues, recused };
}

/** Splits sheets into those a panel expects and the orphans (which aggregateCycle would refuse for the whole cycle). */
export function matchSheets(
  panels: readonly Panel[],
  sheets: readonly OfficeSheet[],
): { matched: OfficeSheet[]; orphans: OrphanSheet[] } {
  const members = new Map(panels.map((panel) => [keyOf(panel.applicantId, panel.stage), new Set(panel.expertIds)]));
  const matched: OfficeSheet[] = [];
  const orphans: OrphanSheet[] = [];
  for (const sheet of sheets) {
    const panel = members.get(keyOf(sheet.applicantId, sheet.stage));
    const where = { expertId: sheet.expertId, applicantId: sheet.applicantId, stage: sheet.stage };
    if (panel === undefined) orphans.push({ ...where, reason: 'no-panel' });
    else if (!panel.has(sheet.expertId)) orphans.push({ ...where, reason: 'not-on-panel' });
    else matched.push(sheet);
  }
  return { matched, orphans };
}

/**
 * A cycle's results screen in one call: panels from the plans, sheets matched to them, every panel aggregated, the
 * stages combined (cycleResults) and the experts' severity. The maths is all in the functions called; this only
 * keeps one misfiled panel or sheet from hiding every other result. Fails as aggregateCycle and cycleResults do
 * (a sheet off the criteria's grid, an unknown item).
 */
export function assembleResults(input: {
  readonly criteria: Criteria;
  readonly plans: readonly PanelPlan[];
  readonly sheets: readonly OfficeSheet[];
  readonly consensus: readonly ConsensusRecord[];
  readonly settings: ResultsSettings;
  /** Experts recused from applicants (recusalsFromInbox); absent means none. */
  readonly recusals?: readonly { readonly expertId: string; readonly applicantId: string }[];
}): Result<AssembledResults> {
  const { panels, issues, recused } = panelsFromPlans(
    input.plans,
    input.settings.stages.map((s) => s.stage),
    input.recusals,
  );
  const { matched, orphans } = matchSheets(panels, input.sheets);
  const aggregated = aggregateCycle(input.criteria, panels, matched, input.settings.spreadThreshold);
  if (!aggregated.ok) return aggregated;
  const results = cycleResults(input.criteria, aggregated.value, input.consensus, input.settings);
  if (!results.ok) return results;
  return ok({
    panels,
    recused,
    aggregations: aggregated.value,
    results: results.value,
    severity: expertSeverity(aggregated.value),
    panelIssues: issues,
    orphans,
  });
}
