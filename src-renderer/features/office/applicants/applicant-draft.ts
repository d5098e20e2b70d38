import type { OrganisationSize } from '../../../../src-shared/assignments/assignment-schema';
import {
  APPLICANT_RECORD_VERSION,
  type CertificationKind,
  type ExportRecordKind,
  type IncidentKind,
  type Material,
} from '../../../../src-shared/office/applicant-schema';
import type { BilingualText } from '../../../../src-shared/criteria/criteria-schema';
import type { DistrictId } from '../../../../src-shared/office/urumqi-districts';
import type { OfficeApplicantRow } from '../../../data/office-rows';

/**
 * The applicant form's state: what the office types, as text, kept apart from the record until the shared schema
 * has accepted it (validateApplicant). Each repeatable entry has a `key` that stays with it while rows are added
 * and removed, so React keeps focus and typed text on the right row.
 */

export interface CertificationDraft {
  readonly key: string;
  readonly kind: CertificationKind;
  readonly label: string;
  readonly from: string;
  /** Empty while the certificate is still valid. */
  readonly to: string;
}

export interface IncidentDraft {
  readonly key: string;
  readonly kind: IncidentKind;
  readonly date: string;
  readonly note: string;
  /** Empty when the credit repair is not completed. */
  readonly creditRepairedOn: string;
}

export interface ExportRecordDraft {
  readonly key: string;
  readonly kind: ExportRecordKind;
  readonly date: string;
  readonly note: string;
}

export interface ApplicantFormDraft {
  readonly name: string;
  readonly uscc: string;
  /** Empty when the unit is not known yet (the location rule then needs a judgement). */
  readonly district: DistrictId | '';
  readonly industry: string;
  readonly foundedOn: string;
  readonly size: OrganisationSize;
  readonly employees: string;
  readonly fourNew: boolean;
  readonly exporter: boolean;
  readonly certifications: readonly CertificationDraft[];
  readonly incidents: readonly IncidentDraft[];
  readonly exportRecords: readonly ExportRecordDraft[];
  readonly contactPerson: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly materials: readonly Material[];
  /** SHA-256 of the materials whose bytes main holds (issue 5); the others must be chosen again to be issued. */
  readonly storedMaterials: readonly string[];
  /** Summary text per criteria category id; categories the current criteria do not name are kept as they were. */
  readonly summaries: Readonly<Record<string, string>>;
}

/** A criteria category as the summaries need it. */
export interface CriteriaCategoryName {
  readonly id: string;
  readonly name: BilingualText;
}

export function emptyDraft(): ApplicantFormDraft {
  return {
    name: '',
    uscc: '',
    district: '',
    industry: '',
    foundedOn: '',
    size: 'medium',
    employees: '',
    fourNew: false,
    exporter: false,
    certifications: [],
    incidents: [],
    exportRecords: [],
    contactPerson: '',
    contactPhone: '',
    contactEmail: '',
    materials: [],
    storedMaterials: [],
    summaries: {},
  };
}

export function draftFromRow(
  row: Pick<OfficeApplicantRow, 'record' | 'summaries' | 'storedMaterials'>,
  newKey: () => string,
): ApplicantFormDraft {
  const { record } = row;
  const draft: ApplicantFormDraft = {
    name: record.name,
    uscc: record.uscc,
    district: record.district ?? '',
    industry: record.industry,
    foundedOn: record.foundedOn,
    size: record.size,
    employees: String(record.employees),
    fourNew: record.fourNew,
    exporter: record.exporter,
    certifications: record.certifications.map((c) => ({
      key: newKey(),
      kind: c.kind,
      label: c.label ?? '',
      from: c.from,
      to: c.to ?? '',
    })),
    incidents: record.incidents.map((i) => ({
      key: newKey(),
      kind: i.kind,
      date: i.date,
      note: i.note ?? '',
      creditRepairedOn: i.creditRepairedOn ?? '',
    })),
    exportRecords: record.exportRecords.map((e) => ({ key: newKey(), kind: e.kind, date: e.date, note: e.note ?? '' })),
    contactPerson: record.contact.person,
    contactPhone: record.contact.phone,
    contactEmail: record.contact.email ?? '',
    materials: record.materials,
    storedMaterials: row.storedMaterials ?? [],
    summaries: Object.fromEntries(row.summaries.map((s) => [s.categoryId, s.text])),
  };
  return draft;
}

/** Blank optional text is "none" (null), as the schema says. */
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Blank required input is left out, so the schema reports it as required rather than as malformed. */
const orMissing = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** People type codes with spaces and in lower case; the licence prints them without spaces in capitals. */
export function normaliseUscc(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

function employeesOf(text: string): number | string | undefined {
  const digits = text.replace(/[,，\s]/g, '');
  if (digits === '') return undefined;
  return /^\d{1,9}$/.test(digits) ? Number(digits) : text;
}

/** The draft as the record it stands for; the shared schema decides whether it is one. */
export function candidateFromDraft(draft: ApplicantFormDraft): Record<string, unknown> {
  return {
    v: APPLICANT_RECORD_VERSION,
    name: draft.name,
    uscc: orMissing(normaliseUscc(draft.uscc)),
    district: draft.district === '' ? null : draft.district,
    industry: draft.industry,
    foundedOn: orMissing(draft.foundedOn),
    size: draft.size,
    employees: employeesOf(draft.employees),
    fourNew: draft.fourNew,
    exporter: draft.exporter,
    certifications: draft.certifications.map((c) => ({
      kind: c.kind,
      label: orNull(c.label),
      from: orMissing(c.from),
      to: orNull(c.to),
    })),
    incidents: draft.incidents.map((i) => ({
      kind: i.kind,
      date: orMissing(i.date),
      note: orNull(i.note),
      creditRepairedOn: orNull(i.creditRepairedOn),
    })),
    exportRecords: draft.exportRecords.map((e) => ({ kind: e.kind, date: orMissing(e.date), note: orNull(e.note) })),
    contact: {
      person: draft.contactPerson,
      phone: orMissing(draft.contactPhone),
      email: orNull(draft.contactEmail),
    },
    materials: draft.materials,
  };
}

/** The non-blank summaries, criteria categories first in their order, then any the criteria no longer name. */
export function summariesFromDraft(
  draft: ApplicantFormDraft,
  categoryIds: readonly string[],
): OfficeApplicantRow['summaries'] {
  const others = Object.keys(draft.summaries).filter((id) => !categoryIds.includes(id));
  return [...categoryIds, ...others]
    .map((categoryId) => ({ categoryId, text: (draft.summaries[categoryId] ?? '').trim() }))
    .filter((summary) => summary.text !== '');
}

/** The calendar day of `date` on this computer (the office works in Urumqi time), as YYYY-MM-DD. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
