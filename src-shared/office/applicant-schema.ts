import { z } from 'zod';
import type { ErrorCode } from '../contract/error-codes';
import { organisationSizeSchema } from '../assignments/assignment-schema';
import { isoDateSchema } from './applicant-dates';
import { validateUscc, type UsccInvalidReason } from './uscc';
import { districtIdSchema } from './urumqi-districts';

/**
 * The office's record of one applicant organisation (format version 1), as registered from an application.
 * Every field serves a rule of the Measures (seeds/urumqi-quality-award-measures-2025.txt):
 * district → Art. 9 (2) "在乌鲁木齐市行政区域内依法设立"; founding date and the "four new" flag → Art. 9 (2) years of
 * operation; size and "four new" → Art. 10; incidents → Art. 9 (3) first sentence; export records → Art. 9 (3)
 * second sentence; certifications → Art. 9 (4); materials and their commercial-secret mark → Art. 11 (2).
 *
 * The record holds what the applicant declares; the eligibility check (eligibility.ts) judges it.
 */

/** Written into every record; a reader refuses other versions rather than guess. */
export const APPLICANT_RECORD_VERSION = 1;

/** The code for each way a unified social credit code can be wrong (uscc.ts). */
export const USCC_ERROR_CODES: Readonly<Record<UsccInvalidReason, ErrorCode>> = {
  length: 'E_USCC_LENGTH',
  charset: 'E_USCC_CHARSET',
  'org-code': 'E_USCC_ORG_CODE',
  'check-digit': 'E_USCC_CHECK',
};

/**
 * A unified social credit code with valid check characters (GB 32100-2015, GB 11714-1997), upper case as printed on
 * the business licence. Issues carry `params.errorCode` so importers report the exact reason.
 */
export const usccSchema = z.string().superRefine((value, ctx) => {
  const result = validateUscc(value);
  if (result.valid) return;
  ctx.addIssue({
    code: 'custom',
    message: `invalid unified social credit code (${result.reason})`,
    params: {
      errorCode: USCC_ERROR_CODES[result.reason],
      value,
      length: value.length,
      expected: result.expected ?? '?',
    },
  });
});

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

/** Art. 9 (4): a quality management system certificate (GB/T 19001 = ISO 9001), another internationally
 * recognised management system certificate ("或其他国际通行管理体系认证"), the excellence model (卓越绩效管理模式)
 * in use, or a self-developed quality method (自主创新的质量管理工具方法). */
export const certificationKindSchema = z.enum(['iso9001', 'other-system', 'excellence-model', 'own-method']);
export type CertificationKind = z.infer<typeof certificationKindSchema>;

/** `to` is the last day of validity (a certificate's expiry date), or null while it is still valid / in use. */
export const certificationSchema = z
  .object({
    kind: certificationKindSchema,
    /** What it is, e.g. "ISO 14001" for another system or the method's name; free text. */
    label: optionalText(100),
    from: isoDateSchema,
    to: isoDateSchema.nullable(),
  })
  .strict();
export type Certification = z.infer<typeof certificationSchema>;

/** Art. 9 (3): "重大质量、安全、环境污染等事故", "重大投诉", "其他较大及以上违法违规不良记录". */
export const incidentKindSchema = z.enum([
  'quality-accident',
  'safety-accident',
  'environmental-accident',
  'major-complaint',
  'serious-violation',
]);
export type IncidentKind = z.infer<typeof incidentKindSchema>;

export const incidentSchema = z
  .object({
    kind: incidentKindSchema,
    date: isoDateSchema,
    note: optionalText(200),
    /** The day the credit repair (信用修复) was completed, or null when it was not. */
    creditRepairedOn: isoDateSchema.nullable(),
  })
  .strict();
export type Incident = z.infer<typeof incidentSchema>;

/** Art. 9 (3): "出口企业未发生因产品质量安全原因引发的退运、销毁或官方通报". */
export const exportRecordKindSchema = z.enum(['return', 'destruction', 'official-notice']);
export type ExportRecordKind = z.infer<typeof exportRecordKindSchema>;

export const exportRecordSchema = z
  .object({ kind: exportRecordKindSchema, date: isoDateSchema, note: optionalText(200) })
  .strict();
export type ExportRecord = z.infer<typeof exportRecordSchema>;

/** Digits with the separators people write in phone numbers: +86 991-1234567, (0991) 1234567, 138 0000 0000. */
const PHONE = /^\+?[0-9][0-9 ()-]{4,28}[0-9]$/;

export const contactSchema = z
  .object({
    person: text(50),
    phone: z.string().trim().regex(PHONE),
    email: z.email().nullable(),
  })
  .strict();
export type Contact = z.infer<typeof contactSchema>;

/** An application file, identified by its SHA-256 (lower-case hex). Art. 11 (2): commercial secrets are marked. */
export const materialSchema = z
  .object({
    fileName: text(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().nonnegative(),
    commercialSecret: z.boolean(),
  })
  .strict();
export type Material = z.infer<typeof materialSchema>;

export const applicantRecordSchema = z
  .object({
    v: z.literal(APPLICANT_RECORD_VERSION),
    name: text(200),
    uscc: usccSchema,
    /** Null when the applicant's unit is not known yet: the location rule then needs a judgement. */
    district: districtIdSchema.nullable(),
    industry: text(200),
    foundedOn: isoDateSchema,
    /** 《统计上大中小微型企业划分办法（2017）》: large, medium, small, micro. */
    size: organisationSizeSchema,
    /** Employees (从业人员); the expert-facing profile shows it, and it underlies the size class. */
    employees: z.number().int().nonnegative(),
    /** 新技术、新产业、新业态、新模式 (Art. 9 (2): 3 years of operation suffice; Art. 10). */
    fourNew: z.boolean(),
    /** Whether the organisation exports (Art. 9 (3), second sentence). */
    exporter: z.boolean(),
    certifications: z.array(certificationSchema),
    incidents: z.array(incidentSchema),
    exportRecords: z.array(exportRecordSchema),
    contact: contactSchema,
    materials: z.array(materialSchema),
  })
  .strict()
  .superRefine((record, ctx) => {
    // Dates inside one entry must be in order; the issue names the entry so importers can point at it.
    record.certifications.forEach((cert, index) => {
      if (cert.to !== null && cert.to < cert.from) {
        ctx.addIssue(orderIssue(['certifications', index, 'to'], cert.from, cert.to));
      }
    });
    record.incidents.forEach((incident, index) => {
      if (incident.creditRepairedOn !== null && incident.creditRepairedOn < incident.date) {
        ctx.addIssue(orderIssue(['incidents', index, 'creditRepairedOn'], incident.date, incident.creditRepairedOn));
      }
    });
  });
export type ApplicantRecord = z.infer<typeof applicantRecordSchema>;

function orderIssue(path: (string | number)[], earlier: string, later: string) {
  return {
    code: 'custom' as const,
    path,
    message: `${later} is before ${earlier}`,
    params: { errorCode: 'E_APPLICANT_DATE_ORDER', earlier, later },
  };
}
