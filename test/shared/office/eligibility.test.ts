import { describe, expect, it } from 'vitest';
import type { ApplicantRecord } from '../../../src-shared/office/applicant-schema';
import { checkEligibility } from '../../../src-shared/office/eligibility';
import type { EligibilityRule } from '../../../src-shared/office/eligibility-reasons';
import type { RegisterEntry } from '../../../src-shared/office/eligibility-register';
import type { RuleOutcome } from '../../../src-shared/office/eligibility-types';
import { DEADLINE, USCC_SHENZHEN, USCC_XINSHI, applicant, entry, incident, iso9001 } from './applicant-fixtures';

function report(record: ApplicantRecord, deadline = DEADLINE, register: readonly RegisterEntry[] = []) {
  const result = checkEligibility({ applicant: record, deadline, register });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function rule(
  record: ApplicantRecord,
  id: EligibilityRule,
  register: readonly RegisterEntry[] = [],
  deadline = DEADLINE,
): RuleOutcome {
  const found = report(record, deadline, register).rules.find((outcome) => outcome.rule === id);
  if (found === undefined) throw new Error(`no outcome for ${id}`);
  return found;
}

describe('checkEligibility: the report', () => {
  it('passes a clean applicant with one outcome per rule, each with its article', () => {
    const result = report(applicant());
    expect(result.verdict).toBe('pass');
    expect(result.deadline).toBe(DEADLINE);
    expect(result.rules.map((outcome) => [outcome.rule, outcome.article, outcome.status])).toEqual([
      ['location', '9 (2)', 'pass'],
      ['operation', '9 (2)', 'pass'],
      ['incidents', '9 (3)', 'pass'],
      ['export', '9 (3)', 'pass'],
      ['quality-management', '9 (4)', 'pass'],
      ['award-bar', '15', 'pass'],
      ['false-materials-ban', '18 ¶1', 'pass'],
      ['fraud-ban', '18 ¶2', 'pass'],
      ['accident-revocation', '18 ¶3', 'pass'],
    ]);
  });

  it('fails over needs-judgement, and needs-judgement over pass', () => {
    expect(report(applicant({ district: null })).verdict).toBe('needs-judgement');
    expect(report(applicant({ district: null, foundedOn: '2024-01-01' })).verdict).toBe('fail');
  });

  it('refuses a deadline that is not a date', () => {
    const result = checkEligibility({ applicant: applicant(), deadline: '2026-02-30', register: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('E_APPLICANT_DATE');
  });
});

describe('Art. 9 (2): established in Urumqi', () => {
  it('passes a district whose credit code is registered in Urumqi', () => {
    expect(rule(applicant(), 'location')).toMatchObject({
      status: 'pass',
      reason: 'location.in-urumqi',
      params: { district: 'midong', division: '650109' },
    });
  });

  it('asks for a judgement without a district, or with a code registered elsewhere', () => {
    expect(rule(applicant({ district: null }), 'location')).toMatchObject({
      status: 'needs-judgement',
      reason: 'location.unknown',
    });
    expect(rule(applicant({ uscc: USCC_SHENZHEN }), 'location')).toMatchObject({
      status: 'needs-judgement',
      reason: 'location.division-elsewhere',
      params: { division: '440300' },
    });
  });

  it('accepts a development zone', () => {
    expect(rule(applicant({ district: 'urumqi-hitech', uscc: USCC_XINSHI }), 'location').status).toBe('pass');
  });
});

describe('Art. 9 (2): years of operation', () => {
  it('passes exactly 5 years on the deadline day', () => {
    expect(rule(applicant({ foundedOn: '2021-03-10' }), 'operation')).toMatchObject({
      status: 'pass',
      reason: 'operation.enough',
      params: { years: 5, required: 5 },
    });
  });

  it('fails 4 years and 364 days, and says when 5 are reached', () => {
    expect(rule(applicant({ foundedOn: '2021-03-11' }), 'operation')).toMatchObject({
      status: 'fail',
      reason: 'operation.short',
      params: { years: 4, required: 5, enoughOn: '2026-03-11' },
    });
  });

  it('needs 3 years for a "four new" organisation', () => {
    expect(rule(applicant({ foundedOn: '2023-03-10', fourNew: true }), 'operation')).toMatchObject({
      status: 'pass',
      reason: 'operation.four-new',
      params: { years: 3, required: 3 },
    });
    expect(rule(applicant({ foundedOn: '2023-03-11', fourNew: true }), 'operation')).toMatchObject({
      status: 'fail',
      params: { years: 2, required: 3 },
    });
    expect(rule(applicant({ foundedOn: '2023-03-10', fourNew: false }), 'operation').status).toBe('fail');
  });

  it('takes 28 February as the anniversary of a 29 February founding', () => {
    expect(rule(applicant({ foundedOn: '2020-02-29' }), 'operation', [], '2025-02-28').status).toBe('pass');
    expect(rule(applicant({ foundedOn: '2020-02-29' }), 'operation', [], '2025-02-27').status).toBe('fail');
  });

  it('fails a founding after the deadline', () => {
    expect(rule(applicant({ foundedOn: '2026-04-01' }), 'operation')).toMatchObject({
      status: 'fail',
      params: { years: 0 },
    });
  });
});

describe('Art. 9 (3): incidents in the 3 years before the deadline', () => {
  it('fails an unrepaired incident exactly 3 years before the deadline', () => {
    expect(rule(applicant({ incidents: [incident('quality-accident', '2023-03-10')] }), 'incidents')).toMatchObject({
      status: 'fail',
      reason: 'incidents.unrepaired',
      params: { kind: 'quality-accident', date: '2023-03-10', count: 1 },
    });
  });

  it('ignores an incident 3 years and 1 day before the deadline, and one after it', () => {
    const record = applicant({
      incidents: [incident('safety-accident', '2023-03-09'), incident('safety-accident', '2026-03-11')],
    });
    expect(rule(record, 'incidents')).toMatchObject({
      status: 'pass',
      reason: 'incidents.none',
      params: { since: '2023-03-10' },
    });
  });

  it('passes a violation whose credit was repaired on or before the deadline', () => {
    for (const repaired of ['2025-01-01', DEADLINE]) {
      const record = applicant({ incidents: [incident('serious-violation', '2024-06-01', repaired)] });
      expect(rule(record, 'incidents')).toMatchObject({ status: 'pass', reason: 'incidents.violation-repaired' });
    }
  });

  it('fails a violation repaired after the deadline', () => {
    const record = applicant({ incidents: [incident('serious-violation', '2024-06-01', '2026-03-11')] });
    expect(rule(record, 'incidents')).toMatchObject({ status: 'fail', reason: 'incidents.unrepaired' });
  });

  it('asks for a judgement on a repaired accident or complaint (the exception stands in the violations clause)', () => {
    const record = applicant({ incidents: [incident('major-complaint', '2024-06-01', '2025-01-01')] });
    expect(rule(record, 'incidents')).toMatchObject({
      status: 'needs-judgement',
      reason: 'incidents.accident-repaired',
      params: { kind: 'major-complaint', repairedOn: '2025-01-01' },
    });
  });
});

describe('Art. 9 (3): export records', () => {
  it('passes exporters and non-exporters without records', () => {
    expect(rule(applicant({ exporter: true }), 'export')).toMatchObject({ status: 'pass', reason: 'export.none' });
    expect(rule(applicant(), 'export')).toMatchObject({ status: 'pass', reason: 'export.not-exporter' });
  });

  it('asks for a judgement on any record up to the deadline, since the text names no period', () => {
    const record = applicant({
      exporter: true,
      exportRecords: [
        { kind: 'return', date: '2018-05-01', note: null },
        { kind: 'official-notice', date: '2025-05-01', note: null },
        { kind: 'destruction', date: '2026-05-01', note: null },
      ],
    });
    expect(rule(record, 'export')).toMatchObject({
      status: 'needs-judgement',
      reason: 'export.records',
      params: { count: 2, recent: 1, kind: 'official-notice', date: '2025-05-01' },
    });
  });
});

describe('Art. 9 (4): quality management', () => {
  it('passes ISO 9001 in force for exactly 3 years, fails one day less', () => {
    expect(rule(applicant({ certifications: [iso9001('2023-03-10', null)] }), 'quality-management')).toMatchObject({
      status: 'pass',
      reason: 'quality.iso9001',
      params: { since: '2023-03-10', years: 3 },
    });
    expect(rule(applicant({ certifications: [iso9001('2023-03-11', null)] }), 'quality-management')).toMatchObject({
      status: 'fail',
      reason: 'quality.short',
      params: { kind: 'iso9001', since: '2023-03-11', enoughOn: '2026-03-11' },
    });
  });

  it('joins a renewal that starts the day after expiry', () => {
    const certifications = [
      iso9001('2020-01-01', '2022-12-31'),
      iso9001('2023-01-01', '2025-12-31'),
      iso9001('2026-01-01', null),
    ];
    expect(rule(applicant({ certifications }), 'quality-management')).toMatchObject({
      status: 'pass',
      params: { since: '2020-01-01', years: 6 },
    });
  });

  it('restarts the count after a gap of one day', () => {
    const renewed = (from: string) =>
      applicant({ certifications: [iso9001('2020-01-01', '2023-05-31'), iso9001(from, null)] });
    expect(rule(renewed('2023-06-01'), 'quality-management')).toMatchObject({
      status: 'pass',
      params: { since: '2020-01-01' },
    });
    expect(rule(renewed('2023-06-02'), 'quality-management')).toMatchObject({
      status: 'fail',
      reason: 'quality.short',
      params: { since: '2023-06-02', enoughOn: '2026-06-02' },
    });
  });

  it('fails a certificate that lapsed before the deadline', () => {
    expect(
      rule(applicant({ certifications: [iso9001('2015-01-01', '2026-03-09')] }), 'quality-management'),
    ).toMatchObject({
      status: 'fail',
      reason: 'quality.lapsed',
      params: { kind: 'iso9001', lastTo: '2026-03-09' },
    });
    expect(rule(applicant({ certifications: [iso9001('2015-01-01', DEADLINE)] }), 'quality-management').status).toBe(
      'pass',
    );
  });

  it('passes the excellence model applied for 1 year', () => {
    const excellence = (from: string) =>
      applicant({ certifications: [{ kind: 'excellence-model', label: null, from, to: null }] });
    expect(rule(excellence('2025-03-10'), 'quality-management')).toMatchObject({
      status: 'pass',
      reason: 'quality.excellence',
    });
    expect(rule(excellence('2025-03-11'), 'quality-management')).toMatchObject({
      status: 'fail',
      params: { kind: 'excellence-model', required: 1 },
    });
  });

  it('asks for a judgement on an own method or another management system', () => {
    const own = applicant({
      certifications: [{ kind: 'own-method', label: '六步质量法', from: '2025-12-01', to: null }],
    });
    expect(rule(own, 'quality-management')).toMatchObject({
      status: 'needs-judgement',
      reason: 'quality.own-method',
      params: { label: '六步质量法' },
    });
    const other = applicant({
      certifications: [{ kind: 'other-system', label: 'ISO 14001', from: '2020-01-01', to: null }],
    });
    expect(rule(other, 'quality-management')).toMatchObject({
      status: 'needs-judgement',
      reason: 'quality.other-system',
    });
  });

  it('fails without any certification or method', () => {
    expect(rule(applicant({ certifications: [] }), 'quality-management')).toMatchObject({
      status: 'fail',
      reason: 'quality.none',
    });
  });
});

describe('Art. 15 and 18: the register', () => {
  it('bars a Quality Award winner for 5 years, the last day included', () => {
    expect(rule(applicant(), 'award-bar', [entry('award', '2021-03-10')])).toMatchObject({
      status: 'fail',
      reason: 'register.barred',
      params: { kind: 'award', until: '2026-03-10' },
    });
    expect(rule(applicant(), 'award-bar', [entry('award', '2021-03-09')])).toMatchObject({
      status: 'pass',
      reason: 'register.expired',
    });
  });

  it('lets nomination winners apply again', () => {
    expect(rule(applicant(), 'award-bar', [entry('nomination', '2025-01-01')])).toMatchObject({
      status: 'pass',
      reason: 'register.nomination',
    });
  });

  it('ignores entries of other applicants', () => {
    expect(rule(applicant(), 'award-bar', [entry('award', '2025-01-01', USCC_XINSHI)]).status).toBe('pass');
  });

  it('refuses for 5 years after false materials and 10 after fraud', () => {
    expect(rule(applicant(), 'false-materials-ban', [entry('ban-false-materials', '2021-03-10')]).status).toBe('fail');
    expect(rule(applicant(), 'false-materials-ban', [entry('ban-false-materials', '2021-03-09')]).status).toBe('pass');
    expect(rule(applicant(), 'fraud-ban', [entry('revoked-fraud', '2016-03-10')])).toMatchObject({
      status: 'fail',
      params: { until: '2026-03-10' },
    });
    expect(rule(applicant(), 'fraud-ban', [entry('revoked-fraud', '2016-03-09')]).status).toBe('pass');
  });

  it('asks for a judgement on a revocation for an accident, and on entries after the deadline', () => {
    expect(rule(applicant(), 'accident-revocation', [entry('revoked-accident', '2012-01-01')])).toMatchObject({
      status: 'needs-judgement',
      reason: 'register.accident-revoked',
    });
    expect(rule(applicant(), 'false-materials-ban', [entry('ban-false-materials', '2026-04-01')])).toMatchObject({
      status: 'needs-judgement',
      reason: 'register.after-deadline',
    });
  });
});
