import { describe, expect, it } from 'vitest';
import {
  summariseEligibility,
  tallyRules,
  tallyVerdicts,
  type EligibilitySummary,
} from '../../../../../src-renderer/features/office/applicants/eligibility-summary';
import { DEADLINE, applicant, entry } from '../../../../shared/office/applicant-fixtures';

/** An exporter with a return on record: the export rule needs the office's judgement (Art. 9 (3)). */
const exporter = applicant({ exporter: true, exportRecords: [{ kind: 'return', date: '2024-02-01', note: null }] });

function summary(...args: Parameters<typeof summariseEligibility>): EligibilitySummary {
  const result = summariseEligibility(...args);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('summariseEligibility', () => {
  it('leaves a rule open until the office judges it, then counts the judgement', () => {
    const open = summary({ record: exporter, judgements: [] }, DEADLINE, []);
    expect(open.verdict).toBe('needs-judgement');
    expect(open.counts).toEqual({ pass: 8, fail: 0, 'needs-judgement': 1 });

    const passed = summary(
      { record: exporter, judgements: [{ rule: 'export', outcome: 'pass', note: '非质量原因' }] },
      DEADLINE,
      [],
    );
    expect(passed.verdict).toBe('pass');
    expect(passed.counts).toEqual({ pass: 9, fail: 0, 'needs-judgement': 0 });
    expect(passed.judged).toBe(1);
    expect(passed.outcomes.find((o) => o.rule === 'export')).toMatchObject({
      status: 'needs-judgement',
      effective: 'pass',
      judgement: { note: '非质量原因' },
    });

    const failed = summary(
      { record: exporter, judgements: [{ rule: 'export', outcome: 'fail', note: '质量原因退运' }] },
      DEADLINE,
      [],
    );
    expect(failed.verdict).toBe('fail');
  });

  it('gives a judgement no effect on a rule the check decides by itself', () => {
    const tooYoung = applicant({ foundedOn: '2024-01-01' });
    const judged = summary(
      { record: tooYoung, judgements: [{ rule: 'operation', outcome: 'pass', note: '旧的研判' }] },
      DEADLINE,
      [],
    );
    expect(judged.verdict).toBe('fail');
    expect(judged.judged).toBe(0);
    expect(judged.outcomes.find((o) => o.rule === 'operation')).toMatchObject({
      effective: 'fail',
      judgement: undefined,
    });
  });

  it('reads the register it is given (Art. 15)', () => {
    const barred = summary({ record: applicant(), judgements: [] }, DEADLINE, [entry('award', '2023-01-01')]);
    expect(barred.outcomes.find((o) => o.rule === 'award-bar')?.effective).toBe('fail');
  });

  it('answers an error value for a deadline that is not a date', () => {
    expect(summariseEligibility({ record: applicant(), judgements: [] }, '2026-02-30', [])).toMatchObject({
      ok: false,
      error: { code: 'E_APPLICANT_DATE' },
    });
  });
});

describe('the overview tallies', () => {
  it('counts applicants per rule and per overall verdict', () => {
    const summaries = [
      summary({ record: applicant(), judgements: [] }, DEADLINE, []),
      summary({ record: exporter, judgements: [] }, DEADLINE, []),
      summary({ record: applicant({ foundedOn: '2024-01-01' }), judgements: [] }, DEADLINE, []),
    ];
    expect(tallyVerdicts(summaries)).toEqual({ pass: 1, fail: 1, 'needs-judgement': 1 });
    const tallies = tallyRules(summaries);
    expect(tallies).toHaveLength(9);
    expect(tallies.find((t) => t.rule === 'export')?.counts).toEqual({ pass: 2, fail: 0, 'needs-judgement': 1 });
    expect(tallies.find((t) => t.rule === 'operation')?.counts).toEqual({ pass: 2, fail: 1, 'needs-judgement': 0 });
  });
});
