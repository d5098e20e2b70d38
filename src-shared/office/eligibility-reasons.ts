import { formatTemplate, type Lang } from '../contract/error-messages';
import type { ErrorParams } from '../contract/result';
import {
  CERTIFICATION_LABELS,
  EXPORT_RECORD_LABELS,
  INCIDENT_LABELS,
  findChoice,
  type ChoiceLabel,
} from './applicant-columns';
import type { RegisterEntryKind } from './eligibility-register';
import { districtIdSchema, districtById } from './urumqi-districts';

/**
 * The words of the eligibility check (eligibility.ts) in both languages, as data: a title per rule and a template
 * per reason, `{name}` filled from the outcome's params. Kind and district params hold ids; {@link reasonText}
 * shows them by their names in the chosen language.
 */

export const eligibilityRules = [
  'location',
  'operation',
  'incidents',
  'export',
  'quality-management',
  'award-bar',
  'false-materials-ban',
  'fraud-ban',
  'accident-revocation',
] as const;
export type EligibilityRule = (typeof eligibilityRules)[number];

type Bilingual = { readonly 'zh-CN': string; readonly en: string };

export const RULE_TITLES: Readonly<Record<EligibilityRule, Bilingual & { readonly article: string }>> = {
  location: { article: '9 (2)', 'zh-CN': '在乌鲁木齐市行政区域内依法设立', en: 'Established lawfully in Urumqi' },
  operation: { article: '9 (2)', 'zh-CN': '正常运营年限', en: 'Years of operation' },
  incidents: {
    article: '9 (3)',
    'zh-CN': '近 3 年无重大事故、投诉和违法违规记录',
    en: 'No major incident, complaint or violation in 3 years',
  },
  export: {
    article: '9 (3)',
    'zh-CN': '出口产品无质量安全退运、销毁或官方通报',
    en: 'No quality-safety returns, destruction or notices of exports',
  },
  'quality-management': {
    article: '9 (4)',
    'zh-CN': '质量管理体系认证或卓越绩效模式',
    en: 'Quality management certification or excellence model',
  },
  'award-bar': {
    article: '15',
    'zh-CN': '质量奖获奖后 5 年内不得重复申报',
    en: 'No new application within 5 years of winning the Quality Award',
  },
  'false-materials-ban': {
    article: '18 ¶1',
    'zh-CN': '提供虚假材料 5 年内不予受理',
    en: 'False materials: no application for 5 years',
  },
  'fraud-ban': {
    article: '18 ¶2',
    'zh-CN': '以欺骗、贿赂等手段获奖 10 年内不予受理',
    en: 'Award by fraud or bribery: no application for 10 years',
  },
  'accident-revocation': {
    article: '18 ¶3',
    'zh-CN': '获奖后因重大事故等被取消奖励',
    en: 'Award revoked for a major accident or violation',
  },
};

export const REASONS = {
  'location.in-urumqi': {
    'zh-CN': '所在区县：{district}；统一社会信用代码的登记机关区划为 {division}（乌鲁木齐市）。',
    en: 'Unit: {district}; the credit code’s registration division is {division} (Urumqi).',
  },
  'location.division-elsewhere': {
    'zh-CN':
      '所在区县填写为 {district}，但统一社会信用代码的登记机关区划为 {division}，不在乌鲁木齐市（6501）。请核对营业执照登记机关。',
    en: 'The unit is given as {district}, but the credit code’s registration division {division} is outside Urumqi (6501). Check the registration authority on the licence.',
  },
  'location.unknown': {
    'zh-CN': '未填写所在区县或开发区，需核实是否在乌鲁木齐市行政区域内依法设立。',
    en: 'No district or zone is given; whether it is established in Urumqi needs checking.',
  },
  'operation.enough': {
    'zh-CN': '成立于 {foundedOn}，至申报截止日已满 {years} 年（要求 {required} 年以上）。',
    en: 'Founded {foundedOn}: {years} full years at the deadline ({required} required).',
  },
  'operation.four-new': {
    'zh-CN': '成立于 {foundedOn}，至申报截止日已满 {years} 年；属于新技术、新产业、新业态、新模式领域，要求 3 年以上。',
    en: 'Founded {foundedOn}: {years} full years at the deadline; a “four new” organisation needs 3.',
  },
  'operation.short': {
    'zh-CN': '成立于 {foundedOn}，至申报截止日仅满 {years} 年，要求 {required} 年以上（{enoughOn} 才满）。',
    en: 'Founded {foundedOn}: only {years} full years at the deadline; {required} required (reached on {enoughOn}).',
  },
  'incidents.none': {
    'zh-CN': '{since} 至申报截止日无申报的重大事故、重大投诉或违法违规记录。',
    en: 'No major accident, complaint or violation declared from {since} to the deadline.',
  },
  'incidents.violation-repaired': {
    'zh-CN': '近 3 年有 {count} 条违法违规记录，均已在申报截止日前完成信用修复。',
    en: '{count} violation record(s) in the 3 years, each with credit repaired by the deadline.',
  },
  'incidents.unrepaired': {
    'zh-CN': '{date} 发生{kind}（近 3 年内），未在申报截止日前完成信用修复；近 3 年共 {count} 条。',
    en: '{kind} on {date} (within the 3 years), credit not repaired by the deadline; {count} in the 3 years.',
  },
  'incidents.accident-repaired': {
    'zh-CN':
      '{date} 发生{kind}，已于 {repairedOn} 完成信用修复。第九条（三）的信用修复例外紧随违法违规记录一项，是否及于事故和投诉需研判。',
    en: '{kind} on {date}, credit repaired on {repairedOn}. The credit-repair exception of Art. 9 (3) follows the violations clause; whether it covers accidents and complaints needs a judgement.',
  },
  'export.not-exporter': {
    'zh-CN': '非出口企业，且未申报出口质量安全记录。',
    en: 'Not an exporter, and no export quality-safety record declared.',
  },
  'export.none': {
    'zh-CN': '出口企业，未申报因产品质量安全原因引发的退运、销毁或官方通报。',
    en: 'Exporter with no declared return, destruction or official notice for quality-safety reasons.',
  },
  'export.records': {
    'zh-CN':
      '申报了 {count} 条出口质量安全记录（最近一条：{date} {kind}；近 3 年内 {recent} 条）。第九条（三）对出口记录未规定期限，需研判。',
    en: '{count} export quality-safety record(s) declared (latest: {kind} on {date}; {recent} within 3 years). Art. 9 (3) sets no period for these; a judgement is needed.',
  },
  'quality.iso9001': {
    'zh-CN': 'ISO 9001 / GB/T 19001 认证自 {since} 起连续有效，至申报截止日满 {years} 年（要求 3 年以上）。',
    en: 'ISO 9001 / GB/T 19001 certified without a gap since {since}: {years} full years at the deadline (3 required).',
  },
  'quality.excellence': {
    'zh-CN': '自 {since} 起应用卓越绩效管理模式，至申报截止日满 {years} 年（要求 1 年以上）。',
    en: 'The excellence model applied since {since}: {years} full years at the deadline (1 required).',
  },
  'quality.other-system': {
    'zh-CN': '{label}认证自 {since} 起连续有效满 3 年；是否属于“国际通行管理体系认证”需研判。',
    en: '{label} certified since {since} for 3 years or more; whether it is an “internationally recognised management system” needs a judgement.',
  },
  'quality.own-method': {
    'zh-CN': '自 {since} 起应用自主创新的质量管理方法“{label}”；是否具有行业特色、企业特点和标杆示范作用需评审研判。',
    en: 'Own quality method “{label}” in use since {since}; whether it is distinctive and exemplary needs a judgement.',
  },
  'quality.short': {
    'zh-CN': '{kind}自 {since} 起连续有效，至申报截止日不足 {required} 年（{enoughOn} 才满）。',
    en: '{kind} without a gap since {since}: less than {required} year(s) at the deadline (reached on {enoughOn}).',
  },
  'quality.lapsed': {
    'zh-CN': '{kind}已于 {lastTo} 失效，申报截止日时不在有效期内。',
    en: '{kind} lapsed on {lastTo} and was not in force at the deadline.',
  },
  'quality.none': {
    'zh-CN': '未申报质量管理体系认证、卓越绩效模式应用或自主质量管理方法。',
    en: 'No quality management certification, excellence model or own quality method declared.',
  },
  'register.none': { 'zh-CN': '登记簿中无相关记录。', en: 'No such entry in the register.' },
  'register.nomination': {
    'zh-CN': '{date} 获质量奖提名奖；提名奖获奖组织可以重复申报。',
    en: 'Nomination Award on {date}; nomination winners may apply again.',
  },
  'register.barred': {
    'zh-CN': '登记簿：{date} {kind}；至 {until} 前不予受理申报，申报截止日在此期间内。',
    en: 'Register: {kind} on {date}; applications are not accepted until {until}, which covers the deadline.',
  },
  'register.expired': {
    'zh-CN': '登记簿：{date} {kind}；限制期已于 {until} 届满。',
    en: 'Register: {kind} on {date}; the exclusion ended on {until}.',
  },
  'register.after-deadline': {
    'zh-CN': '登记簿：{date} {kind}，晚于申报截止日，需研判。',
    en: 'Register: {kind} on {date}, after the deadline; a judgement is needed.',
  },
  'register.accident-revoked': {
    'zh-CN': '登记簿：{date} 因重大事故或严重违法违规被取消奖励。第十八条第三款未规定不予受理的期限，需研判。',
    en: 'Register: award revoked on {date} for a major accident or serious violation. Art. 18 ¶3 sets no period of exclusion; a judgement is needed.',
  },
} as const satisfies Record<string, Bilingual>;

export type EligibilityReason = keyof typeof REASONS;

const REGISTER_LABELS: Readonly<Record<RegisterEntryKind, ChoiceLabel>> = {
  award: { 'zh-CN': '获质量奖', en: 'Quality Award', aliases: [] },
  nomination: { 'zh-CN': '获质量奖提名奖', en: 'Nomination Award', aliases: [] },
  'ban-false-materials': { 'zh-CN': '因提供虚假材料不予受理', en: 'refused for false materials', aliases: [] },
  'revoked-fraud': { 'zh-CN': '因欺骗、贿赂获奖被取消奖励', en: 'award revoked for fraud or bribery', aliases: [] },
  'revoked-accident': { 'zh-CN': '因重大事故等被取消奖励', en: 'award revoked for a major accident', aliases: [] },
};

/** The label table for a reason's `kind` param. */
function kindLabels(reason: EligibilityReason): Readonly<Record<string, ChoiceLabel>> {
  if (reason.startsWith('incidents.')) return INCIDENT_LABELS;
  if (reason.startsWith('export.')) return EXPORT_RECORD_LABELS;
  if (reason.startsWith('quality.')) return CERTIFICATION_LABELS;
  return REGISTER_LABELS;
}

/** The reason in words, with ids in `kind` and `district` shown by name. */
export function reasonText(
  outcome: { readonly reason: EligibilityReason; readonly params: ErrorParams },
  lang: Lang,
): string {
  const params: Record<string, string | number> = { ...outcome.params };
  const kind = params.kind;
  if (typeof kind === 'string') {
    const labels = kindLabels(outcome.reason);
    const id = findChoice(labels, kind);
    if (id !== undefined) params.kind = labels[id]?.[lang] ?? kind;
  }
  const district = districtIdSchema.safeParse(params.district);
  if (district.success) params.district = districtById(district.data)[lang];
  return formatTemplate(REASONS[outcome.reason][lang], params);
}

/** The rule's title in words. */
export function ruleTitle(rule: EligibilityRule, lang: Lang): string {
  return RULE_TITLES[rule][lang];
}
