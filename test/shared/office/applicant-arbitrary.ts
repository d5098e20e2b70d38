import fc from 'fast-check';
import type { ApplicantRecord } from '../../../src-shared/office/applicant-schema';
import { daysInMonth } from '../../../src-shared/office/applicant-dates';
import { districtIds } from '../../../src-shared/office/urumqi-districts';
import { orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../../../src-shared/office/uscc';

/** fast-check generators of valid applicant records, for the round-trip properties of CSV and XLSX. */

const charsetChar = fc.constantFrom(...USCC_CHARSET.split(''));

export const arbitraryUscc = fc
  .tuple(fc.array(charsetChar, { minLength: 8, maxLength: 8 }), fc.array(charsetChar, { minLength: 8, maxLength: 8 }))
  .map(([prefix, body]) => {
    const orgCheck = orgCodeCheckChar(body.join(''));
    const first17 = prefix.join('') + body.join('') + (orgCheck ?? '');
    return first17 + (usccCheckChar(first17) ?? '');
  })
  .filter((code) => code.length === 18);

/** Dates from 1990 to 2026-11-27 (the tests' "today"). */
export const arbitraryDate = fc
  .record({
    year: fc.integer({ min: 1990, max: 2026 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month) && (year < 2026 || month < 11))
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

/** Text with every character the cell syntax, CSV or Excel treat specially. */
const tricky = fc.constantFrom(...'a中;；:：()（）|~～\\",\n= + - @\'x 9'.split(''), '\r\n', '信用修复');
export const arbitraryText = (max: number) =>
  fc
    .array(tricky, { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join('').trim().slice(0, max).trim())
    .filter((text) => text !== '');

const optionalText = fc.option(arbitraryText(40), { nil: null });

const dateRange = fc.tuple(arbitraryDate, fc.option(arbitraryDate, { nil: null })).map(([a, b]) => {
  if (b === null) return { from: a, to: null };
  return a <= b ? { from: a, to: b } : { from: b, to: a };
});

const certification = fc
  .tuple(fc.constantFrom('iso9001', 'other-system', 'excellence-model', 'own-method' as const), optionalText, dateRange)
  .map(([kind, label, range]) => ({ kind, label, ...range }));

const incident = fc
  .tuple(
    fc.constantFrom(
      'quality-accident',
      'safety-accident',
      'environmental-accident',
      'major-complaint',
      'serious-violation' as const,
    ),
    optionalText,
    dateRange,
  )
  .map(([kind, note, range]) => ({ kind, note, date: range.from, creditRepairedOn: range.to }));

const exportRecord = fc
  .tuple(fc.constantFrom('return', 'destruction', 'official-notice' as const), optionalText, arbitraryDate)
  .map(([kind, note, date]) => ({ kind, note, date }));

const material = fc.record({
  fileName: arbitraryText(60),
  sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  size: fc.integer({ min: 0, max: 999_999_999_999 }),
  commercialSecret: fc.boolean(),
});

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.stringMatching(/^[a-z]{1,10}$/))
  .map(([local, domain]) => `${local}@${domain}.cn`);

export const arbitraryApplicant: fc.Arbitrary<ApplicantRecord> = fc.record({
  v: fc.constant(1 as const),
  name: arbitraryText(200),
  uscc: arbitraryUscc,
  district: fc.option(fc.constantFrom(...districtIds), { nil: null }),
  industry: arbitraryText(200),
  foundedOn: arbitraryDate,
  size: fc.constantFrom('large', 'medium', 'small', 'micro' as const),
  employees: fc.integer({ min: 0, max: 999_999_999 }),
  fourNew: fc.boolean(),
  exporter: fc.boolean(),
  certifications: fc.array(certification, { maxLength: 3 }),
  incidents: fc.array(incident, { maxLength: 3 }),
  exportRecords: fc.array(exportRecord, { maxLength: 2 }),
  contact: fc.record({
    person: arbitraryText(50),
    phone: fc.stringMatching(/^\+?[0-9][0-9 ()-]{4,20}[0-9]$/),
    email: fc.option(email, { nil: null }),
  }),
  materials: fc.array(material, { maxLength: 3 }),
});

/** Lists of applicants with distinct credit codes. */
export const arbitraryApplicants = fc.uniqueArray(arbitraryApplicant, {
  maxLength: 5,
  selector: (record) => record.uscc,
});
