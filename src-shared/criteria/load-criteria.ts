import type { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';
import { errorMessages, formatTemplate } from '../contract/error-messages';
import {
  criteriaFileSchema,
  type Band,
  type Criteria,
  type CriteriaCategory,
  type CriteriaItem,
} from './criteria-schema';

/** One problem with a criteria file, worded for both UI languages. */
interface Problem {
  readonly zh: string;
  readonly en: string;
}

/** An item together with the id of the category it belongs to. */
export type FlatItem = CriteriaItem & { readonly categoryId: string };

/** An item found by id, with its whole category (for the category's name and points). */
export interface FoundItem {
  readonly item: CriteriaItem;
  readonly category: CriteriaCategory;
}

/** Zod issues listed in a problem text: enough to locate the mistake without a wall of text. */
const maxIssuesShown = 3;

/** Zod issue codes in plain Chinese, since zod's own messages are English only. */
const issueZh: Readonly<Record<string, string>> = {
  invalid_type: '类型不正确',
  too_small: '值过小或内容为空',
  too_big: '值过大',
  invalid_format: '格式不正确',
  not_multiple_of: '不是规定数值的倍数',
  unrecognized_keys: '含有未知字段',
  invalid_value: '取值无效',
  invalid_union: '不符合任何允许的形式',
  invalid_key: '键无效',
  invalid_element: '元素无效',
  custom: '不符合要求',
};

/**
 * Parses and validates a criteria file that is already decoded from JSON. Beyond the shape
 * (criteriaFileSchema) it checks what the schema cannot: unique ids, item ids nested under their
 * category id, points adding up, and bands tiling 0..100 in whole percent steps. `file` names the
 * file in the error. Fails with E_CRITERIA_INVALID and a bilingual `problem` naming the culprit.
 */
export function parseCriteria(raw: unknown, file: string): Result<Criteria> {
  const parsed = criteriaFileSchema.safeParse(raw);
  if (!parsed.success) return invalid(file, shapeProblem(parsed.error.issues));
  const criteria = parsed.data;
  const problem =
    checkPercentStep(criteria) ??
    checkFactors(criteria) ??
    checkBands(criteria) ??
    checkIds(criteria) ??
    checkPoints(criteria);
  return problem === undefined ? ok(criteria) : invalid(file, problem);
}

/**
 * Parses criteria from the text of a JSON file, then validates it as parseCriteria does. A JSON
 * syntax error is an E_CRITERIA_INVALID too (with the parser's position message), never a throw.
 */
export function parseCriteriaJson(text: string, file: string): Result<Criteria> {
  let raw: unknown;
  try {
    // A byte order mark is what Windows Notepad adds on save; it is not a syntax error worth reporting.
    raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return invalid(file, { zh: `JSON 语法错误：${detail}`, en: `JSON syntax error: ${detail}` });
  }
  return parseCriteria(raw, file);
}

/** Every scored item in file order, each with its category id. */
export function allItems(criteria: Criteria): FlatItem[] {
  return criteria.categories.flatMap((category) =>
    category.items.map((item) => ({ ...item, categoryId: category.id })),
  );
}

/** The item with this id and its category, or undefined when the criteria have no such item. */
export function findItem(criteria: Criteria, itemId: string): FoundItem | undefined {
  for (const category of criteria.categories) {
    const item = category.items.find((candidate) => candidate.id === itemId);
    if (item !== undefined) return { item, category };
  }
  return undefined;
}

/** The ids of all scored items in file order (e.g. "4.1.2" … "4.7.7"). */
export function itemIds(criteria: Criteria): string[] {
  return criteria.categories.flatMap((category) => category.items.map((item) => item.id));
}

/**
 * The band a percentage falls in, or undefined when it lies outside every band (a validated
 * file's bands cover every multiple of percentStep from 0 to 100, so only off-step values miss).
 */
export function findBand(criteria: Criteria, percent: number): Band | undefined {
  return criteria.bands.find((band) => percent >= band.min && percent <= band.max);
}

function invalid(file: string, problem: Problem): Result<Criteria> {
  const params = { file, problem: problem.zh, problemEn: problem.en };
  return fail('E_CRITERIA_INVALID', formatTemplate(errorMessages.E_CRITERIA_INVALID.en, params), params);
}

/** Renders a zod path as it would be written in JS: `categories[0].items[1].points`. */
function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(root)' : text;
}

function shapeProblem(issues: readonly z.core.$ZodIssue[]): Problem {
  const shown = issues.slice(0, maxIssuesShown);
  const more = issues.length - shown.length;
  const zh = shown.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? `（${issue.keys.join('、')}）` : '';
    return `${pathText(issue.path)} ${issueZh[issue.code] ?? '不符合要求'}${keys}`;
  });
  const en = shown.map((issue) => `${pathText(issue.path)}: ${issue.message}`);
  return {
    zh: `格式不符合要求：${zh.join('；')}${more > 0 ? `；另有 ${more} 处问题` : ''}`,
    en: `wrong structure: ${en.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
  };
}

/** Returns the first id that occurs more than once, if any. */
function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function checkPercentStep({ percentStep }: Criteria): Problem | undefined {
  if (100 % percentStep === 0) return undefined;
  return {
    zh: `得分率步长 ${percentStep} 不能整除 100`,
    en: `the percentage step ${percentStep} does not divide 100`,
  };
}

function checkFactors({ factors }: Criteria): Problem | undefined {
  // Ids are unique per kind: "I" (整合 Integration) rightly appears for both process and results.
  for (const kind of ['process', 'results'] as const) {
    const duplicate = firstDuplicate(factors[kind].map((factor) => factor.id));
    if (duplicate !== undefined) {
      return {
        zh: `${kind === 'process' ? '过程' : '结果'}类评价要素编号“${duplicate}”重复`,
        en: `the ${kind} factor id “${duplicate}” is used more than once`,
      };
    }
  }
  return undefined;
}

function checkBands({ bands, percentStep }: Criteria): Problem | undefined {
  const duplicate = firstDuplicate(bands.map((band) => band.id));
  if (duplicate !== undefined) {
    return { zh: `分数段编号“${duplicate}”重复`, en: `the band id “${duplicate}” is used more than once` };
  }
  for (const band of bands) {
    const range = `${band.min}–${band.max}`;
    if (band.min % percentStep !== 0 || band.max % percentStep !== 0) {
      return {
        zh: `分数段“${band.id}”的界限 ${range} 不是步长 ${percentStep} 的倍数`,
        en: `the bounds ${range} of band “${band.id}” are not multiples of the step ${percentStep}`,
      };
    }
    if (band.min > band.max) {
      return {
        zh: `分数段“${band.id}”的下限大于上限（${range}）`,
        en: `band “${band.id}” has its lower bound above its upper bound (${range})`,
      };
    }
    if (band.min < 0 || band.max > 100) {
      return {
        zh: `分数段“${band.id}”（${range}）超出 0–100 的范围`,
        en: `band “${band.id}” (${range}) lies outside 0–100`,
      };
    }
  }
  for (let i = 1; i < bands.length; i += 1) {
    const previous = bands[i - 1];
    const band = bands[i];
    if (previous === undefined || band === undefined) continue; // unreachable: 1 ≤ i < length
    const pair = `“${previous.id}”（${previous.min}–${previous.max}）与“${band.id}”（${band.min}–${band.max}）`;
    const pairEn = `“${previous.id}” (${previous.min}–${previous.max}) and “${band.id}” (${band.min}–${band.max})`;
    if (band.min <= previous.min) {
      return { zh: `分数段未按从低到高排列：${pair}`, en: `bands are not in ascending order: ${pairEn}` };
    }
    if (band.min <= previous.max) return { zh: `分数段重叠：${pair}`, en: `bands overlap: ${pairEn}` };
    if (band.min > previous.max + percentStep) {
      const from = previous.max + percentStep;
      const to = band.min - percentStep;
      const missing = from === to ? `${from}` : `${from}–${to}`;
      return {
        zh: `分数段之间有空缺：${pair}，${missing} 不属于任何分数段`,
        en: `gap between bands ${pairEn}: ${missing} belongs to no band`,
      };
    }
  }
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first !== undefined && first.min !== 0) {
    return {
      zh: `分数段未覆盖 0–100：第一个分数段“${first.id}”从 ${first.min} 开始，而不是 0`,
      en: `bands do not cover 0–100: the first band “${first.id}” starts at ${first.min}, not 0`,
    };
  }
  if (last !== undefined && last.max !== 100) {
    return {
      zh: `分数段未覆盖 0–100：最后一个分数段“${last.id}”止于 ${last.max}，而不是 100`,
      en: `bands do not cover 0–100: the last band “${last.id}” ends at ${last.max}, not 100`,
    };
  }
  return undefined;
}

function checkIds({ categories }: Criteria): Problem | undefined {
  // Categories and items share one namespace: scores, notes and reports refer to either by id alone.
  const ids = categories.flatMap((category) => [category.id, ...category.items.map((item) => item.id)]);
  const duplicate = firstDuplicate(ids);
  if (duplicate !== undefined) {
    return { zh: `编号“${duplicate}”重复出现`, en: `the id “${duplicate}” is used more than once` };
  }
  for (const category of categories) {
    const prefix = `${category.id}.`;
    const stray = category.items.find((item) => !item.id.startsWith(prefix) || item.id.length === prefix.length);
    if (stray !== undefined) {
      return {
        zh: `评分项“${stray.id}”的编号应以所属类目编号加点“${prefix}”开头`,
        en: `the item id “${stray.id}” should start with its category id and a dot, “${prefix}”`,
      };
    }
  }
  return undefined;
}

function checkPoints({ categories, totalPoints }: Criteria): Problem | undefined {
  for (const category of categories) {
    const sum = category.items.reduce((total, item) => total + item.points, 0);
    if (sum !== category.points) {
      return {
        zh: `类目“${category.id}”各评分项分值之和为 ${sum}，与类目分值 ${category.points} 不符`,
        en: `the items of category “${category.id}” add up to ${sum}, not the stated ${category.points}`,
      };
    }
  }
  const sum = categories.reduce((total, category) => total + category.points, 0);
  if (sum === totalPoints) return undefined;
  return {
    zh: `各类目分值之和为 ${sum}，与总分 ${totalPoints} 不符`,
    en: `the categories add up to ${sum}, not the stated total ${totalPoints}`,
  };
}
