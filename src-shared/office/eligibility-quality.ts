import { addDays, addYears, wholeYearsBetween } from './applicant-dates';
import type { ApplicantRecord, Certification } from './applicant-schema';
import type { RuleVerdict } from './eligibility-types';

/**
 * Art. 9 (4): "通过《质量管理体系—GB/T19001-2016应用指南》《质量管理体系要求》（ISO9001）认证或其他国际通行管理体系
 * 认证，并有效运行3年以上。或应用卓越绩效管理模式1年以上。或自主创新的质量管理工具方法具有行业特色、企业特点和标杆
 * 示范作用。"
 *
 * - ISO 9001 / GB/T 19001: certificates must cover the deadline and, without a gap, the 3 years before it. A
 *   certificate valid to D and the next from D + 1 are continuous; one day more is a gap that restarts the count.
 *   The certificate is the evidence of "有效运行": the system's running is what the office can see on paper.
 * - Another management system ("其他国际通行管理体系认证") covered the same way: whether it is "internationally
 *   recognised" is for a person → needs judgement.
 * - The excellence model in use for 1 year or more at the deadline → pass.
 * - A self-developed method: whether it is distinctive and exemplary is for the experts → needs judgement.
 * Years are whole years as in Art. 9 (2) (applicant-dates.ts `wholeYearsBetween`).
 */

/** The start of the gap-free coverage by `certs` that includes `deadline`, or undefined when none covers it. */
export function coverageStart(certs: readonly Certification[], deadline: string): string | undefined {
  const started = certs.filter((cert) => cert.from <= deadline).sort((a, b) => (a.from < b.from ? -1 : 1));
  // The current gap-free block; `end` null means open-ended (still valid).
  let block: { start: string; end: string | null } | undefined;
  for (const cert of started) {
    const blockEnd = block?.end;
    if (block === undefined || (typeof blockEnd === 'string' && cert.from > addDays(blockEnd, 1))) {
      // A certificate starting after the day following the block's end opens a new block: a gap.
      block = { start: cert.from, end: cert.to };
    } else if (typeof blockEnd === 'string') {
      block = { start: block.start, end: cert.to === null || cert.to > blockEnd ? cert.to : blockEnd };
    }
  }
  // Every certificate starts on or before the deadline, so only the last block can reach it.
  if (block === undefined || (block.end !== null && block.end < deadline)) return undefined;
  return block.start;
}

const REQUIRED_YEARS: Readonly<Record<'iso9001' | 'other-system' | 'excellence-model', number>> = {
  iso9001: 3,
  'other-system': 3,
  'excellence-model': 1,
};

interface Coverage {
  readonly kind: 'iso9001' | 'other-system' | 'excellence-model';
  readonly since: string;
  readonly years: number;
  readonly enough: boolean;
  readonly label: string;
}

function coverage(record: ApplicantRecord, kind: Coverage['kind'], deadline: string): Coverage | undefined {
  const certs = record.certifications.filter((cert) => cert.kind === kind);
  const since = coverageStart(certs, deadline);
  if (since === undefined) return undefined;
  const required = REQUIRED_YEARS[kind];
  const label = certs.find((cert) => cert.from === since)?.label ?? '';
  return {
    kind,
    since,
    years: wholeYearsBetween(since, deadline),
    enough: addYears(since, required) <= deadline,
    label,
  };
}

/** The certificate that lapsed last before the deadline, if any (own methods have no certificate). */
function lastLapsed(record: ApplicantRecord, deadline: string): Certification | undefined {
  return record.certifications
    .filter((cert) => cert.kind !== 'own-method' && cert.from <= deadline && cert.to !== null && cert.to < deadline)
    .sort((a, b) => ((a.to ?? '') < (b.to ?? '') ? 1 : -1))[0];
}

/** The Art. 9 (4) verdict. */
export function qualityManagementVerdict(record: ApplicantRecord, deadline: string): RuleVerdict {
  const iso = coverage(record, 'iso9001', deadline);
  if (iso?.enough === true)
    return { status: 'pass', reason: 'quality.iso9001', params: { since: iso.since, years: iso.years } };
  const excellence = coverage(record, 'excellence-model', deadline);
  if (excellence?.enough === true) {
    return {
      status: 'pass',
      reason: 'quality.excellence',
      params: { since: excellence.since, years: excellence.years },
    };
  }
  const other = coverage(record, 'other-system', deadline);
  if (other?.enough === true) {
    return {
      status: 'needs-judgement',
      reason: 'quality.other-system',
      params: { label: other.label, since: other.since },
    };
  }
  const method = record.certifications
    .filter((cert) => cert.kind === 'own-method' && cert.from <= deadline && (cert.to === null || cert.to >= deadline))
    .sort((a, b) => (a.from < b.from ? -1 : 1))[0];
  if (method !== undefined) {
    return {
      status: 'needs-judgement',
      reason: 'quality.own-method',
      params: { label: method.label ?? '', since: method.from },
    };
  }
  const short = iso ?? excellence ?? other;
  if (short !== undefined) {
    const required = REQUIRED_YEARS[short.kind];
    return {
      status: 'fail',
      reason: 'quality.short',
      params: { kind: short.kind, since: short.since, required, enoughOn: addYears(short.since, required) },
    };
  }
  const lapsed = lastLapsed(record, deadline);
  if (lapsed !== undefined) {
    return { status: 'fail', reason: 'quality.lapsed', params: { kind: lapsed.kind, lastTo: lapsed.to ?? '' } };
  }
  return { status: 'fail', reason: 'quality.none', params: {} };
}
