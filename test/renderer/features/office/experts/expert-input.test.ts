import { describe, expect, it } from 'vitest';
import {
  batchFiles,
  readExpertUpdate,
  readFingerprint,
  rejectionError,
  splitFields,
} from '../../../../../src-renderer/features/office/experts/expert-input';

const hex = '0123456789abcdef'.repeat(4);

describe('reading a fingerprint as the expert read it', () => {
  it('accepts groups with spaces, upper case, hyphens and full-width digits', () => {
    const grouped = (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');
    expect(readFingerprint(grouped)).toBe(hex);
    expect(readFingerprint(` ${hex.slice(0, 32)}-${hex.slice(32)}\n`)).toBe(hex);
    expect(readFingerprint(hex.replace(/0/g, '０'))).toBe(hex);
  });

  it('refuses a fingerprint that is short, long or not hexadecimal', () => {
    expect(readFingerprint(hex.slice(1))).toBeUndefined();
    expect(readFingerprint(`${hex}0`)).toBeUndefined();
    expect(readFingerprint(`${hex.slice(1)}g`)).toBeUndefined();
    expect(readFingerprint('')).toBeUndefined();
  });
});

describe('the office’s copy of an expert', () => {
  it('splits fields on either comma, semicolons and the enumeration comma', () => {
    expect(splitFields('质量管理，卓越绩效、六西格玛; 标准化 ,,')).toEqual([
      '质量管理',
      '卓越绩效',
      '六西格玛',
      '标准化',
    ]);
  });

  it('becomes an update request when every value keeps the profile rules', () => {
    expect(
      readExpertUpdate('e1', { workUnit: ' 新疆大学 ', fields: '质量管理、统计', phone: '+86 991-1234567' }),
    ).toEqual({
      expertId: 'e1',
      workUnit: '新疆大学',
      fields: ['质量管理', '统计'],
      phone: '+86 991-1234567',
    });
  });

  it('is refused with an empty work unit, a bad phone or too many fields', () => {
    const ok = { workUnit: '新疆大学', fields: '质量管理', phone: '' };
    expect(readExpertUpdate('e1', ok)).toBeDefined();
    expect(readExpertUpdate('e1', { ...ok, workUnit: '  ' })).toBeUndefined();
    expect(readExpertUpdate('e1', { ...ok, phone: '0991-手机' })).toBeUndefined();
    expect(readExpertUpdate('e1', { ...ok, fields: Array.from({ length: 11 }, (_, i) => `领域${i}`).join('、') })).toBe(
      undefined,
    );
  });
});

describe('batches of picked files', () => {
  const file = (name: string, size: number) => ({ name, base64: 'A'.repeat(size) });

  it('keep each request under the character and file limits, in order', () => {
    const files = [file('a', 4), file('b', 4), file('c', 4), file('d', 9), file('e', 1)];
    expect(batchFiles(files, 10).map((batch) => batch.map((f) => f.name))).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    expect(batchFiles(files, 100, 2).map((batch) => batch.map((f) => f.name))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('send a file over the limit alone rather than drop it, and nothing for no files', () => {
    expect(batchFiles([file('a', 2), file('big', 50), file('c', 2)], 10).map((b) => b.map((f) => f.name))).toEqual([
      ['a'],
      ['big'],
      ['c'],
    ]);
    expect(batchFiles([], 10)).toEqual([]);
  });
});

describe('a refusal reported by main', () => {
  it('keeps a known code and its parameters, and shows an unknown code as an internal error', () => {
    expect(rejectionError({ name: 'x.qapkg', code: 'E_EXPERT_DUPLICATE', params: { name: '李明' } })).toEqual({
      code: 'E_EXPERT_DUPLICATE',
      params: { name: '李明' },
    });
    expect(rejectionError({ name: 'x.qapkg', code: 'E_FROM_THE_FUTURE', params: {} })).toEqual({
      code: 'E_INTERNAL',
      params: { detail: 'E_FROM_THE_FUTURE' },
    });
  });
});
