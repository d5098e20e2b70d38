import type { Result } from '../../../../src-shared/contract/result';
import { checkEligibility } from '../../../../src-shared/office/eligibility';
import type { RegisterEntry } from '../../../../src-shared/office/eligibility-register';
import { eligibilityRules, type EligibilityRule } from '../../../../src-shared/office/eligibility-reasons';
import type { RuleOutcome, RuleStatus } from '../../../../src-shared/office/eligibility-types';
import type { ApplicantJudgement } from '../../../data/office-applicant-repository';
import type { OfficeApplicantRow } from '../../../data/office-rows';

/**
 * The eligibility check with the office's judgements applied. A judgement settles only a rule the check leaves to
 * a person (needs-judgement); on a rule that passes or fails by itself — because the record changed since — it is
 * kept but has no effect, so a later edit can never turn a failed rule into a pass by an old note.
 */

export interface JudgedOutcome extends RuleOutcome {
  /** The office's judgement, when this rule needs one and it was recorded. */
  readonly judgement: ApplicantJudgement | undefined;
  /** The status that counts: the judgement's outcome for a judged rule, the check's status otherwise. */
  readonly effective: RuleStatus;
}

export type StatusCounts = Readonly<Record<RuleStatus, number>>;

export interface EligibilitySummary {
  readonly deadline: string;
  readonly outcomes: readonly JudgedOutcome[];
  /** fail if any rule fails after judgement; needs-judgement while any rule is still open; pass otherwise. */
  readonly verdict: RuleStatus;
  readonly counts: StatusCounts;
  /** How many rules were settled by a judgement. */
  readonly judged: number;
}

function countStatuses(statuses: readonly RuleStatus[]): StatusCounts {
  const counts = { pass: 0, fail: 0, 'needs-judgement': 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

export function summariseEligibility(
  row: Pick<OfficeApplicantRow, 'record' | 'judgements'>,
  deadline: string,
  register: readonly RegisterEntry[],
): Result<EligibilitySummary> {
  const checked = checkEligibility({ applicant: row.record, deadline, register });
  if (!checked.ok) return checked;
  const outcomes = checked.value.rules.map((outcome): JudgedOutcome => {
    const judgement =
      outcome.status === 'needs-judgement' ? row.judgements.find((j) => j.rule === outcome.rule) : undefined;
    return { ...outcome, judgement, effective: judgement?.outcome ?? outcome.status };
  });
  const counts = countStatuses(outcomes.map((o) => o.effective));
  const verdict: RuleStatus = counts.fail > 0 ? 'fail' : counts['needs-judgement'] > 0 ? 'needs-judgement' : 'pass';
  return {
    ok: true,
    value: {
      deadline: checked.value.deadline,
      outcomes,
      verdict,
      counts,
      judged: outcomes.filter((o) => o.judgement !== undefined).length,
    },
  };
}

export interface RuleTally {
  readonly rule: EligibilityRule;
  readonly counts: StatusCounts;
}

/** Per rule, how many applicants pass, fail or still need a judgement: the data of the overview chart. */
export function tallyRules(summaries: readonly EligibilitySummary[]): RuleTally[] {
  return eligibilityRules.map((rule) => ({
    rule,
    counts: countStatuses(
      summaries.flatMap((summary) => summary.outcomes.filter((o) => o.rule === rule).map((o) => o.effective)),
    ),
  }));
}

/** How many applicants have each overall verdict. */
export function tallyVerdicts(summaries: readonly EligibilitySummary[]): StatusCounts {
  return countStatuses(summaries.map((summary) => summary.verdict));
}
