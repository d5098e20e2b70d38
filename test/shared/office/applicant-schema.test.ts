import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../src-shared/contract/error-messages';
import { validateApplicant } from '../../../src-shared/office/applicant-issues';
import { toExpertProfile } from '../../../src-shared/office/applicant-profile';
import { applicantRecordSchema } from '../../../src-shared/office/applicant-schema';
import { eligibilityRules } from '../../../src-shared/office/eligibility-reasons';
import { registerEntrySchema } from '../../../src-shared/office/eligibility-register';
import { URUMQI_DISTRICTS, districtIds, findDistrict } from '../../../src-shared/office/urumqi-districts';
import { applicant, entry, USCC_MIDONG } from './applicant-fixtures';

const TODAY = '2026-11-27';

function codes(input: unknown) {
  const result = validateApplicant(input, TODAY);
  return result.ok ? [] : result.issues.map((issue) => [issue.path.join('.'), issue.code]);
}

describe('applicant record', () => {
  it('accepts the fixture', () => {
    expect(validateApplicant(applicant(), TODAY)).toMatchObject({ ok: true });
  });

  it('refuses each wrong credit code with its own code and the expected character', () => {
    expect(codes(applicant({ uscc: USCC_MIDONG.slice(0, 17) + 'B' }))).toEqual([['uscc', 'E_USCC_CHECK']]);
    const result = validateApplicant(applicant({ uscc: '91650109576231899B' }), TODAY);
    expect(result.ok ? undefined : result.issues[0]?.params).toMatchObject({
      expected: 'A',
      value: '91650109576231899B',
    });
    expect(codes(applicant({ uscc: '9165010957623189' }))).toEqual([['uscc', 'E_USCC_LENGTH']]);
    expect(codes(applicant({ uscc: '91650109576231899a' }))).toEqual([['uscc', 'E_USCC_CHARSET']]);
    expect(codes(applicant({ uscc: '91650109576231889A' }))).toEqual([['uscc', 'E_USCC_ORG_CODE']]);
  });

  it('refuses a founding date after today, but not today', () => {
    expect(codes(applicant({ foundedOn: '2026-11-28' }))).toEqual([['foundedOn', 'E_APPLICANT_FUTURE']]);
    expect(codes(applicant({ foundedOn: TODAY }))).toEqual([]);
  });

  it('refuses impossible dates and dates out of order', () => {
    expect(codes(applicant({ foundedOn: '2019-02-29' }))).toEqual([['foundedOn', 'E_APPLICANT_DATE']]);
    expect(
      codes(applicant({ certifications: [{ kind: 'iso9001', label: null, from: '2020-01-01', to: '2019-12-31' }] })),
    ).toEqual([['certifications.0.to', 'E_APPLICANT_DATE_ORDER']]);
    expect(
      codes(
        applicant({
          incidents: [{ kind: 'major-complaint', date: '2024-01-02', note: null, creditRepairedOn: '2024-01-01' }],
        }),
      ),
    ).toEqual([['incidents.0.creditRepairedOn', 'E_APPLICANT_DATE_ORDER']]);
  });

  it('reports every problem, each with a code', () => {
    const bad = { ...applicant(), name: ' ', size: 'huge', contact: { person: '张三', phone: 'abc', email: 'x@' } };
    expect(codes(bad)).toEqual([
      ['name', 'E_APPLICANT_REQUIRED'],
      ['size', 'E_APPLICANT_CHOICE'],
      ['contact.phone', 'E_APPLICANT_FORMAT'],
      ['contact.email', 'E_APPLICANT_FORMAT'],
    ]);
  });

  it('is versioned', () => {
    expect(applicantRecordSchema.safeParse({ ...applicant(), v: 2 }).success).toBe(false);
  });
});

describe('register entry', () => {
  it('validates its credit code', () => {
    expect(registerEntrySchema.safeParse(entry('award', '2024-01-01')).success).toBe(true);
    expect(registerEntrySchema.safeParse({ ...entry('award', '2024-01-01'), uscc: '91650109576231899B' }).success).toBe(
      false,
    );
  });
});

describe('Urumqi districts', () => {
  it('lists every id once with both names', () => {
    expect(URUMQI_DISTRICTS.map((district) => district.id)).toEqual([...districtIds]);
    for (const district of URUMQI_DISTRICTS) {
      expect(district['zh-CN']).not.toBe('');
      expect(district.en).not.toBe('');
    }
    expect(URUMQI_DISTRICTS.filter((district) => district.kind === 'development-zone')).toHaveLength(3);
  });

  it('finds districts by name, English name, code and short name', () => {
    expect(findDistrict('米东区')).toBe('midong');
    expect(findDistrict(' Midong District ')).toBe('midong');
    expect(findDistrict('650102')).toBe('tianshan');
    expect(findDistrict('高新区')).toBe('urumqi-hitech');
    expect(findDistrict('甘泉堡经济技术开发区(工业区)')).toBe('ganquanbao-etdz');
    expect(findDistrict('朝阳区')).toBeUndefined();
  });
});

describe('expert profile', () => {
  it('maps a record to the profile experts receive', () => {
    const result = toExpertProfile(applicant(), { id: 'a1', summaries: [{ categoryId: '4.1', text: '领导' }] });
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'a1',
        name: '乌鲁木齐示例乳业有限公司',
        uscc: USCC_MIDONG,
        district: '米东区',
        industry: '乳制品加工',
        foundedYear: 2011,
        size: 'medium',
        employees: 420,
        fourNew: false,
        summaries: [{ categoryId: '4.1', text: '领导' }],
      },
    });
  });

  it('needs a district', () => {
    const result = toExpertProfile(applicant({ district: null }), { id: 'a1', summaries: [] });
    expect(result.ok ? undefined : result.error.code).toBe('E_APPLICANT_REQUIRED');
  });
});

describe('error words', () => {
  it('has zh-CN and en for the new codes', () => {
    for (const code of ['E_USCC_CHECK', 'E_APPLICANT_DUPLICATE', 'E_CSV_UNTERMINATED', 'E_XLSX_CELL'] as const) {
      expect(errorMessages[code]['zh-CN']).not.toBe('');
      expect(errorMessages[code].en).not.toBe('');
    }
    expect(eligibilityRules).toHaveLength(9);
  });
});
