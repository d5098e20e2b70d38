import type { DefenseSegment, RubricCriterion, StageSetup } from '../../../src-shared/stages/stage-setup';

/**
 * The rules of editing a cycle's stage setup (issue 5) as the settings form applies them: moving entries, MiB, the
 * problems shown before saving (the shared schema decides again on save), and the English name falling back to the
 * Chinese one, as the cycle's own name does.
 */

export const MiB = 1024 * 1024;
export const evidenceMiBRange = { min: 1, max: 64 } as const;
export const segmentLimits = { min: 1, max: 10, minutes: { min: 1, max: 240 } } as const;
export const rubricLimits = { max: 20, points: { min: 1, max: 1000 } } as const;

/** The list with the entry at `index` moved by `delta` (−1 up, +1 down); unchanged at either end. */
export function moveEntry<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const entry = list[index];
  const other = list[target];
  if (entry === undefined || other === undefined) return [...list];
  const next = [...list];
  next[index] = other;
  next[target] = entry;
  return next;
}

/** The limit in MiB as shown (at most two decimals: a cycle may have been set in bytes). */
export function mibOf(bytes: number): number {
  return Math.round((bytes / MiB) * 100) / 100;
}

export function bytesOfMib(mib: number): number {
  return Math.round(mib * MiB);
}

export function rubricTotal(rubric: readonly RubricCriterion[]): number {
  return rubric.reduce((sum, criterion) => sum + criterion.points, 0);
}

export function plannedMinutes(segments: readonly DefenseSegment[]): number {
  return segments.reduce((sum, segment) => sum + segment.minutes, 0);
}

export type SetupProblemKind = 'segmentName' | 'segmentMinutes' | 'segmentCount' | 'rubricName' | 'rubricPoints';

/** A problem of the stage setup: which kind, and the 1-based position of the entry (0 for the whole list). */
export interface SetupProblem {
  readonly kind: SetupProblemKind | 'evidenceLimit';
  readonly n: number;
}

const within = (value: number, range: { readonly min: number; readonly max: number }): boolean =>
  Number.isInteger(value) && value >= range.min && value <= range.max;

/** What keeps the stage setup from being saved, in the form's order. */
export function stageSetupProblems(setup: StageSetup): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const { defenseSegments: segments, defenseRubric: rubric } = setup;
  if (segments.length < segmentLimits.min || segments.length > segmentLimits.max) {
    problems.push({ kind: 'segmentCount', n: 0 });
  }
  segments.forEach((segment, index) => {
    if (segment.name['zh-CN'].trim() === '') problems.push({ kind: 'segmentName', n: index + 1 });
    if (!within(segment.minutes, segmentLimits.minutes)) problems.push({ kind: 'segmentMinutes', n: index + 1 });
  });
  rubric.forEach((criterion, index) => {
    if (criterion.name['zh-CN'].trim() === '') problems.push({ kind: 'rubricName', n: index + 1 });
    if (!within(criterion.points, rubricLimits.points)) problems.push({ kind: 'rubricPoints', n: index + 1 });
  });
  const limit = setup.evidenceMaxBytes;
  if (
    !Number.isInteger(limit) ||
    limit < bytesOfMib(evidenceMiBRange.min) ||
    limit > bytesOfMib(evidenceMiBRange.max)
  ) {
    problems.push({ kind: 'evidenceLimit', n: 0 });
  }
  return problems;
}

/** Names trimmed, a blank English name filled from the Chinese one (the schema needs both). */
export function normaliseStageSetup(setup: StageSetup): StageSetup {
  const name = (text: DefenseSegment['name']): DefenseSegment['name'] => {
    const zh = text['zh-CN'].trim();
    const en = text.en.trim();
    return { 'zh-CN': zh, en: en === '' ? zh : en };
  };
  return {
    defenseSegments: setup.defenseSegments.map((segment) => ({ ...segment, name: name(segment.name) })),
    defenseRubric: setup.defenseRubric.map((criterion) => ({ ...criterion, name: name(criterion.name) })),
    evidenceMaxBytes: setup.evidenceMaxBytes,
  };
}
