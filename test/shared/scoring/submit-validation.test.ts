import { describe, expect, it } from 'vitest';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { checkForSubmit, sheetContent, type SubmitItem } from '../../../src-shared/scoring/submit-validation';
import { shippedCriteria } from '../../support/shipped-criteria';

const criteria = shippedCriteria();
const ids = allItems(criteria).map((i) => i.id);
const withEvidence = { text: '有证据的优势', page: 12, ref: '' };
const noRules = { strengthWithEvidenceFrom: null, ofiUpTo: null };
const cycleRules = { strengthWithEvidenceFrom: 70, ofiUpTo: 25 };

function sheet(percent: number, patch: Partial<SubmitItem> = {}): Map<string, SubmitItem> {
  return new Map(ids.map((id) => [id, { percent, strengths: [withEvidence], ofis: [], ...patch }]));
}

describe('checkForSubmit', () => {
  it('passes a sheet where every item is scored and commented with evidence', () => {
    expect(checkForSubmit(criteria, sheet(50), cycleRules)).toEqual({ errors: [], warnings: [] });
  });

  it('blocks an unscored item and an item without any comment, naming them in criteria order', () => {
    const items = sheet(50);
    items.set('4.3.2', { percent: null, strengths: [withEvidence], ofis: [] });
    items.set('4.1.3', { percent: 40, strengths: [], ofis: [] });
    items.delete('4.7.7');
    const { errors } = checkForSubmit(criteria, items, noRules);
    expect(errors).toEqual([
      { itemId: '4.1.3', code: 'missing-comment' },
      { itemId: '4.3.2', code: 'missing-score' },
      { itemId: '4.7.7', code: 'missing-score' },
      { itemId: '4.7.7', code: 'missing-comment' },
    ]);
  });

  it('treats a comment with blank text as no comment (an error) and warns about it', () => {
    const items = sheet(50);
    items.set('4.2.2', { percent: 50, strengths: [{ text: '   ', page: 3, ref: '' }], ofis: [] });
    const result = checkForSubmit(criteria, items, noRules);
    expect(result.errors).toEqual([{ itemId: '4.2.2', code: 'missing-comment' }]);
    expect(result.warnings).toEqual([{ itemId: '4.2.2', code: 'empty-comment' }]);
  });

  it('requires a strength with evidence at or above the cycle threshold (70 %), not below it', () => {
    const noEvidence = { text: '优势', page: null, ref: '' };
    expect(checkForSubmit(criteria, sheet(70, { strengths: [noEvidence] }), cycleRules).errors).toHaveLength(23);
    expect(checkForSubmit(criteria, sheet(65, { strengths: [noEvidence] }), cycleRules).errors).toHaveLength(0);
    expect(
      checkForSubmit(criteria, sheet(70, { strengths: [{ ...noEvidence, ref: '访谈记录' }] }), cycleRules).errors,
    ).toHaveLength(0);
  });

  it('requires an opportunity for improvement at or below the cycle threshold (25 %)', () => {
    const result = checkForSubmit(criteria, sheet(25), cycleRules);
    expect(result.errors.every((e) => e.code === 'ofi-required')).toBe(true);
    expect(result.errors).toHaveLength(23);
    expect(checkForSubmit(criteria, sheet(30), cycleRules).errors).toHaveLength(0);
    expect(checkForSubmit(criteria, sheet(25), noRules).errors).toHaveLength(0);
  });

  it('warns about a comment without a page or reference', () => {
    const result = checkForSubmit(
      criteria,
      sheet(50, { strengths: [{ text: '优势', page: null, ref: ' ' }] }),
      noRules,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(23);
    expect(result.warnings[0]).toEqual({ itemId: '4.1.2', code: 'comment-without-evidence' });
  });
});

describe('sheetContent', () => {
  it('lists scored items in criteria order with trimmed comments and the exact totals', () => {
    const items = new Map<string, SubmitItem>([
      [
        '4.7.2',
        {
          percent: 55,
          strengths: [{ text: ' 结果良好 ', page: 40, ref: ' 表 3 ' }],
          ofis: [{ text: '', page: null, ref: '' }],
        },
      ],
      ['4.1.2', { percent: 35, strengths: [], ofis: [{ text: '缺少对比', page: null, ref: '访谈' }] }],
      ['4.2.2', { percent: null, strengths: [], ofis: [] }],
    ]);
    const content = sheetContent(criteria, items);
    expect(content.items.map((i) => i.itemId)).toEqual(['4.1.2', '4.7.2']);
    expect(content.items[1]).toEqual({
      itemId: '4.7.2',
      percent: 55,
      strengths: [{ text: '结果良好', page: 40, ref: '表 3' }],
      ofis: [],
    });
    expect(content.totals.hundredths).toBe(50 * 35 + 80 * 55);
    expect(content.totals.categories.find((c) => c.categoryId === '4.7')?.hundredths).toBe(80 * 55);
    expect(content.totals.categories).toHaveLength(7);
  });
});
