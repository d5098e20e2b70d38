import type { OrganisationSize } from '../assignments/assignment-schema';
import type { CertificationKind, ExportRecordKind, IncidentKind } from './applicant-schema';

/**
 * The applicant table shared by CSV (applicant-csv.ts) and XLSX (src-main/services/xlsx-applicants.ts): one
 * applicant per row, in this fixed column order on export. On import the header may use the Chinese name or any
 * English alias, in any order, but every column must be there exactly once (a missing "四新领域" column must not
 * silently mean "no": it changes the Art. 9 (2) threshold).
 *
 * Multi-valued cells (certifications, incidents, export records, materials) use the small syntax of
 * applicant-cells.ts, documented there and in the column's `example`.
 */
export const columnKeys = [
  'name',
  'uscc',
  'district',
  'industry',
  'foundedOn',
  'size',
  'employees',
  'fourNew',
  'exporter',
  'certifications',
  'incidents',
  'exportRecords',
  'contactPerson',
  'contactPhone',
  'contactEmail',
  'materials',
] as const;
export type ColumnKey = (typeof columnKeys)[number];

export interface ColumnSpec {
  readonly key: ColumnKey;
  /** The header written on export. */
  readonly 'zh-CN': string;
  /** The English name; also accepted as a header. */
  readonly en: string;
  /** Further accepted header spellings (compared without spaces, case-insensitively). */
  readonly aliases: readonly string[];
  /** What a cell looks like, shown with format errors. */
  readonly example: string;
}

export const APPLICANT_COLUMNS: Readonly<Record<ColumnKey, ColumnSpec>> = {
  name: {
    key: 'name',
    'zh-CN': '组织名称',
    en: 'name',
    aliases: ['名称', 'organisation'],
    example: '乌鲁木齐某某有限公司',
  },
  uscc: {
    key: 'uscc',
    'zh-CN': '统一社会信用代码',
    en: 'uscc',
    aliases: ['unified social credit code', '信用代码'],
    example: '91650109576231899A',
  },
  district: { key: 'district', 'zh-CN': '所在区县', en: 'district', aliases: ['区县', '所在区域'], example: '米东区' },
  industry: { key: 'industry', 'zh-CN': '所属行业', en: 'industry', aliases: ['行业'], example: '乳制品加工' },
  foundedOn: {
    key: 'foundedOn',
    'zh-CN': '成立日期',
    en: 'founded',
    aliases: ['founded on', 'founding date'],
    example: '2011-06-30',
  },
  size: { key: 'size', 'zh-CN': '企业规模', en: 'size', aliases: ['规模'], example: '中型' },
  employees: {
    key: 'employees',
    'zh-CN': '从业人数',
    en: 'employees',
    aliases: ['职工人数', '员工人数'],
    example: '420',
  },
  fourNew: {
    key: 'fourNew',
    'zh-CN': '四新领域',
    en: 'four new',
    aliases: ['四新', 'four-new', 'fournew'],
    example: '是',
  },
  exporter: { key: 'exporter', 'zh-CN': '出口企业', en: 'exporter', aliases: ['是否出口'], example: '否' },
  certifications: {
    key: 'certifications',
    'zh-CN': '管理体系认证与方法',
    en: 'certifications',
    aliases: ['认证', '管理体系'],
    example: 'ISO9001:2019-01-01~2025-12-31; 卓越绩效:2023-06-01~',
  },
  incidents: {
    key: 'incidents',
    'zh-CN': '事故投诉及违法记录',
    en: 'incidents',
    aliases: ['事故投诉违法', '不良记录'],
    example: '严重违法违规(罚款):2024-03-01 信用修复:2024-09-01',
  },
  exportRecords: {
    key: 'exportRecords',
    'zh-CN': '出口质量安全记录',
    en: 'export records',
    aliases: ['export-records', '出口记录'],
    example: '退运:2024-02-01',
  },
  contactPerson: {
    key: 'contactPerson',
    'zh-CN': '联系人',
    en: 'contact',
    aliases: ['contact person'],
    example: '张三',
  },
  contactPhone: {
    key: 'contactPhone',
    'zh-CN': '联系电话',
    en: 'phone',
    aliases: ['电话', 'contact phone'],
    example: '0991-1234567',
  },
  contactEmail: {
    key: 'contactEmail',
    'zh-CN': '电子邮箱',
    en: 'email',
    aliases: ['邮箱', 'e-mail'],
    example: 'name@example.cn',
  },
  materials: {
    key: 'materials',
    'zh-CN': '申报材料',
    en: 'materials',
    aliases: ['材料'],
    example: '申报书.pdf|<64 位 sha256>|204800|商业秘密',
  },
};

/** Header text → column; null when the text names no column. */
export function columnForHeader(header: string): ColumnKey | null {
  const fold = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[\s_]+/g, '')
      .toLowerCase();
  const key = fold(header);
  for (const column of columnKeys) {
    const spec = APPLICANT_COLUMNS[column];
    if ([spec['zh-CN'], spec.en, ...spec.aliases].some((name) => fold(name) === key)) return column;
  }
  return null;
}

/** A labelled choice: the Chinese word written on export, the English word, and further accepted spellings. */
export interface ChoiceLabel {
  readonly 'zh-CN': string;
  readonly en: string;
  readonly aliases: readonly string[];
}

/** Organisation sizes, named as in 《统计上大中小微型企业划分办法（2017）》. */
export const SIZE_LABELS: Readonly<Record<OrganisationSize, ChoiceLabel>> = {
  large: { 'zh-CN': '大型', en: 'large', aliases: ['大'] },
  medium: { 'zh-CN': '中型', en: 'medium', aliases: ['中'] },
  small: { 'zh-CN': '小型', en: 'small', aliases: ['小'] },
  micro: { 'zh-CN': '微型', en: 'micro', aliases: ['微'] },
};

export const CERTIFICATION_LABELS: Readonly<Record<CertificationKind, ChoiceLabel>> = {
  iso9001: { 'zh-CN': 'ISO9001', en: 'ISO 9001', aliases: ['GB/T19001', 'GBT19001', 'iso9001'] },
  'other-system': { 'zh-CN': '其他体系', en: 'other system', aliases: ['other-system', '其他管理体系'] },
  'excellence-model': { 'zh-CN': '卓越绩效', en: 'excellence model', aliases: ['excellence-model', '卓越绩效模式'] },
  'own-method': { 'zh-CN': '自主方法', en: 'own method', aliases: ['own-method', '自主创新方法'] },
};

export const INCIDENT_LABELS: Readonly<Record<IncidentKind, ChoiceLabel>> = {
  'quality-accident': {
    'zh-CN': '重大质量事故',
    en: 'major quality accident',
    aliases: ['quality-accident', '质量事故'],
  },
  'safety-accident': { 'zh-CN': '重大安全事故', en: 'major safety accident', aliases: ['safety-accident', '安全事故'] },
  'environmental-accident': {
    'zh-CN': '重大环境污染事故',
    en: 'major environmental accident',
    aliases: ['environmental-accident', '环境污染事故', '环境事故'],
  },
  'major-complaint': { 'zh-CN': '重大投诉', en: 'major complaint', aliases: ['major-complaint', '投诉'] },
  'serious-violation': {
    'zh-CN': '严重违法违规',
    en: 'serious violation',
    aliases: ['serious-violation', '较大及以上违法违规', '违法违规'],
  },
};

export const EXPORT_RECORD_LABELS: Readonly<Record<ExportRecordKind, ChoiceLabel>> = {
  return: { 'zh-CN': '退运', en: 'return', aliases: [] },
  destruction: { 'zh-CN': '销毁', en: 'destruction', aliases: [] },
  'official-notice': { 'zh-CN': '官方通报', en: 'official notice', aliases: ['official-notice', '通报'] },
};

/** Yes / no cells. An empty cell is an error, not "no" (see the header rule above). */
export const BOOLEAN_LABELS: Readonly<Record<'true' | 'false', ChoiceLabel>> = {
  true: { 'zh-CN': '是', en: 'yes', aliases: ['true', 'y', '1', '√'] },
  false: { 'zh-CN': '否', en: 'no', aliases: ['false', 'n', '0', '×'] },
};

/** Finds the choice whose label matches (spaces, width and case folded). */
export function findChoice<K extends string>(labels: Readonly<Record<K, ChoiceLabel>>, text: string): K | undefined {
  const fold = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const key = fold(text);
  if (key === '') return undefined;
  // Object.entries types keys as string; the keys of a Record<K, …> are exactly K.
  const entries = Object.entries(labels) as [K, ChoiceLabel][];
  const found = entries.find(
    ([id, label]) =>
      fold(id) === key || [label['zh-CN'], label.en, ...label.aliases].some((name) => fold(name) === key),
  );
  return found?.[0];
}

/** The allowed values of a choice in both languages, for E_APPLICANT_CHOICE. */
export function allowedChoices(labels: Readonly<Record<string, ChoiceLabel>>): { allowed: string; allowedEn: string } {
  const all = Object.values(labels);
  return { allowed: all.map((label) => label['zh-CN']).join('、'), allowedEn: all.map((label) => label.en).join(', ') };
}
