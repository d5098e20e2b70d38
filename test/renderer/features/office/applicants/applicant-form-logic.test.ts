import { describe, expect, it } from 'vitest';
import { errorText } from '../../../../../src-shared/contract/error-messages';
import type { ApplicantRecord } from '../../../../../src-shared/office/applicant-schema';
import {
  candidateFromDraft,
  draftFromRow,
  emptyDraft,
  localIsoDate,
  normaliseUscc,
  summariesFromDraft,
} from '../../../../../src-renderer/features/office/applicants/applicant-draft';
import {
  fieldLabel,
  issueError,
  issuesByField,
  validateDraft,
} from '../../../../../src-renderer/features/office/applicants/form-issues';
import { officeApplicantsEn, officeApplicantsZh } from '../../../../../src-renderer/i18n/office/applicants';
import { USCC_MIDONG, USCC_TOUTUNHE, applicant, incident, iso9001 } from '../../../../shared/office/applicant-fixtures';

const TODAY = '2026-03-02';

/** A record with every repeatable part in use and every optional text both set and empty. */
const RICH: ApplicantRecord = applicant({
  uscc: USCC_TOUTUNHE,
  district: null,
  fourNew: true,
  exporter: true,
  certifications: [
    iso9001('2019-01-01', '2025-12-31'),
    { kind: 'own-method', label: '精益', from: '2021-03-01', to: null },
  ],
  incidents: [
    incident('serious-violation', '2024-03-01', '2024-09-01'),
    { ...incident('major-complaint', '2022-01-01'), note: '客户投诉' },
  ],
  exportRecords: [{ kind: 'return', date: '2024-02-01', note: null }],
  contact: { person: '李四', phone: '+86 991-1234567', email: null },
  materials: [{ fileName: '申报书.pdf', sha256: 'ab'.repeat(32), size: 204800, commercialSecret: true }],
});

function keys(): () => string {
  let n = 0;
  return () => `k${(n += 1)}`;
}

describe('the applicant form draft', () => {
  it('turns a stored record into a draft and back into the same record', () => {
    const draft = draftFromRow({ record: RICH, summaries: [] }, keys());
    expect(draft.district).toBe('');
    expect(draft.certifications[0]).toMatchObject({ key: 'k1', to: '2025-12-31' });
    expect(draft.certifications[1]).toMatchObject({ label: '精益', to: '' });
    expect(validateDraft(draft, TODAY)).toEqual({ ok: true, value: RICH });
  });

  it('reads blank optional text as none and blank required input as missing', () => {
    const draft = { ...draftFromRow({ record: RICH, summaries: [] }, keys()), contactEmail: '  ', foundedOn: '' };
    const candidate = candidateFromDraft(draft);
    expect(candidate.contact).toMatchObject({ email: null });
    expect(candidate.foundedOn).toBeUndefined();
    const validated = validateDraft(draft, TODAY);
    expect(validated.ok ? [] : validated.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['foundedOn', 'E_APPLICANT_REQUIRED'],
    ]);
  });

  it('normalises a credit code as typed: spaces out, capitals', () => {
    expect(normaliseUscc(' 9165 0109 5762 31899a ')).toBe(USCC_MIDONG);
    expect(candidateFromDraft({ ...emptyDraft(), uscc: '9165 0109 5762 31899a' }).uscc).toBe(USCC_MIDONG);
  });

  it('keeps non-blank summaries, criteria categories first, then those the criteria no longer name', () => {
    const draft = { ...emptyDraft(), summaries: { old: '旧类目摘要', c2: ' 战略摘要 ', c1: '   ' } };
    expect(summariesFromDraft(draft, ['c1', 'c2'])).toEqual([
      { categoryId: 'c2', text: '战略摘要' },
      { categoryId: 'old', text: '旧类目摘要' },
    ]);
  });

  it('gives the local calendar day, not the UTC one', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
});

describe('the form problems', () => {
  const valid = draftFromRow({ record: applicant(), summaries: [] }, keys());

  it('reports a wrong check character at the code, named in both languages', () => {
    const validated = validateDraft({ ...valid, uscc: '91650109576231899B' }, TODAY);
    if (validated.ok) throw new Error('expected a problem');
    const byField = issuesByField(validated.issues);
    const [problem] = byField.get('uscc') ?? [];
    expect(problem).toMatchObject({ code: 'E_USCC_CHECK', params: { expected: 'A', field: '统一社会信用代码' } });
    if (problem === undefined) throw new Error('expected a problem at uscc');
    expect(errorText(problem, 'zh-CN')).toContain('第 18 位应为 A');
    expect(errorText(problem, 'en')).toContain('character 18 should be A');
  });

  it('refuses a founding date after today and words employees typed as text as a format problem', () => {
    const validated = validateDraft({ ...valid, foundedOn: '2026-03-03', employees: '四百' }, TODAY);
    if (validated.ok) throw new Error('expected problems');
    const shown = validated.issues.map((i) => issueError(i));
    expect(shown).toContainEqual({
      code: 'E_APPLICANT_FUTURE',
      params: { value: '2026-03-03', today: TODAY, field: '成立日期', fieldEn: 'Founding date' },
    });
    expect(shown).toContainEqual({
      code: 'E_APPLICANT_FORMAT',
      params: { value: '四百', example: '420', field: '从业人数', fieldEn: 'Employees' },
    });
    expect(validateDraft({ ...valid, foundedOn: TODAY, employees: '1,200' }, TODAY).ok).toBe(true);
  });

  it('names the part of a repeatable entry, counting entries from 1', () => {
    const path = ['certifications', 1, 'to'];
    expect(fieldLabel(path, officeApplicantsZh)).toBe('管理体系认证与质量管理方法第 2 条·有效期至');
    expect(fieldLabel(path, officeApplicantsEn)).toBe(
      'Management system certificates and quality methods #2: Valid until',
    );
    expect(fieldLabel(['contact', 'phone'], officeApplicantsEn)).toBe('Phone');
  });

  it('puts a date-order problem under the later date of its entry', () => {
    const draft = {
      ...valid,
      certifications: [{ key: 'c', kind: 'iso9001' as const, label: '', from: '2020-01-01', to: '2019-01-01' }],
    };
    const validated = validateDraft(draft, TODAY);
    if (validated.ok) throw new Error('expected a problem');
    expect([...issuesByField(validated.issues).keys()]).toEqual(['certifications.0.to']);
  });
});
