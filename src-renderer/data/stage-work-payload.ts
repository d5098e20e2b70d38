import type { Stage } from '../../src-shared/assignments/assignment-schema';
import { checkStageWork, itemChanges, segmentClocks, type StageProblem } from '../../src-shared/stages/stage-rules';
import type { StageSetup } from '../../src-shared/stages/stage-setup';
import { emptyStageWork, type IssueToVerify, type StageWork } from '../../src-shared/stages/stage-work';
import type { StageWorkRow } from './stage-rows';

/**
 * The signed `work` of a sheet, built from its stage-work row as the expert left it (issue 5 item 6). Pure: the
 * submit page passes the row, the current percents, the cycle's stage setup and the clock. Rows the expert added
 * and never filled (a blank issue, question, interview, document or theme) are dropped rather than signed.
 */

/** A problem only the expert's drafts can have: an issue with text that names no item cannot be signed. */
export interface DraftProblem {
  readonly code: 'issue-items-missing';
  readonly ref: string;
}

export type SubmitStageProblem = StageProblem | DraftProblem;

export interface StageWorkInput {
  readonly stage: Stage;
  /** Absent for a sheet created before stage work existed: nothing carried, nothing recorded. */
  readonly row: StageWorkRow | undefined;
  /** The criteria's item ids in order. */
  readonly itemIds: readonly string[];
  readonly percents: ReadonlyMap<string, number | null>;
  readonly setup: StageSetup;
  /** Milliseconds since the epoch: a segment still running counts until now. */
  readonly now: number;
}

const blank = (...texts: readonly string[]): boolean => texts.every((text) => text.trim() === '');

/** Longest a segment may report (the schema's cap): a timer left running for days is still signable. */
const maxSegmentSeconds = 86_400;

export function buildStageWork(input: StageWorkInput): { work: StageWork; problems: SubmitStageProblem[] } {
  const { stage, row, setup } = input;
  if (row === undefined) {
    const work = emptyStageWork(stage, null);
    return { work, problems: checkStageWork({ stage, work, rubric: stage === 'defense' ? setup.defenseRubric : [] }) };
  }
  const reasons = new Map(Object.entries(row.reasons).map(([itemId, reason]) => [itemId, reason.trim()]));
  const changes =
    row.seededFrom === null
      ? []
      : itemChanges({
          fromStage: row.seededFrom,
          itemIds: input.itemIds,
          carried: new Map(Object.entries(row.carried)),
          current: input.percents,
          reasons,
        });
  const written = row.issues.filter((issue) => !blank(issue.text));
  const draftProblems: DraftProblem[] = written
    .filter((issue) => issue.itemIds.length === 0)
    .map((issue) => ({ code: 'issue-items-missing', ref: issue.id }));
  const issues: IssueToVerify[] = written.filter((issue) => issue.itemIds.length > 0);
  const defense =
    stage !== 'defense'
      ? null
      : {
          segments: segmentClocks(setup.defenseSegments, row.timer, input.now).map((clock, index) => ({
            id: clock.id,
            plannedMinutes: setup.defenseSegments[index]?.minutes ?? Math.ceil(clock.plannedSeconds / 60),
            usedSeconds: Math.min(clock.usedSeconds, maxSegmentSeconds),
          })),
          questions: (row.defense?.questions ?? []).filter((q) => !blank(q.question, q.answer)),
          rubric: row.defense?.rubric ?? [],
        };
  const site =
    stage !== 'site'
      ? null
      : {
          interviews: (row.site?.interviews ?? []).filter((i) => !blank(i.role, i.topics, i.findings)),
          documents: (row.site?.documents ?? []).filter((d) => !blank(d.title, d.number)),
          themes: (row.site?.themes ?? []).filter((theme) => !blank(theme.text)),
        };
  const work: StageWork = { seededFrom: row.seededFrom, changes, issues, defense, site, evidence: row.evidence };
  const rubric = stage === 'defense' ? setup.defenseRubric : [];
  return { work, problems: [...checkStageWork({ stage, work, rubric }), ...draftProblems] };
}
