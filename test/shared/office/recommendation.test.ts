import { describe, expect, it } from 'vitest';
import { validateRecommendation } from '../../../src-shared/office/recommendation';

/** The Art. 3 maxima, as the cycle settings hold them. */
const art3 = { awardLimit: 5, nominationLimit: 10 };
const ids = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe('validateRecommendation (Art. 3: Quality Award ≤ 5, Nomination Award ≤ 10, fewer or none allowed)', () => {
  it('accepts full lists, shorter lists and empty lists', () => {
    const full = { qualityAward: ids('Q', 5), nomination: ids('N', 10) };
    expect(validateRecommendation(full, art3)).toEqual({ ok: true, value: full });
    expect(validateRecommendation({ qualityAward: ['Q1'], nomination: [] }, art3).ok).toBe(true);
    expect(validateRecommendation({ qualityAward: [], nomination: [] }, art3).ok).toBe(true);
  });

  it('refuses a sixth Quality Award and an eleventh Nomination Award with a coded error', () => {
    const six = validateRecommendation({ qualityAward: ids('Q', 6), nomination: [] }, art3);
    expect(six.ok).toBe(false);
    if (six.ok) return;
    expect(six.error.code).toBe('E_AWARD_LIMIT');
    expect(six.error.params).toMatchObject({ list: 'qualityAward', count: 6, limit: 5 });
    const eleven = validateRecommendation({ qualityAward: [], nomination: ids('N', 11) }, art3);
    expect(eleven.ok ? {} : eleven.error.params).toMatchObject({ list: 'nomination', count: 11, limit: 10 });
  });

  it('applies a cycle limit lower than Art. 3', () => {
    const result = validateRecommendation({ qualityAward: ids('Q', 4), nomination: [] }, { ...art3, awardLimit: 3 });
    expect(result.ok ? undefined : result.error).toMatchObject({ code: 'E_AWARD_LIMIT', params: { limit: 3 } });
  });

  it('refuses an applicant twice in one list, or in both lists', () => {
    const twice = validateRecommendation({ qualityAward: ['Q1', 'Q1'], nomination: [] }, art3);
    expect(twice.ok ? undefined : twice.error.code).toBe('E_AWARD_DUPLICATE');
    expect(twice.ok ? {} : twice.error.params).toMatchObject({
      applicant: 'Q1',
      list: 'qualityAward',
      otherList: 'qualityAward',
    });
    const both = validateRecommendation({ qualityAward: ['Q1'], nomination: ['N1', 'Q1'] }, art3);
    expect(both.ok ? undefined : both.error.code).toBe('E_AWARD_DUPLICATE');
    expect(both.ok ? {} : both.error.params).toMatchObject({
      applicant: 'Q1',
      list: 'nomination',
      otherList: 'qualityAward',
    });
  });

  it('reports a duplicate before a length, since the duplicate is what inflates the length', () => {
    const result = validateRecommendation({ qualityAward: [...ids('Q', 5), 'Q1'], nomination: [] }, art3);
    expect(result.ok ? undefined : result.error.code).toBe('E_AWARD_DUPLICATE');
  });
});
