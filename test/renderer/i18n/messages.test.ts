import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/i18n/en';
import { initialLang } from '../../../src-renderer/i18n/i18n';
import { zhCN, type MessageKey } from '../../../src-renderer/i18n/zh-cn';

const keys = Object.keys(zhCN) as MessageKey[];

/**
 * zh-CN messages that are language-neutral on purpose, so they carry no Chinese character:
 * number ranges, "points / max", and a comment's label made only of other messages.
 */
const noCjkAllowed: readonly MessageKey[] = ['score.bandLabel', 'score.commentText', 'totals.of'];

/** CJK ideographs, CJK punctuation (、。「」) and fullwidth forms (：（）), which only Chinese text uses. */
const cjk = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

describe('message catalogues', () => {
  it('en has exactly the keys of zh-CN', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });

  it('has no empty or blank message in either language', () => {
    for (const key of keys) {
      expect(zhCN[key].trim(), `zh-CN ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
    }
  });

  it('uses the same {placeholders} in both languages for every key', () => {
    for (const key of keys) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('writes zh-CN messages in Chinese, except the language-neutral allow-list', () => {
    const withoutChinese = keys.filter((key) => !cjk.test(zhCN[key]));
    expect(withoutChinese.sort()).toEqual([...noCjkAllowed].sort());
  });

  it('keeps the allow-list to messages with nothing to translate', () => {
    for (const key of noCjkAllowed) {
      expect(zhCN[key].replace(/\{\w+\}/g, ''), key).toMatch(/^[\s\d%–/]*$/u);
      expect(en[key], key).toBe(zhCN[key]);
    }
  });

  it('writes en messages without Chinese characters', () => {
    expect(keys.filter((key) => cjk.test(en[key]))).toEqual([]);
  });

  it('has no stray braces that would not be substituted', () => {
    for (const key of keys) {
      for (const message of [zhCN[key], en[key]]) {
        expect(message.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('initialLang', () => {
  function storage(value: string | null): Pick<Storage, 'getItem'> {
    return { getItem: (key) => (key === 'scorebook.lang' ? value : null) };
  }

  it('defaults to zh-CN', () => {
    expect(initialLang(storage(null))).toBe('zh-CN');
  });

  it('returns en only when en was stored', () => {
    expect(initialLang(storage('en'))).toBe('en');
    for (const other of ['zh-CN', 'EN', 'en-US', 'fr', '', 'null']) expect(initialLang(storage(other))).toBe('zh-CN');
  });
});
