import type { ApplicantRecord, Certification, Incident } from '../../../src-shared/office/applicant-schema';
import type { RegisterEntry, RegisterEntryKind } from '../../../src-shared/office/eligibility-register';

/** Valid codes of the fictional demo applicants (resources/demo/demo-cycle.json): divisions 650106, 650109, 650104. */
export const USCC_TOUTUNHE = '9165010671296457XA';
export const USCC_MIDONG = '91650109576231899A';
export const USCC_XINSHI = '91650104MA78KQ4D93';
/** A real published code registered in Shenzhen (division 440300), for the location rule. */
export const USCC_SHENZHEN = '914403001922038216';

export const DEADLINE = '2026-03-10';

/** A record that passes every rule at {@link DEADLINE}; tests change one thing at a time. */
export function applicant(overrides: Partial<ApplicantRecord> = {}): ApplicantRecord {
  return {
    v: 1,
    name: '乌鲁木齐示例乳业有限公司',
    uscc: USCC_MIDONG,
    district: 'midong',
    industry: '乳制品加工',
    foundedOn: '2011-06-30',
    size: 'medium',
    employees: 420,
    fourNew: false,
    exporter: false,
    certifications: [{ kind: 'iso9001', label: null, from: '2015-01-01', to: null }],
    incidents: [],
    exportRecords: [],
    contact: { person: '张三', phone: '0991-1234567', email: 'zhang@example.cn' },
    materials: [],
    ...overrides,
  };
}

export function iso9001(from: string, to: string | null): Certification {
  return { kind: 'iso9001', label: null, from, to };
}

export function incident(kind: Incident['kind'], date: string, creditRepairedOn: string | null = null): Incident {
  return { kind, date, note: null, creditRepairedOn };
}

export function entry(kind: RegisterEntryKind, date: string, uscc = USCC_MIDONG): RegisterEntry {
  return { v: 1, uscc, kind, date, note: null };
}
