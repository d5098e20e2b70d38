/**
 * Conflicts of interest that block an assignment (issue 4 item 5; Measures Art. 19). Three sources, each with its
 * reason in both languages:
 * - `declared`: the expert signed a declaration with a conflict for this applicant in this cycle (accepted by the
 *   office's inbox);
 * - `work-unit`: the expert's work unit is the applicant (the same name, or one name containing the other — e.g.
 *   "新疆某某集团" and "新疆某某集团有限公司");
 * - `earlier`: the expert declared a conflict with the same organisation (by unified social credit code) in an
 *   earlier cycle. Employment, consulting or family ties rarely end between two cycles, so the office must look again
 *   before assigning; the office can still decide otherwise by leaving the expert out of the panel — it is a block.
 */

export type ConflictReason = 'declared' | 'work-unit' | 'earlier';

/** A conflict the office learned from an accepted declaration (conflict: true). */
export interface DeclaredConflict {
  readonly expertId: string;
  readonly cycleId: string;
  readonly applicantId: string;
  /** The applicant's unified social credit code, when the office knows it (from the assignment it issued). */
  readonly uscc: string | null;
}

export interface ConflictExpert {
  readonly expertId: string;
  readonly name: string;
  readonly workUnit: string;
}

export interface ConflictApplicant {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
}

export interface ConflictFinding {
  readonly expertId: string;
  readonly applicantId: string;
  readonly reason: ConflictReason;
  /** The message parameters of E_CONFLICT: names and the reason in each language. */
  readonly params: { expert: string; applicant: string; reason: string; reasonEn: string };
}

/** Shortest name we compare by containment: "集团" alone must not match every group company. */
const MIN_CONTAINED_LENGTH = 4;

/** Full-width brackets and spaces become half-width, letters lower-case, spaces and punctuation dropped. */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·.,，。、()（）[\]【】"'“”‘’-]/g, '');
}

/** Whether an expert's work unit names the applicant. */
export function workUnitMatches(workUnit: string, applicantName: string): boolean {
  const unit = normaliseOrganisationName(workUnit);
  const applicant = normaliseOrganisationName(applicantName);
  if (unit === '' || applicant === '') return false;
  if (unit === applicant) return true;
  const [shorter, longer] = unit.length <= applicant.length ? [unit, applicant] : [applicant, unit];
  return shorter.length >= MIN_CONTAINED_LENGTH && longer.includes(shorter);
}

const reasonText: Readonly<Record<ConflictReason, { 'zh-CN': string; en: string }>> = {
  declared: {
    'zh-CN': '专家已在本周期声明存在利益冲突并回避',
    en: 'the expert declared a conflict in this cycle and is recused',
  },
  'work-unit': { 'zh-CN': '专家的工作单位即为该申报组织', en: 'the expert’s work unit is this applicant' },
  earlier: {
    'zh-CN': '专家曾在以往周期对同一组织（统一社会信用代码相同）声明利益冲突',
    en: 'the expert declared a conflict with the same organisation (same credit code) in an earlier cycle',
  },
};

/** Every conflict between one expert and one applicant in a cycle, in the order declared, work unit, earlier. */
export function conflictsBetween(
  expert: ConflictExpert,
  applicant: ConflictApplicant,
  cycleId: string,
  declared: readonly DeclaredConflict[],
): ConflictFinding[] {
  const reasons: ConflictReason[] = [];
  const mine = declared.filter((d) => d.expertId === expert.expertId);
  if (mine.some((d) => d.cycleId === cycleId && d.applicantId === applicant.id)) reasons.push('declared');
  if (workUnitMatches(expert.workUnit, applicant.name)) reasons.push('work-unit');
  if (mine.some((d) => d.cycleId !== cycleId && d.uscc !== null && d.uscc === applicant.uscc)) reasons.push('earlier');
  return reasons.map((reason) => ({
    expertId: expert.expertId,
    applicantId: applicant.id,
    reason,
    params: {
      expert: expert.name,
      applicant: applicant.name,
      reason: reasonText[reason]['zh-CN'],
      reasonEn: reasonText[reason].en,
    },
  }));
}

/** Every conflict of a panel: each of its experts against each of its applicants. */
export function panelConflicts(
  experts: readonly ConflictExpert[],
  applicants: readonly ConflictApplicant[],
  cycleId: string,
  declared: readonly DeclaredConflict[],
): ConflictFinding[] {
  return experts.flatMap((expert) =>
    applicants.flatMap((applicant) => conflictsBetween(expert, applicant, cycleId, declared)),
  );
}
