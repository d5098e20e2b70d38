import { applicantSchema, type Applicant } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import type { ApplicantRecord } from './applicant-schema';
import { districtById } from './urumqi-districts';

/**
 * The office record → the profile an expert receives in an assignment (assignment-schema.ts `applicantSchema`).
 *
 * The profile is deliberately smaller: no contact, no incidents, no certificates, no materials list — experts score
 * the application, and the eligibility evidence stays with the office (Art. 11 (3) is the office's review). What the
 * record does not hold is passed in: the applicant's id in the cycle and the per-category summaries of the
 * application (written from the materials, not from the register).
 */
export interface ProfileExtras {
  readonly id: string;
  readonly summaries: Applicant['summaries'];
}

/**
 * Builds the expert-facing profile. The district is shown by its Chinese name (the profile's `district` is display
 * text, as in the demo bundle). Fails with E_APPLICANT_REQUIRED when the record has no district yet — such an
 * applicant is still awaiting the office's judgement under Art. 9 (2) and is not sent to experts.
 */
export function toExpertProfile(record: ApplicantRecord, extras: ProfileExtras): Result<Applicant> {
  if (record.district === null) {
    return fail('E_APPLICANT_REQUIRED', 'district is required for the expert profile', {
      field: '所在区县',
      fieldEn: 'district',
    });
  }
  const profile = {
    id: extras.id,
    name: record.name,
    uscc: record.uscc,
    district: districtById(record.district)['zh-CN'],
    industry: record.industry,
    foundedYear: Number(record.foundedOn.slice(0, 4)),
    size: record.size,
    employees: record.employees,
    fourNew: record.fourNew,
    summaries: extras.summaries,
  };
  const parsed = applicantSchema.safeParse(profile);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail('E_APPLICANT_FIELD', `profile: ${first?.message ?? 'invalid'}`, {
      field: first?.path.join('.') ?? '',
      fieldEn: first?.path.join('.') ?? '',
      detail: first?.message ?? '',
    });
  }
  return ok(parsed.data);
}
