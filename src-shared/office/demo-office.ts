import type { Applicant } from '../assignments/assignment-schema';
import type { ChannelRequest } from '../contract/channels';
import { fail, ok, type Result } from '../contract/result';
import type { Criteria } from '../criteria/criteria-schema';
import { allItems } from '../criteria/load-criteria';
import type { ConflictGround, ExpertProfile } from '../packages/payload-schemas';
import { applicantRecordSchema, type ApplicantRecord, type Certification } from './applicant-schema';
import { findDistrict, URUMQI_DISTRICTS, type DistrictId } from './urumqi-districts';

/**
 * The office's demo (issue 4: "the demo offers both roles"): what turns the embedded demo bundle into an office cycle
 * with registered applicants, and what five fictional experts score. Everything here is fictional and deterministic:
 * the same seed gives the same sheets, so a test can rely on the one item per applicant that needs a consensus.
 */

/** The word that marks a cycle as the demo's; main loads the demo only into a cycle whose name carries it. */
export const DEMO_MARK = '示例';

export function isDemoCycleName(name: { readonly 'zh-CN': string }): boolean {
  return name['zh-CN'].includes(DEMO_MARK);
}

/** The demo cycle's name: marked as demo and as fictional in both languages. */
export function demoCycleName(year: number): { 'zh-CN': string; en: string } {
  return {
    'zh-CN': `${DEMO_MARK}：${year}年度乌鲁木齐市人民政府质量奖（虚构数据）`,
    en: `Demo: ${year} Urumqi Municipal Government Quality Award (fictional)`,
  };
}

/** Who confirms the demo experts' fingerprints: nobody did, and the registry says so. */
export const DEMO_CONFIRMED_BY = '示例数据（虚构）';

/**
 * The five demo experts. Their work units are fictional and none is an applicant's name (the office refuses an expert
 * scoring their own unit), so the only conflict of the demo is the one declared below.
 */
export const DEMO_EXPERTS: readonly ExpertProfile[] = [
  {
    name: '示例专家一',
    workUnit: '天山卓越绩效研究中心（虚构单位）',
    title: '高级工程师',
    fields: ['卓越绩效', '战略管理'],
  },
  { name: '示例专家二', workUnit: '博格达质量管理咨询所（虚构单位）', title: '正高级经济师', fields: ['质量管理'] },
  {
    name: '示例专家三',
    workUnit: '红山标准化技术服务站（虚构单位）',
    title: '高级工程师',
    fields: ['标准化', '过程管理'],
  },
  { name: '示例专家四', workUnit: '西域测量与数据分析所（虚构单位）', title: '教授', fields: ['测量分析', '信息管理'] },
  { name: '示例专家五', workUnit: '雅玛里克人力资源研究室（虚构单位）', title: '高级经济师', fields: ['人力资源'] },
].map((expert) => ({ ...expert, phone: '' }));

/** The demo's one recusal: the fifth expert declares a conflict with the first applicant. */
export const DEMO_RECUSAL = { expertIndex: 4, applicantIndex: 0 } as const;
export const DEMO_CONFLICT_GROUNDS: readonly { ground: ConflictGround; text: string }[] = [
  { ground: 'relative', text: '本人配偶在该组织担任财务负责人（示例数据，虚构），依《管理办法》第十九条申请回避。' },
];

/** The seed of the demo's sheets: every office that loads the demo sees the same scores. */
export const DEMO_SEED = 2026;

/** mulberry32: a small seeded generator in [0, 1); the demo's sheets come out the same on every machine. */
export function demoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The bundle's district text as the register's district: the name itself, the part before a bracket ("乌鲁木齐经济
 * 技术开发区（头屯河区）"), or the one unit whose official name contains that part ("高新技术产业开发区"). Null when
 * nothing matches, which leaves the location rule to the office's judgement.
 */
export function demoDistrict(text: string): DistrictId | null {
  const head = text.split(/[（(]/)[0]?.trim() ?? '';
  const direct = findDistrict(text) ?? findDistrict(head);
  if (direct !== undefined) return direct;
  const containing = URUMQI_DISTRICTS.filter((district) => head !== '' && district['zh-CN'].includes(head));
  return containing.length === 1 && containing[0] !== undefined ? containing[0].id : null;
}

const contacts = ['示例联系人 马晓燕', '示例联系人 艾尔肯', '示例联系人 周立新', '示例联系人 古丽娜'];

/**
 * Certificates a plausible applicant would declare, all valid at the cycle's deadline (`year`-06-30): ISO 9001 for
 * more than three years (Art. 9 (4)), and for the larger ones the excellence model and ISO 14001 as well.
 */
function demoCertifications(applicant: Applicant, year: number): Certification[] {
  const since = Math.max(applicant.foundedYear + 1, year - 9);
  const iso9001: Certification[] = [
    { kind: 'iso9001', label: 'GB/T 19001-2016', from: `${since}-04-18`, to: `${year - 1}-04-17` },
    { kind: 'iso9001', label: 'GB/T 19001-2016', from: `${year - 1}-04-18`, to: `${year + 2}-04-17` },
  ];
  if (applicant.size === 'small' || applicant.size === 'micro') return iso9001;
  return [
    ...iso9001,
    { kind: 'other-system', label: 'ISO 14001', from: `${year - 2}-09-01`, to: `${year + 1}-08-31` },
    { kind: 'excellence-model', label: null, from: `${year - 3}-01-01`, to: null },
  ];
}

/**
 * A demo applicant of the bundle as the office registers it: its own name, code, industry, size and employees; the
 * district by its Chinese name; founded in its founding year; fictional certificates and a fictional contact with an
 * example.com address; no incidents, no export records, no materials. Checked against the register's schema.
 */
export function toDemoApplicantRecord(applicant: Applicant, index: number, year: number): Result<ApplicantRecord> {
  const month = String((index % 9) + 1).padStart(2, '0');
  const parsed = applicantRecordSchema.safeParse({
    v: 1,
    name: applicant.name,
    uscc: applicant.uscc,
    district: demoDistrict(applicant.district),
    industry: applicant.industry,
    foundedOn: `${applicant.foundedYear}-${month}-15`,
    size: applicant.size,
    employees: applicant.employees,
    fourNew: applicant.fourNew,
    exporter: applicant.size === 'large',
    certifications: demoCertifications(applicant, year),
    incidents: [],
    exportRecords: [],
    contact: {
      person: contacts[index % contacts.length] ?? '示例联系人',
      phone: `0991-${5550100 + index}`,
      email: `demo-applicant-${index + 1}@example.com`,
    },
    materials: [],
  } satisfies ApplicantRecord);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const field = first?.path.join('.') ?? '';
  return fail('E_APPLICANT_FIELD', `demo applicant ${applicant.id}: ${first?.message ?? 'invalid'}`, {
    field,
    fieldEn: field,
    detail: first?.message ?? '',
  });
}

export type DemoSheetItems = ChannelRequest<'packages:sign-sheet'>['items'];

/** One demo expert's complete sheet on one applicant. */
export interface DemoSheet {
  readonly expertIndex: number;
  readonly applicantId: string;
  readonly items: DemoSheetItems;
}

/** Per expert: a little lenient or strict, so the severity view has something to show (range 10 points). */
const severity = [0, 5, -5, 0, 5];
/** The flagged item's two outliers, below and above its base: 35 points apart, over the default threshold of 30. */
const flaggedLow = -15;
const flaggedHigh = 20;

function pickIndex(length: number, random: () => number): number {
  return Math.min(length - 1, Math.floor(random() * length));
}

/** A value on the criteria's grid, within 0–100. */
function onGrid(value: number, step: number): number {
  return Math.min(100, Math.max(0, Math.round(value / step) * step));
}

/** Sentences of the applicant's summary of a category, split at "不足：" into practice and shortcomings. */
function sentences(applicant: Applicant, categoryId: string): { practice: string[]; gaps: string[] } {
  const text = applicant.summaries.find((summary) => summary.categoryId === categoryId)?.text ?? '';
  const [practice = '', gaps = ''] = text.split('不足：');
  const split = (part: string): string[] =>
    part
      .split(/[。；]/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.length >= 6);
  return { practice: split(practice), gaps: split(gaps) };
}

function nth(list: readonly string[], index: number, fallback: string): string {
  return list.length === 0 ? fallback : (list[index % list.length] ?? fallback);
}

/**
 * The demo's sheets: every expert scores every applicant they are not recused from, all items of the criteria on its
 * percent grid. Each applicant has a level, each item an offset from it, each expert a severity and a little noise,
 * so ordinary items spread at most 20 points; one item per applicant (drawn) has a low and a high outlier 35 points
 * apart among the experts who score it, so it needs a consensus. Each item has a strength citing a page of the
 * application, and an opportunity for improvement when its score is 45 % or less (the cycle's rule asks from 25 %).
 */
export function demoSheets(criteria: Criteria, applicants: readonly Applicant[], random: () => number): DemoSheet[] {
  const items = allItems(criteria);
  const step = criteria.percentStep;
  const sheets: DemoSheet[] = [];
  applicants.forEach((applicant, applicantIndex) => {
    const scorers = DEMO_EXPERTS.map((_, expertIndex) => expertIndex).filter(
      (expertIndex) => !(expertIndex === DEMO_RECUSAL.expertIndex && applicantIndex === DEMO_RECUSAL.applicantIndex),
    );
    const level = 40 + 5 * pickIndex(4, random);
    const bases = items.map(() => Math.min(80, Math.max(20, level + 5 * (pickIndex(5, random) - 2))));
    const flagged = pickIndex(items.length, random);
    const low = scorers[pickIndex(scorers.length, random)] ?? 0;
    const others = scorers.filter((expertIndex) => expertIndex !== low);
    const high = others[pickIndex(others.length, random)] ?? 1;
    /** Ordinary items: severity and noise (at most 20 points apart); the flagged one: its two outliers only. */
    const percentOf = (itemIndex: number, expertIndex: number): number => {
      const base = bases[itemIndex] ?? level;
      if (itemIndex === flagged) {
        return onGrid(base + (expertIndex === low ? flaggedLow : expertIndex === high ? flaggedHigh : 0), step);
      }
      return onGrid(base + (severity[expertIndex] ?? 0) + 5 * (pickIndex(3, random) - 1), step);
    };
    for (const expertIndex of scorers) {
      const scored = items.map((item, itemIndex) => {
        const percent = percentOf(itemIndex, expertIndex);
        const { practice, gaps } = sentences(applicant, item.categoryId);
        const strength = nth(practice, itemIndex + expertIndex, `${item.name['zh-CN']}的做法在申报材料中有描述`);
        const gap = nth(gaps, itemIndex + expertIndex, `${item.name['zh-CN']}缺少趋势和对比数据`);
        return {
          itemId: item.id,
          percent,
          strengths: [{ text: `${strength}。`, page: 1 + pickIndex(240, random), ref: '' }],
          ofis: percent <= 45 ? [{ text: `${gap}，建议明确改进目标并跟踪。`, page: null, ref: '申报材料' }] : [],
        };
      });
      sheets.push({ expertIndex, applicantId: applicant.id, items: scored });
    }
  });
  return sheets;
}
