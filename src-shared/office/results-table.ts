import type { Stage } from '../assignments/assignment-schema';
import type { CycleResults } from './cycle-results';
import type { Recommendation } from './office-schemas';
import type { Ranked } from './ranking';

/** The words of the exported table, in the language the office exports in (the renderer passes its messages). */
export interface ResultsTableLabels {
  readonly rank: string;
  /** Written in the tie column of tied applicants (并列). */
  readonly tied: string;
  readonly tieColumn: string;
  readonly applicant: string;
  readonly combined: string;
  readonly stageTotal: (stage: Stage) => string;
  readonly stageRank: (stage: Stage) => string;
  readonly recommendation: string;
  readonly qualityAward: string;
  readonly nomination: string;
  /** In the rank column of an applicant left out of the combined ranking. */
  readonly notRanked: string;
  readonly note: string;
  /** The note of an unranked applicant: the weighted stages it has no total for. */
  readonly missingStages: (stages: readonly Stage[]) => string;
}

/** Hundredths of a point as points with exactly two decimals (51250 → "512.50"), as the award's tables print them. */
export function pointsText(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, or a tab or CR first) gets a leading apostrophe,
 * so an applicant's name can never run as a formula when the exported file is opened (CSV/formula injection).
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The cycle's results as rows of text for CSV and XLSX export: a header, then the combined ranking (rank, the tie
 * flag, name, combined total, each stage's total and rank, the proposed award), then the applicants the combined
 * ranking leaves out, with the stages they lack. The numbers are the ones cycleResults computed; nothing is
 * recomputed here. Stage columns follow the settings' order of stages in `results`.
 */
export function resultsTableRows(
  results: CycleResults,
  names: ReadonlyMap<string, string>,
  recommendation: Recommendation | null,
  labels: ResultsTableLabels,
): string[][] {
  const stages = results.stages.map((s) => s.stage);
  const header = [
    labels.rank,
    labels.tieColumn,
    labels.applicant,
    labels.combined,
    ...stages.flatMap((stage) => [labels.stageTotal(stage), labels.stageRank(stage)]),
    labels.recommendation,
    labels.note,
  ];
  const stageRanks = new Map(results.stages.map((s) => [s.stage, new Map(s.ranking.map((r) => [r.applicantId, r]))]));
  const stageTotals = new Map(
    results.stages.map((s) => [s.stage, new Map(s.results.map((r) => [r.applicantId, r.hundredths]))]),
  );
  const award = (applicantId: string): string =>
    recommendation?.qualityAward.includes(applicantId) === true
      ? labels.qualityAward
      : recommendation?.nomination.includes(applicantId) === true
        ? labels.nomination
        : '';
  const stageCells = (applicantId: string): string[] =>
    stages.flatMap((stage) => {
      const total = stageTotals.get(stage)?.get(applicantId) ?? null;
      const ranked = stageRanks.get(stage)?.get(applicantId);
      return [total === null ? '' : pointsText(total), ranked === undefined ? '' : rankText(ranked, labels)];
    });
  const name = (applicantId: string): string => safeText(names.get(applicantId) ?? applicantId);
  const ranked = results.combined.ranking.map((entry) => [
    String(entry.rank),
    entry.tied ? labels.tied : '',
    name(entry.applicantId),
    pointsText(entry.hundredths),
    ...stageCells(entry.applicantId),
    award(entry.applicantId),
    '',
  ]);
  const unranked = results.combined.unranked.map((entry) => [
    labels.notRanked,
    '',
    name(entry.applicantId),
    '',
    ...stageCells(entry.applicantId),
    award(entry.applicantId),
    safeText(labels.missingStages(entry.missingStages)),
  ]);
  return [header, ...ranked, ...unranked];
}

function rankText(ranked: Ranked, labels: ResultsTableLabels): string {
  return ranked.tied ? `${ranked.rank} ${labels.tied}` : String(ranked.rank);
}
