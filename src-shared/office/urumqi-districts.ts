import { z } from 'zod';

/**
 * Where an applicant may be "established lawfully within the administrative area of Urumqi" (Art. 9 (2)):
 * the seven districts and one county of the city, and the development zones that run their own affairs.
 *
 * - Districts and county: the administrative divisions of Urumqi with their GB/T 2260 codes (6501xx).
 * - Development zones: the Measures' own notice is addressed to "乌鲁木齐经济技术开发区、高新技术产业开发区、
 *   甘泉堡经济技术开发区（工业区）管委会" (seeds/urumqi-quality-award-measures-2025.txt, first lines), so these three
 *   management committees are the zones the city itself treats as units of the award; their applicants are
 *   reviewed "by the administrative organs entrusted by the municipal market regulation bureau" (Art. 8).
 *   Zones have no GB/T 2260 code of their own (they overlap districts), hence `gbt2260: null`.
 */
export const districtIds = [
  'tianshan',
  'saybag',
  'xinshi',
  'shuimogou',
  'toutunhe',
  'dabancheng',
  'midong',
  'urumqi-county',
  'urumqi-etdz',
  'urumqi-hitech',
  'ganquanbao-etdz',
] as const;

export const districtIdSchema = z.enum(districtIds);
export type DistrictId = z.infer<typeof districtIdSchema>;

export type DistrictKind = 'district' | 'county' | 'development-zone';

export interface District {
  readonly id: DistrictId;
  readonly kind: DistrictKind;
  readonly 'zh-CN': string;
  readonly en: string;
  /** The GB/T 2260 administrative division code, or null for a development zone. */
  readonly gbt2260: string | null;
}

/** Typed by id, so a district missing its names is a compile error. */
const DISTRICTS: Readonly<Record<DistrictId, Omit<District, 'id'>>> = {
  tianshan: { kind: 'district', 'zh-CN': '天山区', en: 'Tianshan District', gbt2260: '650102' },
  saybag: { kind: 'district', 'zh-CN': '沙依巴克区', en: 'Saybag District', gbt2260: '650103' },
  xinshi: { kind: 'district', 'zh-CN': '新市区', en: 'Xinshi District', gbt2260: '650104' },
  shuimogou: { kind: 'district', 'zh-CN': '水磨沟区', en: 'Shuimogou District', gbt2260: '650105' },
  toutunhe: { kind: 'district', 'zh-CN': '头屯河区', en: 'Toutunhe District', gbt2260: '650106' },
  dabancheng: { kind: 'district', 'zh-CN': '达坂城区', en: 'Dabancheng District', gbt2260: '650107' },
  midong: { kind: 'district', 'zh-CN': '米东区', en: 'Midong District', gbt2260: '650109' },
  'urumqi-county': { kind: 'county', 'zh-CN': '乌鲁木齐县', en: 'Urumqi County', gbt2260: '650121' },
  'urumqi-etdz': {
    kind: 'development-zone',
    'zh-CN': '乌鲁木齐经济技术开发区',
    en: 'Urumqi Economic and Technological Development Zone',
    gbt2260: null,
  },
  'urumqi-hitech': {
    kind: 'development-zone',
    'zh-CN': '乌鲁木齐高新技术产业开发区',
    en: 'Urumqi High-tech Industrial Development Zone',
    gbt2260: null,
  },
  'ganquanbao-etdz': {
    kind: 'development-zone',
    'zh-CN': '甘泉堡经济技术开发区（工业区）',
    en: 'Ganquanbao Economic and Technological Development Zone (Industrial Zone)',
    gbt2260: null,
  },
};

/** All units in the order of {@link districtIds}: districts, the county, then the development zones. */
export const URUMQI_DISTRICTS: readonly District[] = districtIds.map((id) => ({ id, ...DISTRICTS[id] }));

/**
 * The GB/T 2260 prefix of Urumqi: positions 3–8 of a unified social credit code name the registration authority's
 * division (GB 32100-2015, clause 4), so an organisation registered in the city has a code whose division starts so.
 */
export const URUMQI_DIVISION_PREFIX = '6501';

/** The district with this id. */
export function districtById(id: DistrictId): District {
  return { id, ...DISTRICTS[id] };
}

/** Folds spaces, full-width brackets and case, so "高新区 (新市区)" style variations compare equal. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Short names people write in spreadsheets, mapped to the official unit. */
const SHORT_NAMES: Readonly<Record<string, DistrictId>> = {
  经开区: 'urumqi-etdz',
  经济技术开发区: 'urumqi-etdz',
  乌鲁木齐经开区: 'urumqi-etdz',
  高新区: 'urumqi-hitech',
  乌鲁木齐高新区: 'urumqi-hitech',
  甘泉堡经济技术开发区: 'ganquanbao-etdz',
  甘泉堡工业区: 'ganquanbao-etdz',
  甘泉堡经开区: 'ganquanbao-etdz',
};

/**
 * Finds a district by its id, its Chinese or English name, a common short name or its GB/T 2260 code.
 * @returns the id, or undefined when nothing matches.
 */
export function findDistrict(text: string): DistrictId | undefined {
  const key = fold(text);
  if (key === '') return undefined;
  for (const district of URUMQI_DISTRICTS) {
    if ([district.id, district['zh-CN'], district.en, district.gbt2260 ?? ''].some((name) => fold(name) === key)) {
      return district.id;
    }
  }
  const short = Object.entries(SHORT_NAMES).find(([name]) => fold(name) === key);
  return short?.[1];
}
