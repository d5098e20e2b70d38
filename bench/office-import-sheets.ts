import type { Applicant } from '../src-shared/assignments/assignment-schema';
import type { Criteria } from '../src-shared/criteria/criteria-schema';
import { allItems } from '../src-shared/criteria/load-criteria';
import type { ChannelRequest } from '../src-shared/contract/channels';

/** What an expert's submit page sends to `packages:sign-sheet`. */
export type SheetItems = ChannelRequest<'packages:sign-sheet'>['items'];

function pick<T>(list: readonly T[], random: () => number): T {
  const value = list[Math.floor(random() * list.length)];
  // The index is below the length by construction; the check only satisfies noUncheckedIndexedAccess.
  if (value === undefined) throw new Error('empty fixture list');
  return value;
}

/**
 * Comment material from the applicant's own summary of the category: what the expert read, as an expert quotes it.
 * The summaries state practices first and end with "不足：…" (shortcomings), so clauses before it feed strengths and
 * the clauses after it opportunities for improvement.
 */
function clausesOf(applicant: Applicant, categoryId: string): { strengths: string[]; ofis: string[] } {
  const text = applicant.summaries.find((s) => s.categoryId === categoryId)?.text ?? '';
  const [practice = '', shortcomings = ''] = text.split('不足：');
  const split = (part: string): string[] =>
    part
      .split(/[。；]/)
      .map((clause) => clause.trim())
      .filter((clause) => clause.length >= 8);
  return { strengths: split(practice), ofis: split(shortcomings) };
}

const openers = ['', '申报材料显示，', '经查阅相关记录，', '从抽样的证据看，'];
const strengthTails = ['，方法系统且展开充分', '，已形成制度并定期评价改进', '，与组织战略保持一致'];
const ofiTails = ['，建议明确目标值并跟踪趋势', '，建议补充对比数据', '，建议建立闭环评价机制'];
const refs = ['现场访谈', '管理评审报告', '顾客满意度调查报告', '附件3'];

/** One comment of roughly 40–180 characters, citing a page three times in four, otherwise a named record. */
function comment(clauses: readonly string[], tails: readonly string[], random: () => number) {
  const fallback = '相关做法在申报材料中有所描述';
  const first = clauses.length === 0 ? fallback : pick(clauses, random);
  const second = clauses.length < 2 || random() < 0.5 ? '' : `；${pick(clauses, random)}`;
  const page = random() < 0.75 ? 1 + Math.floor(random() * 320) : null;
  return {
    text: `${pick(openers, random)}${first}${second}${pick(tails, random)}。`,
    page,
    ref: page === null ? pick(refs, random) : '',
  };
}

/**
 * A complete sheet as an expert would submit it: all items of the criteria scored at 30–70 % in the criteria's step
 * (so the cycle's comment rules — strength with evidence from 70 %, an opportunity up to 25 % — apply to some), each
 * item with 3–5 comments, at least one strength and one opportunity, every comment with its evidence.
 */
export function benchSheetItems(criteria: Criteria, applicant: Applicant, random: () => number): SheetItems {
  const steps = Math.floor(40 / criteria.percentStep) + 1;
  return allItems(criteria).map((item) => {
    const clauses = clausesOf(applicant, item.categoryId);
    const count = 3 + Math.floor(random() * 3);
    const strengths = 1 + Math.floor(random() * (count - 1));
    return {
      itemId: item.id,
      percent: 30 + Math.floor(random() * steps) * criteria.percentStep,
      strengths: Array.from({ length: strengths }, () => comment(clauses.strengths, strengthTails, random)),
      ofis: Array.from({ length: count - strengths }, () => comment(clauses.ofis, ofiTails, random)),
    };
  });
}
