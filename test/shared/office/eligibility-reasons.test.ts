import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src-shared/contract/error-messages';
import { checkEligibility } from '../../../src-shared/office/eligibility';
import {
  REASONS,
  RULE_TITLES,
  eligibilityRules,
  reasonText,
  ruleTitle,
} from '../../../src-shared/office/eligibility-reasons';
import { DEADLINE, USCC_SHENZHEN, applicant, entry, incident, iso9001 } from './applicant-fixtures';

const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Records that between them reach most reasons. */
const SAMPLES = [
  { record: applicant(), register: [] },
  {
    record: applicant({ district: null, foundedOn: '2023-01-01', certifications: [] }),
    register: [entry('award', '2024-01-01')],
  },
  {
    record: applicant({
      uscc: USCC_SHENZHEN,
      fourNew: true,
      foundedOn: '2022-01-01',
      exporter: true,
      exportRecords: [{ kind: 'return', date: '2025-01-01', note: null }],
      incidents: [incident('environmental-accident', '2025-01-01', '2025-06-01')],
      certifications: [{ kind: 'own-method', label: '六步法', from: '2024-01-01', to: null }],
    }),
    register: [
      entry('nomination', '2020-01-01', USCC_SHENZHEN),
      entry('revoked-accident', '2012-01-01', USCC_SHENZHEN),
    ],
  },
  {
    record: applicant({
      incidents: [incident('serious-violation', '2025-01-01')],
      certifications: [iso9001('2010-01-01', '2020-01-01')],
    }),
    register: [entry('revoked-fraud', '2010-01-01'), entry('ban-false-materials', '2026-05-01')],
  },
];

describe('eligibility words', () => {
  it('has a title and an article for every rule in both languages', () => {
    for (const rule of eligibilityRules) {
      expect(RULE_TITLES[rule].article).not.toBe('');
      for (const lang of LANGS) expect(ruleTitle(rule, lang)).not.toBe('');
    }
  });

  it('has both languages for every reason', () => {
    for (const words of Object.values(REASONS)) {
      expect(words['zh-CN']).not.toBe('');
      expect(words.en).not.toBe('');
    }
  });

  it('fills every placeholder of the reasons it gives, and shows kinds and districts by name', () => {
    const texts: string[] = [];
    for (const { record, register } of SAMPLES) {
      const result = checkEligibility({ applicant: record, deadline: DEADLINE, register });
      if (!result.ok) throw new Error(result.error.message);
      for (const outcome of result.value.rules) {
        for (const lang of LANGS) texts.push(reasonText(outcome, lang));
      }
    }
    for (const text of texts) expect(text).not.toMatch(/\{\w+\}/);
    expect(texts).toContain('所在区县：米东区；统一社会信用代码的登记机关区划为 650109（乌鲁木齐市）。');
    expect(texts.some((text) => text.includes('重大环境污染事故'))).toBe(true);
    expect(texts.some((text) => text.includes('major environmental accident'))).toBe(true);
    expect(texts.some((text) => text.includes('获质量奖'))).toBe(true);
  });
});
