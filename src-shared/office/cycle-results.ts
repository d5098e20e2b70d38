import type { Stage } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import type { StageAggregation } from './aggregate-stage';
import type { StageCombination } from './cycle-settings';
import type { ConsensusRecord, ResultsSettings } from './office-schemas';
import { advanceList, rankByTotal, type AdvanceList, type Ranked } from './ranking';
import { combineStages, stageResult, type CombinedEntry, type StageResult, type Unranked } from './stage-results';

/** One stage of a cycle: every applicant's result, the ranking of those with a total, and the advance list. */
export interface StageRanking {
  readonly stage: Stage;
  readonly combination: StageCombination;
  /** In the order of the aggregations passed in. */
  readonly results: readonly StageResult[];
  readonly ranking: readonly Ranked[];
  /** Applicants of the stage without a total (items missing; see `results` for which and why). */
  readonly unranked: readonly string[];
  /** Null when the stage has no advance rule. */
  readonly advance: AdvanceList | null;
}

export interface CycleResults {
  /** In the order of `settings.stages`. */
  readonly stages: readonly StageRanking[];
  readonly combined: {
    readonly entries: readonly CombinedEntry[];
    readonly ranking: readonly Ranked[];
    readonly unranked: readonly Unranked[];
  };
}

/**
 * A cycle's results end to end (issue 4 item 9): each aggregation becomes a stage result under its
 * stage's combination (the matching consensus record for 'consensus'), each stage is ranked and its
 * advance rule applied, and the stages are combined by weight and ranked. Consensus records must have
 * passed validateConsensus; a record for an applicant and stage without an aggregation is ignored.
 * Fails with E_BAD_REQUEST for an aggregation of a stage the settings do not list, and as
 * combineStages fails.
 */
export function cycleResults(
  criteria: Criteria,
  aggregations: readonly StageAggregation[],
  consensus: readonly ConsensusRecord[],
  settings: ResultsSettings,
): Result<CycleResults> {
  const key = (applicantId: string, stage: Stage): string => `${stage}\u0000${applicantId}`;
  const records = new Map(consensus.map((record) => [key(record.applicantId, record.stage), record]));
  const byStage = new Map<Stage, StageResult[]>(settings.stages.map((s) => [s.stage, []]));
  for (const aggregation of aggregations) {
    const list = byStage.get(aggregation.stage);
    const stageSettings = settings.stages.find((s) => s.stage === aggregation.stage);
    if (list === undefined || stageSettings === undefined) {
      const detail = `the cycle's settings have no stage ${aggregation.stage}`;
      return fail('E_BAD_REQUEST', detail, { stage: aggregation.stage, detail });
    }
    const record = records.get(key(aggregation.applicantId, aggregation.stage)) ?? null;
    list.push(stageResult(criteria, aggregation, stageSettings.combination, record));
  }
  const stages = settings.stages.map((s): StageRanking => {
    const results = byStage.get(s.stage) ?? [];
    const ranking = rankByTotal(
      results.flatMap((r) => (r.hundredths === null ? [] : [{ applicantId: r.applicantId, hundredths: r.hundredths }])),
    );
    return {
      stage: s.stage,
      combination: s.combination,
      results,
      ranking,
      unranked: results.filter((r) => r.hundredths === null).map((r) => r.applicantId),
      advance: s.advance === null ? null : advanceList(ranking, s.advance),
    };
  });
  const combined = combineStages(
    stages.flatMap((s) => s.results),
    settings.stages,
  );
  if (!combined.ok) return combined;
  return ok({
    stages,
    combined: {
      entries: combined.value.entries,
      ranking: rankByTotal(combined.value.entries),
      unranked: combined.value.unranked,
    },
  });
}
