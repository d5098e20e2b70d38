import type { Stage } from '../assignments/assignment-schema';
import type { DefenseSegment, RubricCriterion } from './stage-setup';
import type { ItemChange, StageWork } from './stage-work';

/**
 * The rules of moving between stages (issue 5 item 1): a stage's sheet starts from the expert's own previous stage,
 * and a carried percent that changes needs a reason. Pure: the callers pass in what they stored.
 */

/** The stage run before `stage` in the cycle's order, or null for the first (or a stage not in the cycle). */
export function previousStageOf(stages: readonly Stage[], stage: Stage): Stage | null {
  const index = stages.indexOf(stage);
  return index > 0 ? (stages[index - 1] ?? null) : null;
}

/** A percent carried from the previous stage, per item (null: the item was not scored there). */
export type CarriedPercents = ReadonlyMap<string, number | null>;

/**
 * The items whose percent now differs from the carried one, each with the reason given (blank when none yet),
 * in the order of `itemIds` (the criteria's order). An item not carried (null) or not yet scored is no change.
 */
export function itemChanges(input: {
  readonly fromStage: Stage;
  readonly itemIds: readonly string[];
  readonly carried: CarriedPercents;
  readonly current: ReadonlyMap<string, number | null>;
  readonly reasons: ReadonlyMap<string, string>;
}): ItemChange[] {
  const changes: ItemChange[] = [];
  for (const itemId of input.itemIds) {
    const previousPercent = input.carried.get(itemId) ?? null;
    const percent = input.current.get(itemId) ?? null;
    if (previousPercent === null || percent === null || previousPercent === percent) continue;
    changes.push({
      itemId,
      fromStage: input.fromStage,
      previousPercent,
      percent,
      reason: input.reasons.get(itemId) ?? '',
    });
  }
  return changes;
}

export type StageProblemCode =
  | 'change-reason-missing'
  | 'issue-open'
  | 'issue-finding-missing'
  | 'themes-strengths'
  | 'themes-ofis'
  | 'rubric-missing'
  | 'rubric-over'
  | 'evidence-unlinked';

/** A reason a stage cannot be submitted yet; `ref` names the item, issue, criterion or evidence concerned. */
export interface StageProblem {
  readonly code: StageProblemCode;
  readonly ref: string;
}

/** Key themes: 3–5 overall strengths and 3–5 opportunities (Baldrige's site-visit practice, issue 5 item 5). */
export const themeRange = { min: 3, max: 5 } as const;

/**
 * What blocks submitting a stage's work: a changed carried percent without a reason; at the site visit, an issue
 * left open or settled without a finding and key themes outside 3–5 of each kind; at the defense, a rubric
 * criterion unscored or over its points; evidence linked to nothing.
 */
export function checkStageWork(input: {
  readonly stage: Stage;
  readonly work: StageWork;
  readonly rubric: readonly RubricCriterion[];
}): StageProblem[] {
  const { stage, work } = input;
  const problems: StageProblem[] = [];
  for (const change of work.changes) {
    if (change.reason.trim() === '') problems.push({ code: 'change-reason-missing', ref: change.itemId });
  }
  if (stage === 'site') {
    for (const issue of work.issues) {
      if (issue.status === 'open') problems.push({ code: 'issue-open', ref: issue.id });
      else if (issue.finding.trim() === '') problems.push({ code: 'issue-finding-missing', ref: issue.id });
    }
    const themes = work.site?.themes ?? [];
    const count = (kind: 'strength' | 'ofi'): number =>
      themes.filter((t) => t.kind === kind && t.text.trim() !== '').length;
    const inRange = (n: number): boolean => n >= themeRange.min && n <= themeRange.max;
    if (!inRange(count('strength'))) problems.push({ code: 'themes-strengths', ref: String(count('strength')) });
    if (!inRange(count('ofi'))) problems.push({ code: 'themes-ofis', ref: String(count('ofi')) });
  }
  if (stage === 'defense') {
    const scored = new Map((work.defense?.rubric ?? []).map((r) => [r.criterionId, r.points]));
    for (const criterion of input.rubric) {
      const points = scored.get(criterion.id);
      if (points === undefined) problems.push({ code: 'rubric-missing', ref: criterion.id });
      else if (points > criterion.points) problems.push({ code: 'rubric-over', ref: criterion.id });
    }
  }
  for (const evidence of work.evidence) {
    if (evidence.itemIds.length === 0 && evidence.issueIds.length === 0) {
      problems.push({ code: 'evidence-unlinked', ref: evidence.id });
    }
  }
  return problems;
}

/** A timer event as stored, so a session survives the app closing: start or pause of one segment. */
export interface TimerEvent {
  readonly type: 'start' | 'pause';
  readonly segmentId: string;
  /** Milliseconds since the epoch, by the clock passed in. */
  readonly at: number;
}

export interface SegmentClock {
  readonly id: string;
  readonly plannedSeconds: number;
  readonly usedSeconds: number;
  /** Seconds left, negative once overrun. */
  readonly remainingSeconds: number;
  readonly overrun: boolean;
  readonly running: boolean;
}

/**
 * The defense timer from its events at time `now`: each segment's used seconds (a start runs until the next event
 * or now; starting a segment pauses the one running), the remaining seconds and whether it overran its minutes.
 */
export function segmentClocks(
  segments: readonly DefenseSegment[],
  events: readonly TimerEvent[],
  now: number,
): SegmentClock[] {
  const usedMs = new Map<string, number>();
  let running: { segmentId: string; since: number } | null = null;
  const stop = (at: number): void => {
    if (running === null) return;
    usedMs.set(running.segmentId, (usedMs.get(running.segmentId) ?? 0) + Math.max(0, at - running.since));
    running = null;
  };
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    stop(event.at);
    if (event.type === 'start') running = { segmentId: event.segmentId, since: event.at };
  }
  const current: string | null = running === null ? null : (running as { segmentId: string }).segmentId;
  stop(now);
  return segments.map((segment) => {
    const plannedSeconds = segment.minutes * 60;
    const usedSeconds = Math.floor((usedMs.get(segment.id) ?? 0) / 1000);
    const remainingSeconds = plannedSeconds - usedSeconds;
    return {
      id: segment.id,
      plannedSeconds,
      usedSeconds,
      remainingSeconds,
      overrun: remainingSeconds < 0,
      running: current === segment.id,
    };
  });
}
