import type { ErrorParams } from '../contract/result';
import type { EligibilityReason, EligibilityRule } from './eligibility-reasons';

/**
 * The shapes of the eligibility check (eligibility.ts). A rule passes, fails, or needs a person's judgement — the
 * Measures leave some questions to the office (Art. 11 (3) "资格审查"), and the check says so rather than guess.
 */
export type RuleStatus = 'pass' | 'fail' | 'needs-judgement';

/** What one rule found: the reason key selects the zh-CN and en words (eligibility-reasons.ts), params fill them. */
export interface RuleVerdict {
  readonly status: RuleStatus;
  readonly reason: EligibilityReason;
  readonly params: ErrorParams;
}

export interface RuleOutcome extends RuleVerdict {
  readonly rule: EligibilityRule;
  /** The article of the Measures, e.g. "9 (2)". */
  readonly article: string;
}

export interface EligibilityReport {
  /** The reference date of every rule: the cycle's application deadline. */
  readonly deadline: string;
  /** fail if any rule fails; otherwise needs-judgement if any rule does; otherwise pass. */
  readonly verdict: RuleStatus;
  /** One outcome per rule, in the order of `eligibilityRules`. */
  readonly rules: readonly RuleOutcome[];
}
