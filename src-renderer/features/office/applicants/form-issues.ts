import { formatTemplate } from '../../../../src-shared/contract/error-messages';
import type { AppError } from '../../../../src-shared/contract/result';
import { APPLICANT_COLUMNS } from '../../../../src-shared/office/applicant-columns';
import {
  validateApplicant,
  type ApplicantIssue,
  type ApplicantValidation,
} from '../../../../src-shared/office/applicant-issues';
import { officeApplicantsEn, officeApplicantsZh } from '../../../i18n/office/applicants';
import { candidateFromDraft, type ApplicantFormDraft } from './applicant-draft';

/**
 * The shared validation reports problems by path (['certifications', 1, 'to']); the form shows each one next to
 * the control with that path. Every message names its field in both languages (the error messages of
 * error-messages.ts take `field` and `fieldEn`), so the words come from both dictionaries, not the current one.
 */

type Key = keyof typeof officeApplicantsZh;
type Dictionary = Readonly<Record<Key, string>>;

/** The key of a control: its path joined with dots, e.g. "certifications.1.to" or "contact.phone". */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

const TOP: Readonly<Record<string, Key>> = {
  name: 'officeApplicants.field.name',
  uscc: 'officeApplicants.field.uscc',
  district: 'officeApplicants.field.district',
  industry: 'officeApplicants.field.industry',
  foundedOn: 'officeApplicants.field.foundedOn',
  size: 'officeApplicants.field.size',
  employees: 'officeApplicants.field.employees',
  fourNew: 'officeApplicants.field.fourNew',
  exporter: 'officeApplicants.field.exporter',
  certifications: 'officeApplicants.field.certifications',
  incidents: 'officeApplicants.field.incidents',
  exportRecords: 'officeApplicants.field.exportRecords',
  materials: 'officeApplicants.field.materials',
  person: 'officeApplicants.field.contactPerson',
  phone: 'officeApplicants.field.contactPhone',
  email: 'officeApplicants.field.contactEmail',
};

const PART: Readonly<Record<string, Key>> = {
  kind: 'officeApplicants.part.kind',
  label: 'officeApplicants.part.label',
  from: 'officeApplicants.part.from',
  to: 'officeApplicants.part.to',
  date: 'officeApplicants.part.date',
  note: 'officeApplicants.part.note',
  creditRepairedOn: 'officeApplicants.part.creditRepairedOn',
  fileName: 'officeApplicants.part.fileName',
  sha256: 'officeApplicants.part.sha256',
  size: 'officeApplicants.part.fileSize',
  commercialSecret: 'officeApplicants.part.commercialSecret',
};

/** The field's name in one language: "联系电话", or "管理体系认证与方法第 2 条·有效期至" for an entry's part. */
export function fieldLabel(path: readonly (string | number)[], dictionary: Dictionary): string {
  const [first, second, third] = path;
  const top =
    typeof first === 'string' ? TOP[first === 'contact' && typeof second === 'string' ? second : first] : undefined;
  const list = top === undefined ? pathKey(path) : dictionary[top];
  if (typeof second !== 'number') return list;
  const partKey = typeof third === 'string' ? PART[third] : undefined;
  return formatTemplate(dictionary['officeApplicants.entryField'], {
    list,
    n: second + 1,
    part: partKey === undefined ? '' : dictionary[partKey],
  }).trim();
}

/** A problem of the form as an error to show: its code and the params of its message, with the field named. */
export function issueError(issue: Pick<ApplicantIssue, 'path' | 'code' | 'params'>): Pick<AppError, 'code' | 'params'> {
  return {
    code: issue.code,
    params: {
      ...issue.params,
      field: fieldLabel(issue.path, officeApplicantsZh),
      fieldEn: fieldLabel(issue.path, officeApplicantsEn),
    },
  };
}

/** Problems grouped by the control they belong to. */
export function issuesByField(
  issues: readonly Pick<ApplicantIssue, 'path' | 'code' | 'params'>[],
): ReadonlyMap<string, Pick<AppError, 'code' | 'params'>[]> {
  const map = new Map<string, Pick<AppError, 'code' | 'params'>[]>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    map.set(key, [...(map.get(key) ?? []), issueError(issue)]);
  }
  return map;
}

/**
 * The shared validation of the draft. One problem is said better here: employees typed as words reach the schema as
 * text, which it can only call "not a number"; the form names it a format problem with an example, as the import does.
 */
export function validateDraft(draft: ApplicantFormDraft, today: string): ApplicantValidation {
  const validated = validateApplicant(candidateFromDraft(draft), today);
  if (validated.ok) return validated;
  const issues = validated.issues.map((issue): ApplicantIssue => {
    if (pathKey(issue.path) !== 'employees' || issue.code !== 'E_APPLICANT_FIELD') return issue;
    return {
      ...issue,
      code: 'E_APPLICANT_FORMAT',
      params: { value: draft.employees, example: APPLICANT_COLUMNS.employees.example },
    };
  });
  return { ok: false, issues };
}
