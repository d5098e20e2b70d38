import { describe, expect, it } from 'vitest';
import { channelNames, ipcChannelName } from '../../../src-shared/contract/channel-names';
import { channels, contract, isChannel } from '../../../src-shared/contract/channels';
import { errorCodes, type ErrorCode } from '../../../src-shared/contract/error-codes';
import { errorMessages, errorText, formatTemplate, type Lang } from '../../../src-shared/contract/error-messages';
import { fail, ok } from '../../../src-shared/contract/result';
import { parseCriteria } from '../../../src-shared/criteria/load-criteria';

const cjk = /[\u3400-\u9fff]/;
const latin = /[A-Za-z]/;
const langs: readonly Lang[] = ['zh-CN', 'en'];

/** The `{name}` placeholders of a template, in order of appearance, each once. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))];
}

/**
 * The only deliberate difference between the two languages: a criteria problem is worded once per
 * language by the loader, so zh-CN shows `{problem}` where en shows `{problemEn}`.
 */
const applicantField = { field: 'fieldEn' } as const;
const languageSpecific: Partial<Record<ErrorCode, Readonly<Record<string, string>>>> = {
  E_CRITERIA_INVALID: { problem: 'problemEn' },
  // Applicant import names a column (and its allowed values) in each language.
  E_APPLICANT_CHOICE: { ...applicantField, allowed: 'allowedEn' },
  E_APPLICANT_DATE: applicantField,
  E_APPLICANT_DATE_ORDER: applicantField,
  E_APPLICANT_FIELD: applicantField,
  E_APPLICANT_FORMAT: applicantField,
  E_APPLICANT_FUTURE: applicantField,
  E_APPLICANT_REQUIRED: applicantField,
  E_TABLE_HEADER_DUPLICATE: applicantField,
  E_TABLE_HEADER_MISSING: applicantField,
  // A recommendation list is named in each language.
  E_AWARD_LIMIT: { listZh: 'listEn' },
  // A conflict's reason and a panel's problem are sentences, written in each language.
  E_CONFLICT: { reason: 'reasonEn' },
  E_PANEL_INVALID: { detail: 'detailEn' },
  E_STAGE_WORK: { detail: 'detailEn' },
};

/** The en placeholder a zh-CN placeholder of this code corresponds to. */
function enCounterpart(code: ErrorCode, name: string): string {
  return languageSpecific[code]?.[name] ?? name;
}

describe('error codes', () => {
  it('lists every code once', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });

  it('has a message table with exactly the listed codes, no more and no fewer', () => {
    expect(Object.keys(errorMessages).sort()).toEqual([...errorCodes].sort());
  });

  it('names every code E_ followed by upper-case words', () => {
    for (const code of errorCodes) expect(code).toMatch(/^E_[A-Z]+(?:_[A-Z]+)*$/);
  });
});

describe.each(errorCodes)('the messages of %s', (code) => {
  const messages = errorMessages[code];

  it('are non-empty in zh-CN and in en', () => {
    for (const lang of langs) expect(messages[lang].trim()).not.toBe('');
  });

  it('are in Chinese for zh-CN (contain CJK characters)', () => {
    expect(messages['zh-CN']).toMatch(cjk);
  });

  it('are in English for en (Latin letters, no CJK characters)', () => {
    expect(messages.en).toMatch(latin);
    expect(messages.en).not.toMatch(cjk);
  });

  it('use in en every placeholder that zh-CN uses', () => {
    const en = placeholders(messages.en);
    for (const name of placeholders(messages['zh-CN'])) expect(en).toContain(enCounterpart(code, name));
  });

  it('use in zh-CN every placeholder that en uses', () => {
    const zh = placeholders(messages['zh-CN']).map((name) => enCounterpart(code, name));
    for (const name of placeholders(messages.en)) expect(zh).toContain(name);
  });

  it('leave no placeholder unfilled when given a value for each', () => {
    const params = Object.fromEntries(
      [...placeholders(messages['zh-CN']), ...placeholders(messages.en)].map((name) => [name, `<${name}>`]),
    );
    for (const lang of langs) expect(errorText({ code, params }, lang)).not.toMatch(/\{\w+\}/);
  });
});

describe('codes with a per-language placeholder (E_CRITERIA_INVALID and the office import and lists)', () => {
  it('shows the Chinese problem in zh-CN and the English problem in en', () => {
    expect(placeholders(errorMessages.E_CRITERIA_INVALID['zh-CN'])).toEqual(['file', 'problem']);
    expect(placeholders(errorMessages.E_CRITERIA_INVALID.en)).toEqual(['file', 'problemEn']);
  });

  it('is rendered in both languages from the params the criteria loader actually produces', () => {
    const result = parseCriteria({ format: 'wrong' }, 'bad.json');
    if (result.ok) throw new Error('test setup: the criteria should be rejected');
    const zh = errorText(result.error, 'zh-CN');
    const en = errorText(result.error, 'en');
    expect(zh).toContain('bad.json');
    expect(en).toContain('bad.json');
    expect(zh).toContain(String(result.error.params?.problem));
    expect(en).toContain(String(result.error.params?.problemEn));
    expect(en).not.toMatch(cjk);
    for (const text of [zh, en]) expect(text).not.toMatch(/\{\w+\}/);
  });

  it('are the only codes whose placeholders differ between the languages', () => {
    const differing = errorCodes.filter(
      (code) =>
        placeholders(errorMessages[code]['zh-CN']).sort().join() !== placeholders(errorMessages[code].en).sort().join(),
    );
    expect(differing.sort()).toEqual(Object.keys(languageSpecific).sort());
  });
});

describe('errorText', () => {
  it('fills string params into the template of the chosen language', () => {
    const error = { code: 'E_ITEM_UNKNOWN', params: { item: '4.1.2' } } as const;
    expect(errorText(error, 'zh-CN')).toBe('评分项“4.1.2”不在当前评价准则中。');
    expect(errorText(error, 'en')).toBe('The item “4.1.2” is not part of the current criteria.');
  });

  it('fills number params as their decimal text', () => {
    expect(errorText({ code: 'E_PERCENT_STEP', params: { percent: 37 } }, 'en')).toContain('37%');
    expect(errorText({ code: 'E_ROW_INVALID', params: { count: 0 } }, 'zh-CN')).toContain(' 0 条');
  });

  it('leaves a placeholder visible when its param is missing', () => {
    expect(errorText({ code: 'E_ITEM_UNKNOWN' }, 'en')).toContain('{item}');
    expect(errorText({ code: 'E_ITEM_UNKNOWN', params: { other: 'x' } }, 'zh-CN')).toContain('{item}');
  });

  it('renders the error of a fail() result, params included', () => {
    const result = fail('E_CRITERIA_NOT_FOUND', 'no criteria with id x', { id: 'gbt-2030' });
    if (result.ok) throw new Error('test setup: fail() should fail');
    expect(errorText(result.error, 'en')).toBe('The criteria file “gbt-2030” was not found.');
  });
});

describe('formatTemplate', () => {
  it('replaces every occurrence and leaves unknown placeholders as they are', () => {
    expect(formatTemplate('{a}-{a} {b} {c}', { a: 1, b: 'two' })).toBe('1-1 two {c}');
  });

  it('substitutes in a single pass: a value that looks like a placeholder is not expanded again', () => {
    expect(formatTemplate('{a}|{b}', { a: '{b}', b: 'B' })).toBe('{b}|B');
  });

  it('inserts values literally, even those with replacement patterns such as $& or $1', () => {
    expect(formatTemplate('[{a}]', { a: '$&$1$$' })).toBe('[$&$1$$]');
  });

  it('leaves a template without placeholders unchanged, with or without params', () => {
    expect(formatTemplate('plain {not a placeholder}', undefined)).toBe('plain {not a placeholder}');
    expect(formatTemplate('plain', { a: 1 })).toBe('plain');
  });
});

describe('fail and ok', () => {
  it('builds a failure without a params key when none are given', () => {
    expect(fail('E_INTERNAL', 'x')).toStrictEqual({ ok: false, error: { code: 'E_INTERNAL', message: 'x' } });
  });

  it('builds a success around the value', () => {
    expect(ok(42)).toStrictEqual({ ok: true, value: 42 });
  });
});

describe('channel names', () => {
  it('are exactly the contract channels, in the same order', () => {
    expect([...channelNames]).toEqual(Object.keys(contract));
    expect([...channels]).toEqual(Object.keys(contract));
  });

  it('travel over IPC with the scorebook: prefix', () => {
    expect(ipcChannelName('criteria:get')).toBe('scorebook:criteria:get');
  });

  it('are recognised by isChannel, while prototype names and near misses are not', () => {
    for (const name of channelNames) expect(isChannel(name)).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'APP:INFO', 'app:info ', '']) {
      expect(isChannel(name)).toBe(false);
    }
  });
});
