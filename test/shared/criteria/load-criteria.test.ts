import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Band, Criteria, CriteriaCategory, CriteriaItem } from '../../../src-shared/criteria/criteria-schema';
import {
  allItems,
  findBand,
  findItem,
  itemIds,
  parseCriteria,
  parseCriteriaJson,
} from '../../../src-shared/criteria/load-criteria';

const shippedUrl = new URL('../../../resources/criteria/gbt19580-2012.json', import.meta.url);
const miniUrl = new URL('../../fixtures/criteria/mini-100.json', import.meta.url);
const shippedText = readFileSync(shippedUrl, 'utf8');
const cjk = /[\u4e00-\u9fff]/;

function load(text: string, file: string): Criteria {
  const result = parseCriteriaJson(text, file);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const shipped = load(shippedText, 'gbt19580-2012.json');

/** A deep copy of the shipped criteria with one deliberate mistake. */
function broken(change: (criteria: Criteria) => void): Criteria {
  const copy = structuredClone(shipped);
  change(copy);
  return copy;
}

/** The element with this id; a missing one is a mistake in the test itself. */
function byId<T extends { readonly id: string }>(list: readonly T[], id: string): T {
  const found = list.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`test setup: no ${id}`);
  return found;
}

const category = (c: Criteria, id: string): CriteriaCategory => byId(c.categories, id);
const item = (c: Criteria, id: string): CriteriaItem =>
  byId(
    c.categories.flatMap((cat) => cat.items),
    id,
  );
const band = (c: Criteria, id: string): Band => byId(c.bands, id);
/** A typed Object.assign, so a misspelt field in a mutation fails the type check. */
const set = <T extends object>(target: T, patch: Partial<T>): T => Object.assign(target, patch);

/**
 * Asserts the file is rejected as E_CRITERIA_INVALID, that the problem is worded in Chinese and
 * in English, and that both wordings name every culprit given. Returns the wordings.
 */
function expectRejected(raw: unknown, ...culprits: string[]): { zh: string; en: string } {
  const result = parseCriteria(raw, 'bad.json');
  if (result.ok) throw new Error('expected the criteria to be rejected');
  expect(result.error.code).toBe('E_CRITERIA_INVALID');
  const { file, problem, problemEn } = result.error.params ?? {};
  expect(file).toBe('bad.json');
  const zh = String(problem);
  const en = String(problemEn);
  expect(zh).toMatch(cjk);
  expect(en).not.toMatch(cjk);
  expect(result.error.message).toContain('bad.json');
  for (const culprit of culprits) {
    expect(zh).toContain(culprit);
    expect(en).toContain(culprit);
  }
  return { zh, en };
}

describe('the shipped GB/T 19580-2012 criteria', () => {
  it('load and identify themselves', () => {
    expect(shipped.id).toBe('gbt19580-2012');
    expect(shipped.standard).toBe('GB/T 19580-2012');
    expect(shipped.name['zh-CN']).toBe('卓越绩效评价准则');
  });

  it('have 7 categories, 23 items and 1000 points', () => {
    expect(shipped.categories.map((c) => c.id)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    expect(allItems(shipped)).toHaveLength(23);
    expect(shipped.totalPoints).toBe(1000);
    expect(allItems(shipped).reduce((sum, i) => sum + i.points, 0)).toBe(1000);
  });

  it('split into 600 process points (4.1–4.6) and 400 results points (4.7)', () => {
    const pointsOf = (kind: string) =>
      allItems(shipped)
        .filter((i) => i.kind === kind)
        .reduce((sum, i) => sum + i.points, 0);
    expect(pointsOf('process')).toBe(600);
    expect(pointsOf('results')).toBe(400);
    for (const i of allItems(shipped)) expect(i.kind).toBe(i.categoryId === '4.7' ? 'results' : 'process');
  });

  it('give every item a reading guide of 2 to 6 short bilingual entries', () => {
    for (const i of allItems(shipped)) {
      expect(i.guide.length, i.id).toBeGreaterThanOrEqual(2);
      expect(i.guide.length, i.id).toBeLessThanOrEqual(6);
      for (const entry of i.guide) {
        expect(entry['zh-CN']).toMatch(cjk);
        expect(entry['zh-CN'].length).toBeLessThan(60);
        expect(entry.en).not.toMatch(cjk);
      }
    }
  });

  it('have six bands, 0–5 to 90–100, each with process and results descriptors in both languages', () => {
    expect(shipped.bands.map((b) => [b.id, b.min, b.max])).toEqual([
      ['b0-5', 0, 5],
      ['b10-25', 10, 25],
      ['b30-45', 30, 45],
      ['b50-65', 50, 65],
      ['b70-85', 70, 85],
      ['b90-100', 90, 100],
    ]);
    for (const b of shipped.bands) {
      for (const text of [b.descriptors.process, b.descriptors.results]) {
        expect(text['zh-CN']).toMatch(cjk);
        expect(text.en).not.toMatch(cjk);
      }
    }
  });

  it('judge process items on A-D-L-I and results items on Le-T-C-I', () => {
    expect(shipped.percentStep).toBe(5);
    expect(shipped.factors.process.map((f) => f.id)).toEqual(['A', 'D', 'L', 'I']);
    expect(shipped.factors.results.map((f) => f.id)).toEqual(['Le', 'T', 'C', 'I']);
  });
});

/** [when, mutation of the shipped file, text both wordings must contain, optional zh/en words for the kind]. */
type BadCase = readonly [string, (c: Criteria) => unknown, readonly string[], (readonly [string, string])?];

const badCases: readonly BadCase[] = [
  ['a category id is used twice', (c) => set(category(c, '4.2'), { id: '4.1' }), ['“4.1”']],
  ['an item id is used twice in a category', (c) => set(item(c, '4.1.3'), { id: '4.1.2' }), ['“4.1.2”']],
  [
    'an item id is used twice across the file (points moved so that every sum holds)',
    (c) => [set(item(c, '4.7.7'), { points: 40 }), category(c, '4.7').items.push({ ...item(c, '4.1.2'), points: 10 })],
    ['“4.1.2”'],
  ],
  ['an item id starts with another category id', (c) => set(item(c, '4.1.4'), { id: '4.2.4' }), ['“4.2.4”', '“4.1.”']],
  // "4.14" starts with "4.1" but is not under it
  [
    'an item id lacks the dot after its category id',
    (c) => set(item(c, '4.1.4'), { id: '4.14' }),
    ['“4.14”', '“4.1.”'],
  ],
  [
    'a category’s items do not add up to its points',
    (c) => set(item(c, '4.1.2'), { points: 55 }),
    ['“4.1”', '115', '110'],
  ],
  [
    'the categories do not add up to totalPoints',
    (c) => [set(category(c, '4.1'), { points: 120 }), set(item(c, '4.1.2'), { points: 60 })],
    ['1010', '1000'],
  ],
  ['totalPoints differs from the sum of the categories', (c) => set(c, { totalPoints: 900 }), ['1000', '900']],
  ['the percentage step does not divide 100', (c) => set(c, { percentStep: 3 }), ['3', '100'], ['步长', 'step']],
  [
    'a band bound is off the step',
    (c) => set(band(c, 'b30-45'), { max: 47 }),
    ['“b30-45”', '30–47'],
    ['倍数', 'multiple'],
  ],
  ['bands are not in ascending order', (c) => c.bands.reverse(), ['“b90-100”', '“b70-85”'], ['排列', 'order']],
  ['two bands overlap', (c) => set(band(c, 'b10-25'), { max: 30 }), ['“b10-25”', '“b30-45”'], ['重叠', 'overlap']],
  ['bands leave a gap', (c) => set(band(c, 'b10-25'), { max: 20 }), ['“b10-25”', '“b30-45”', '25 '], ['空缺', 'gap']],
  ['bands do not start at 0', (c) => set(band(c, 'b0-5'), { min: 5 }), ['“b0-5”', '0–100', '5']],
  ['bands do not end at 100', (c) => set(band(c, 'b90-100'), { max: 95 }), ['“b90-100”', '0–100', '95']],
  ['a band reaches beyond 100', (c) => set(band(c, 'b90-100'), { max: 105 }), ['“b90-100”', '105']],
  ['a band’s lower bound is above its upper', (c) => set(band(c, 'b30-45'), { min: 50 }), ['“b30-45”', '50–45']],
  ['a band id is used twice', (c) => set(band(c, 'b10-25'), { id: 'b0-5' }), ['“b0-5”']],
  [
    'a factor id is used twice within the process or results factors',
    (c) => c.factors.process.push({ id: 'A', name: { 'zh-CN': '方法二', en: 'Approach 2' } }),
    ['“A”'],
  ],
];

describe('a criteria file is rejected, naming the culprit, when', () => {
  for (const [when, change, culprits, words] of badCases) {
    it(when, () => {
      const { zh, en } = expectRejected(broken(change), ...culprits);
      if (words !== undefined) {
        expect(zh).toContain(words[0]);
        expect(en).toContain(words[1]);
      }
    });
  }

  it('it does not have the criteria shape (the first issues are listed by path)', () => {
    const badPoints = broken((c) => Object.assign(item(c, '4.1.2'), { points: '50' }));
    expectRejected(badPoints, 'categories[0].items[0].points');
    const extraKey = broken((c) => Object.assign(c, { colour: 'red' }));
    expect(expectRejected(extraKey).zh).toContain('colour');
    expectRejected(null, '(root)');
    const many = expectRejected({ format: 'scorebook.criteria/1' });
    expect(many.zh).toMatch(/另有 \d+ 处问题/);
    expect(many.en).toMatch(/and \d+ more/);
  });

  it('any one item’s points change, which breaks its category’s sum', () => {
    const delta = fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0);
    fc.assert(
      fc.property(fc.constantFrom(...itemIds(shipped)), delta, (id, d) => {
        const bad = broken((c) => set(item(c, id), { points: item(c, id).points + d }));
        expectRejected(bad, `“${findItem(shipped, id)?.category.id ?? ''}”`);
      }),
    );
  });

  it('the bands are in any other order', () => {
    const n = shipped.bands.length;
    fc.assert(
      fc.property(fc.shuffledSubarray([...shipped.bands], { minLength: n, maxLength: n }), (bands) => {
        fc.pre(bands.some((b, i) => b.id !== shipped.bands[i]?.id));
        expect(parseCriteria({ ...shipped, bands }, 'bad.json').ok).toBe(false);
      }),
    );
  });

  it('any one band is missing, leaving part of 0..100 uncovered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: shipped.bands.length - 1 }), (index) => {
        const bands = shipped.bands.filter((_, i) => i !== index);
        expect(parseCriteria({ ...shipped, bands }, 'bad.json').ok).toBe(false);
      }),
    );
  });
});

describe('criteria are data', () => {
  it('a different, fictional 100-point file loads without code changes', () => {
    const mini = load(readFileSync(miniUrl, 'utf8'), 'mini-100.json');
    expect(mini.totalPoints).toBe(100);
    expect(mini.categories).toHaveLength(2);
    expect(itemIds(mini)).toEqual(['1.1', '1.2', '2.1']);
    expect(findBand(mini, 20)?.id).toBe('low');
    expect(findBand(mini, 30)?.id).toBe('mid');
  });

  it('every percentage step from 0 to 100 falls in exactly one band', () => {
    for (const criteria of [shipped, load(readFileSync(miniUrl, 'utf8'), 'mini-100.json')]) {
      for (let percent = 0; percent <= 100; percent += criteria.percentStep) {
        const matches = criteria.bands.filter((b) => percent >= b.min && percent <= b.max);
        expect(matches, `${criteria.id} ${percent}%`).toHaveLength(1);
      }
    }
  });
});

describe('parseCriteriaJson', () => {
  it('rejects broken JSON text as E_CRITERIA_INVALID with the parser’s position', () => {
    for (const text of ['{ "format": ', '', shippedText.replace('"totalPoints"', 'totalPoints')]) {
      const result = parseCriteriaJson(text, 'broken.json');
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('E_CRITERIA_INVALID');
      expect(result.error.params?.problem).toMatch(/^JSON 语法错误：/);
      expect(result.error.params?.problemEn).toMatch(/^JSON syntax error: /);
    }
    const unquoted = parseCriteriaJson(shippedText.replace('"totalPoints"', 'totalPoints'), 'broken.json');
    expect(unquoted.ok ? '' : unquoted.error.params?.problemEn).toMatch(/position \d+/);
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(parseCriteriaJson(`\uFEFF${shippedText}`, 'bom.json').ok).toBe(true);
  });
});

describe('item helpers', () => {
  it('allItems lists every item in file order with its category id', () => {
    const items = allItems(shipped);
    expect(items[0]).toMatchObject({ id: '4.1.2', categoryId: '4.1' });
    expect(items.at(-1)).toMatchObject({ id: '4.7.7', categoryId: '4.7' });
    for (const i of items) expect(i.id.startsWith(`${i.categoryId}.`)).toBe(true);
  });

  it('findItem returns the item with its category, or undefined', () => {
    const found = findItem(shipped, '4.4.3');
    expect(found?.item.points).toBe(15);
    expect(found?.category.id).toBe('4.4');
    expect(findItem(shipped, '4.4.9')).toBeUndefined();
    expect(findItem(shipped, '4.4')).toBeUndefined();
  });

  it('itemIds lists the 23 ids in order', () => {
    const ids = itemIds(shipped);
    expect(ids).toHaveLength(23);
    expect(ids.slice(0, 3)).toEqual(['4.1.2', '4.1.3', '4.1.4']);
    expect(new Set(ids).size).toBe(23);
  });

  it('findBand finds the band of a percentage, and none off the step or out of range', () => {
    expect(findBand(shipped, 0)?.id).toBe('b0-5');
    expect(findBand(shipped, 65)?.id).toBe('b50-65');
    expect(findBand(shipped, 100)?.id).toBe('b90-100');
    expect(findBand(shipped, 7)).toBeUndefined();
    expect(findBand(shipped, 105)).toBeUndefined();
  });
});
