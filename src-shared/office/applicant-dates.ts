import { z } from 'zod';

/**
 * Calendar dates as ISO 8601 strings (YYYY-MM-DD), computed without time zones: an applicant's founding date or a
 * deadline is a day in Urumqi, not an instant, so no `Date` object (and no local time zone) is involved.
 *
 * Valid strings compare correctly as strings ('2019-01-31' < '2019-02-01'), which the callers rely on.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year, Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function split(date: string): Ymd | undefined {
  const match = ISO_DATE.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function join({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date written YYYY-MM-DD (years 1000–9999). */
export function isIsoDate(text: string): boolean {
  return split(text) !== undefined;
}

/** A real calendar date written YYYY-MM-DD; the issue carries its error code for importers (applicant-issues.ts). */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'not a real date written YYYY-MM-DD', params: { errorCode: 'E_APPLICANT_DATE' } });

function parts(date: string): Ymd {
  const ymd = split(date);
  // Callers pass dates that passed isoDateSchema; a malformed one is a programming error, surfaced loudly.
  if (ymd === undefined) throw new RangeError(`not an ISO date: ${date}`);
  return ymd;
}

/**
 * The same day `years` years later (or earlier, when negative). A 29 February without a counterpart becomes the
 * last day of February: 《民法典》 Art. 202 — "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
 * 月末日为期间的最后一日" (a period in years ends on the corresponding day, or the month's last day when there is
 * none). With Art. 201 (the first day is not counted) a period of n years from D therefore ends with
 * `addYears(D, n)`.
 */
export function addYears(date: string, years: number): string {
  const { year, month, day } = parts(date);
  const target = year + years;
  return join({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), by the era arithmetic of the calendar's 400-year cycle. */
function toDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March = 0 … February = 11, so the leap day ends the year
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The date `days` days later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return join(fromDayNumber(toDayNumber(parts(date)) + days));
}

/**
 * Whole years from `from` to `to`: the largest n with addYears(from, n) ≤ to, so the anniversary day itself counts
 * as complete (《民法典》 Art. 201–202 above; "以上" includes the number itself, Art. 1259). Negative when `to` is
 * before `from`.
 */
export function wholeYearsBetween(from: string, to: string): number {
  const years = parts(to).year - parts(from).year;
  return addYears(from, years) <= to ? years : years - 1;
}

/** The later of two ISO dates. */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}
