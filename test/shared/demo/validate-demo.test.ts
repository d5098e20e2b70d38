import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignmentBundle } from '../../../src-shared/assignments/assignment-schema';
import type { AppError, Result } from '../../../src-shared/contract/result';
import { GBT19580_2012_CATEGORY_IDS, parseDemoBundle } from '../../../src-shared/demo/validate-demo';
import { USCC_CHARSET, validateUscc } from '../../../src-shared/office/uscc';

const shippedUrl = new URL('../../../resources/demo/demo-cycle.json', import.meta.url);
const shippedRaw: unknown = JSON.parse(readFileSync(shippedUrl, 'utf8'));

/** A fresh, mutable copy of the shipped bundle (the shape is checked by the first test). */
function shipped(): AssignmentBundle {
  return structuredClone(shippedRaw) as AssignmentBundle;
}

function applicantAt(bundle: AssignmentBundle, index: number): AssignmentBundle['applicants'][number] {
  const applicant = bundle.applicants[index];
  if (applicant === undefined) throw new Error(`the shipped demo has no applicant ${index}`);
  return applicant;
}

function expectInvalid(result: Result<AssignmentBundle>): string {
  expect(result.ok).toBe(false);
  const error: AppError | undefined = result.ok ? undefined : result.error;
  expect(error?.code).toBe('E_DEMO_INVALID');
  const detail = error?.params?.['detail'];
  expect(typeof detail).toBe('string');
  expect(error?.message).toContain(String(detail));
  return String(detail);
}

describe('the shipped demo bundle (resources/demo/demo-cycle.json)', () => {
  const result = parseDemoBundle(shippedRaw);

  it('parses', () => {
    expect(result).toMatchObject({ ok: true });
  });

  const bundle = result.ok ? result.value : shipped();

  it('is the labelled demo cycle of 2026 under the 2025 Measures and GB/T 19580-2012', () => {
    expect(bundle.cycle).toEqual({
      id: 'demo-2026',
      name: {
        'zh-CN': '示例：2026年度乌鲁木齐市人民政府质量奖',
        en: 'Demo: 2026 Urumqi Municipal Government Quality Award',
      },
      year: 2026,
      measuresVersion: '2025-11-18',
      criteriaId: 'gbt19580-2012',
      stages: ['material', 'defense', 'site'],
      demo: true,
    });
    expect(bundle.assignment).toMatchObject({ id: 'demo-2026-material-expert1', stage: 'material' });
    expect(bundle.assignment.deadline.startsWith('2026-')).toBe(true);
    expect(bundle.expert.title).toBe('高级工程师');
  });

  it('assigns three applicants, each with a valid credit code registered in Urumqi', () => {
    expect(bundle.applicants).toHaveLength(3);
    expect(bundle.assignment.applicantIds).toEqual(bundle.applicants.map((a) => a.id));
    for (const applicant of bundle.applicants) {
      expect(validateUscc(applicant.uscc)).toEqual({ valid: true });
      expect(applicant.uscc.slice(0, 2)).toBe('91');
      expect(applicant.uscc.slice(2, 6)).toBe('6501');
    }
    expect(new Set(bundle.applicants.map((a) => a.uscc)).size).toBe(3);
    expect(bundle.applicants.map((a) => a.fourNew)).toEqual([false, false, true]);
  });

  it('gives every applicant one summary for each of the 7 categories, in order', () => {
    for (const applicant of bundle.applicants) {
      expect(applicant.summaries.map((s) => s.categoryId)).toEqual([...GBT19580_2012_CATEGORY_IDS]);
    }
  });

  it('has summaries of scoring length that do not call themselves a demo', () => {
    for (const applicant of bundle.applicants) {
      for (const summary of applicant.summaries) {
        const han = summary.text.match(/\p{Script=Han}/gu)?.length ?? 0;
        expect(han, `${applicant.id} ${summary.categoryId}`).toBeGreaterThanOrEqual(200);
        expect(summary.text.length, `${applicant.id} ${summary.categoryId}`).toBeLessThanOrEqual(600);
        expect(summary.text).not.toContain('示例');
      }
    }
  });

  it('gives three-year results with numbers in category 4.7', () => {
    for (const applicant of bundle.applicants) {
      const results = applicant.summaries.find((s) => s.categoryId === '4.7')?.text ?? '';
      expect(results).toMatch(/2023\/2024\/2025/);
      expect(results.match(/\d/g)?.length ?? 0).toBeGreaterThan(40);
    }
  });
});

describe('parseDemoBundle rejects a broken bundle with E_DEMO_INVALID', () => {
  it('when the input is not a bundle at all', () => {
    expect(expectInvalid(parseDemoBundle(null))).toContain('schema');
    expect(expectInvalid(parseDemoBundle('demo'))).toContain('schema');
  });

  it('when the format is wrong, naming the field', () => {
    const bundle = { ...shipped(), format: 'scorebook.assignment-bundle/2' };
    expect(expectInvalid(parseDemoBundle(bundle))).toContain('format');
  });

  it('when a field is missing or unexpected, naming its path', () => {
    const missing = shipped() as Partial<AssignmentBundle>;
    delete missing.expert;
    expect(expectInvalid(parseDemoBundle(missing))).toContain('expert');
    const extra = shipped();
    Object.assign(applicantAt(extra, 1), { legalPerson: '某人' });
    expect(expectInvalid(parseDemoBundle(extra))).toContain('applicants.1');
  });

  it('when a credit code has a wrong check character, naming the applicant, the reason and the expected value', () => {
    const bundle = shipped();
    const applicant = applicantAt(bundle, 1);
    const wrong = applicant.uscc.endsWith('0') ? '1' : '0';
    applicant.uscc = applicant.uscc.slice(0, 17) + wrong;
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain(applicant.id);
    expect(detail).toContain(applicant.name);
    expect(detail).toContain('check-digit');
    expect(detail).toContain('expected check character "A"');
  });

  it('when a credit code uses a character outside the charset', () => {
    const bundle = shipped();
    const applicant = applicantAt(bundle, 0);
    applicant.uscc = applicant.uscc.slice(0, 10) + 'O' + applicant.uscc.slice(11);
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain(applicant.id);
    expect(detail).toContain('charset');
  });

  it('when a credit code has the wrong length (caught by the schema)', () => {
    const bundle = shipped();
    applicantAt(bundle, 2).uscc = '91650104MA78KQ4D9';
    expect(expectInvalid(parseDemoBundle(bundle))).toContain('applicants.2.uscc');
  });

  it('for any single-character change of any applicant’s credit code, naming that applicant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...USCC_CHARSET.split('')),
        (which, index, char) => {
          const bundle = shipped();
          const applicant = applicantAt(bundle, which);
          fc.pre(applicant.uscc.charAt(index) !== char);
          applicant.uscc = applicant.uscc.slice(0, index) + char + applicant.uscc.slice(index + 1);
          const detail = expectInvalid(parseDemoBundle(bundle));
          expect(detail).toContain(applicant.id);
          expect(detail).toMatch(/check-digit|org-code/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('when the assignment lists an applicant that is not in the bundle', () => {
    const bundle = shipped();
    bundle.assignment.applicantIds.push('demo-applicant-ghost');
    expect(expectInvalid(parseDemoBundle(bundle))).toContain('unknown applicant "demo-applicant-ghost"');
  });

  it('when an applicant is not in the assignment', () => {
    const bundle = shipped();
    bundle.assignment.applicantIds = bundle.assignment.applicantIds.slice(0, 2);
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain(`applicant "${applicantAt(bundle, 2).id}"`);
    expect(detail).toContain('is not in assignment');
  });

  it('when the assignment lists an applicant twice', () => {
    const bundle = shipped();
    const first = applicantAt(bundle, 0).id;
    bundle.assignment.applicantIds.push(first);
    expect(expectInvalid(parseDemoBundle(bundle))).toContain(`lists applicant "${first}" more than once`);
  });

  it('when two applicants share an id', () => {
    const bundle = shipped();
    const first = applicantAt(bundle, 0).id;
    applicantAt(bundle, 1).id = first;
    expect(expectInvalid(parseDemoBundle(bundle))).toContain(`applicant id "${first}" is not unique`);
  });

  it('when the cycle is not marked demo', () => {
    const bundle = shipped();
    bundle.cycle.demo = false;
    expect(expectInvalid(parseDemoBundle(bundle))).toContain('not marked demo: true');
  });

  it('when the assignment belongs to another cycle', () => {
    const bundle = shipped();
    bundle.assignment.cycleId = 'demo-2031';
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain('cycleId "demo-2031"');
    expect(detail).toContain('"demo-2026"');
  });

  it('when the assignment belongs to another expert', () => {
    const bundle = shipped();
    bundle.assignment.expertId = 'someone-else';
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain('expertId "someone-else"');
    expect(detail).toContain(bundle.expert.id);
  });

  it('when an applicant lacks the summary of a category', () => {
    const bundle = shipped();
    const applicant = applicantAt(bundle, 1);
    applicant.summaries = applicant.summaries.filter((s) => s.categoryId !== '4.5');
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain(applicant.id);
    expect(detail).toContain('no summary for category 4.5');
  });

  it('when an applicant has two summaries for one category', () => {
    const bundle = shipped();
    const applicant = applicantAt(bundle, 2);
    applicant.summaries.push({ categoryId: '4.3', text: '重复的摘要' });
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail).toContain(applicant.id);
    expect(detail).toContain('more than one summary for category 4.3');
  });

  it('when an applicant has a summary for a category the criteria do not have', () => {
    const bundle = shipped();
    const applicant = applicantAt(bundle, 0);
    applicant.summaries.push({ categoryId: '4.8', text: '多余的类目' });
    expect(expectInvalid(parseDemoBundle(bundle))).toContain('summary for unknown category "4.8"');
  });

  it('naming every problem at once', () => {
    const bundle = shipped();
    bundle.cycle.demo = false;
    bundle.assignment.expertId = 'someone-else';
    applicantAt(bundle, 0).summaries.pop();
    const detail = expectInvalid(parseDemoBundle(bundle));
    expect(detail.split('; ')).toHaveLength(3);
  });
});

describe('parseDemoBundle with other criteria', () => {
  it('checks the summaries against the category ids it is given', () => {
    const detail = expectInvalid(parseDemoBundle(shipped(), ['4.1', '4.2']));
    expect(detail).toContain('summary for unknown category "4.7"');
    expect(parseDemoBundle(shipped(), GBT19580_2012_CATEGORY_IDS).ok).toBe(true);
  });
});
