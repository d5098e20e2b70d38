import { fail, ok, type Result } from '../contract/result';
import { addYears, isIsoDate, wholeYearsBetween } from './applicant-dates';
import type { ApplicantRecord } from './applicant-schema';
import { qualityManagementVerdict } from './eligibility-quality';
import { RULE_TITLES, eligibilityRules, type EligibilityRule } from './eligibility-reasons';
import type { RegisterEntry, RegisterEntryKind } from './eligibility-register';
import type { EligibilityReport, RuleOutcome, RuleStatus, RuleVerdict } from './eligibility-types';
import { URUMQI_DIVISION_PREFIX } from './urumqi-districts';

/**
 * The eligibility check of Art. 9 and the register bans of Art. 15 and 18 of the Measures
 * (seeds/urumqi-quality-award-measures-2025.txt), with the cycle's application deadline as the reference date of
 * every rule. Pure: the same record, deadline and register always give the same report.
 *
 * Periods follow the Civil Code, which the Measures do not override: a period in years ends on the corresponding
 * day, or the month's last day when there is none (《民法典》 Art. 201–202, see applicant-dates.ts), and "以上" /
 * "以内" include the number itself (Art. 1259). So 5 years from 2021-03-10 are complete on 2026-03-10, and a ban of
 * 5 years decided on 2021-03-10 still covers 2026-03-10.
 *
 * Not checked, because no record can show them: Art. 9 (1) (supporting the Party's and the state's line) and the
 * "积极履行社会责任" part of Art. 9 (3); the district review of Art. 11 (2) covers them.
 */

export interface EligibilityInput {
  readonly applicant: ApplicantRecord;
  /** The cycle's application deadline (YYYY-MM-DD). */
  readonly deadline: string;
  /** The register; entries of other applicants are ignored. */
  readonly register: readonly RegisterEntry[];
}

/**
 * Art. 9 (2) "在乌鲁木齐市行政区域内依法设立". A district or zone of the city → pass, when the credit code's
 * registration division (positions 3–8, GB 32100-2015 clause 4) is in Urumqi too; a division elsewhere or no
 * district → a person checks the business licence.
 */
function location(record: ApplicantRecord): RuleVerdict {
  if (record.district === null) return { status: 'needs-judgement', reason: 'location.unknown', params: {} };
  const division = record.uscc.slice(2, 8);
  const params = { district: record.district, division };
  return division.startsWith(URUMQI_DIVISION_PREFIX)
    ? { status: 'pass', reason: 'location.in-urumqi', params }
    : { status: 'needs-judgement', reason: 'location.division-elsewhere', params };
}

/**
 * Art. 9 (2) "正常运营5年以上，新技术、新产业、新业态、新模式领域的组织正常运营3年以上". Counted in whole years from the
 * founding date to the deadline; the founding date stands for the start of operation.
 */
function operation(record: ApplicantRecord, deadline: string): RuleVerdict {
  const years = wholeYearsBetween(record.foundedOn, deadline);
  const required = record.fourNew ? 3 : 5;
  const base = { foundedOn: record.foundedOn, years: Math.max(years, 0), required };
  if (years >= 5) return { status: 'pass', reason: 'operation.enough', params: base };
  if (years >= required) return { status: 'pass', reason: 'operation.four-new', params: base };
  return {
    status: 'fail',
    reason: 'operation.short',
    params: { ...base, enoughOn: addYears(record.foundedOn, required) },
  };
}

/**
 * Art. 9 (3) "近3年所在组织无重大质量、安全、环境污染等事故、无因企业责任导致的客户、员工、供方、合作伙伴和社会对其的
 * 重大投诉，无其他较大及以上违法违规不良记录（至申报截止日期之前已完成信用修复的除外）".
 * - "近3年": the 3 years up to the deadline, both ends included (from addYears(deadline, −3)); the first day is
 *   included on purpose — a reading that errs towards asking is safer than one that errs towards passing.
 *   Incidents after the deadline are not this rule's business (Art. 13 objections handle them).
 * - "至申报截止日期之前已完成信用修复": repaired on or before the deadline day (the deadline day is still within
 *   the application period).
 * - The exception stands in the violations clause: a repaired violation passes; a repaired accident or complaint
 *   needs a judgement, since the text does not say the exception reaches them.
 */
function incidents(record: ApplicantRecord, deadline: string): RuleVerdict {
  const since = addYears(deadline, -3);
  const recent = record.incidents
    .filter((incident) => incident.date >= since && incident.date <= deadline)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const repaired = (date: string | null) => date !== null && date <= deadline;
  const unrepaired = recent.find((incident) => !repaired(incident.creditRepairedOn));
  if (unrepaired !== undefined) {
    return {
      status: 'fail',
      reason: 'incidents.unrepaired',
      params: { kind: unrepaired.kind, date: unrepaired.date, count: recent.length },
    };
  }
  const judged = recent.find((incident) => incident.kind !== 'serious-violation');
  if (judged !== undefined) {
    return {
      status: 'needs-judgement',
      reason: 'incidents.accident-repaired',
      params: { kind: judged.kind, date: judged.date, repairedOn: judged.creditRepairedOn ?? '' },
    };
  }
  if (recent.length > 0)
    return { status: 'pass', reason: 'incidents.violation-repaired', params: { count: recent.length } };
  return { status: 'pass', reason: 'incidents.none', params: { since } };
}

/**
 * Art. 9 (3) "出口企业未发生因产品质量安全原因引发的退运、销毁或官方通报". This sentence follows the one that says
 * "近3年" but names no period itself, so any such record up to the deadline needs a judgement (with how many fall in
 * the last 3 years, for the person judging). A record counts even when the exporter flag is off: the record itself
 * shows the organisation exported.
 */
function exportRecords(record: ApplicantRecord, deadline: string): RuleVerdict {
  const since = addYears(deadline, -3);
  const records = record.exportRecords
    .filter((entry) => entry.date <= deadline)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const latest = records[0];
  if (latest === undefined) {
    return record.exporter
      ? { status: 'pass', reason: 'export.none', params: {} }
      : { status: 'pass', reason: 'export.not-exporter', params: {} };
  }
  const recent = records.filter((entry) => entry.date >= since).length;
  return {
    status: 'needs-judgement',
    reason: 'export.records',
    params: { count: records.length, kind: latest.kind, date: latest.date, recent },
  };
}

/**
 * A register bar of `years` years from the decision (Art. 15: "获奖后5年内不得重复申报"; Art. 18 ¶1: "5年内不予受理其
 * 申报"; Art. 18 ¶2: "10年内不予受理其申报"). Fails while the deadline is on or before the bar's last day;
 * an entry dated after the deadline needs a judgement.
 */
function registerBar(
  entries: readonly RegisterEntry[],
  kind: RegisterEntryKind,
  years: number,
  deadline: string,
): RuleVerdict {
  const own = entries.filter((entry) => entry.kind === kind).sort((a, b) => (a.date < b.date ? 1 : -1));
  const before = own.filter((entry) => entry.date <= deadline);
  const latest = before[0];
  if (latest !== undefined) {
    const until = addYears(latest.date, years);
    const params = { kind, date: latest.date, until };
    if (deadline <= until) return { status: 'fail', reason: 'register.barred', params };
  }
  const after = own.find((entry) => entry.date > deadline);
  if (after !== undefined) {
    return { status: 'needs-judgement', reason: 'register.after-deadline', params: { kind, date: after.date } };
  }
  if (latest !== undefined) {
    return {
      status: 'pass',
      reason: 'register.expired',
      params: { kind, date: latest.date, until: addYears(latest.date, years) },
    };
  }
  return { status: 'pass', reason: 'register.none', params: {} };
}

/** Art. 15: "质量奖获奖组织在获奖后5年内不得重复申报，质量奖提名奖获奖组织可以重复申报". */
function awardBar(entries: readonly RegisterEntry[], deadline: string): RuleVerdict {
  const verdict = registerBar(entries, 'award', 5, deadline);
  if (verdict.reason !== 'register.none') return verdict;
  const nomination = entries
    .filter((entry) => entry.kind === 'nomination' && entry.date <= deadline)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  return nomination === undefined
    ? verdict
    : { status: 'pass', reason: 'register.nomination', params: { date: nomination.date } };
}

/**
 * Art. 18 ¶3: "获奖组织自获奖之日起5年内发生重大质量、安全、环保等事故……取消其奖励，收回证书、奖牌，并依法向社会公开。"
 * No period of exclusion is stated, so a revocation on the register needs a judgement, however old.
 */
function accidentRevocation(entries: readonly RegisterEntry[]): RuleVerdict {
  const latest = entries
    .filter((entry) => entry.kind === 'revoked-accident')
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  return latest === undefined
    ? { status: 'pass', reason: 'register.none', params: {} }
    : { status: 'needs-judgement', reason: 'register.accident-revoked', params: { date: latest.date } };
}

function overall(statuses: readonly RuleStatus[]): RuleStatus {
  if (statuses.includes('fail')) return 'fail';
  return statuses.includes('needs-judgement') ? 'needs-judgement' : 'pass';
}

/**
 * Checks one applicant: one outcome per rule (pass / fail / needs-judgement, a reason key and its params) and the
 * overall verdict. Fails with E_APPLICANT_DATE only when the deadline is not a date.
 */
export function checkEligibility(input: EligibilityInput): Result<EligibilityReport> {
  const { applicant, deadline } = input;
  if (!isIsoDate(deadline)) {
    return fail('E_APPLICANT_DATE', `deadline ${deadline} is not a date`, {
      field: '申报截止日期',
      fieldEn: 'deadline',
      value: deadline,
    });
  }
  const entries = input.register.filter((entry) => entry.uscc === applicant.uscc);
  const verdicts: Readonly<Record<EligibilityRule, RuleVerdict>> = {
    location: location(applicant),
    operation: operation(applicant, deadline),
    incidents: incidents(applicant, deadline),
    export: exportRecords(applicant, deadline),
    'quality-management': qualityManagementVerdict(applicant, deadline),
    'award-bar': awardBar(entries, deadline),
    'false-materials-ban': registerBar(entries, 'ban-false-materials', 5, deadline),
    'fraud-ban': registerBar(entries, 'revoked-fraud', 10, deadline),
    'accident-revocation': accidentRevocation(entries),
  };
  const rules: RuleOutcome[] = eligibilityRules.map((rule) => ({
    rule,
    article: RULE_TITLES[rule].article,
    ...verdicts[rule],
  }));
  return ok({ deadline, verdict: overall(rules.map((rule) => rule.status)), rules });
}
