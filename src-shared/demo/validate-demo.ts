import { assignmentBundleSchema, type AssignmentBundle } from '../assignments/assignment-schema';
import { fail, ok, type Result } from '../contract/result';
import { validateUscc } from '../office/uscc';

/** The seven category ids of GB/T 19580-2012 (4.1 领导 … 4.7 结果), which every demo applicant summarises. */
export const GBT19580_2012_CATEGORY_IDS: readonly string[] = ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7'];

/** How many schema issues to name in the detail before summarising the rest. */
const MAX_SCHEMA_ISSUES = 5;

/**
 * Parses the embedded demo bundle (`resources/demo/*.json`, format "scorebook.assignment-bundle/1").
 *
 * First the shape is checked with {@link assignmentBundleSchema}; then the rules the schema cannot express:
 * - the cycle is marked `demo: true` (fictional data must never pass for a real cycle);
 * - `assignment.cycleId` is the cycle's id and `assignment.expertId` the expert's id;
 * - applicant ids are unique, the assignment lists each applicant once, every listed id exists and every
 *   applicant is listed (a bundle carries only the applicants of its assignment);
 * - every applicant's unified social credit code is valid (GB 32100-2015, see uscc.ts);
 * - every applicant has exactly one summary for each of `categoryIds` and none for another category.
 *
 * All problems are collected; the failure is `E_DEMO_INVALID` with `detail` naming each of them, separated by "; ".
 *
 * @param raw the parsed JSON, of unknown shape
 * @param categoryIds the criteria's category ids; GB/T 19580-2012's seven by default
 */
export function parseDemoBundle(
  raw: unknown,
  categoryIds: readonly string[] = GBT19580_2012_CATEGORY_IDS,
): Result<AssignmentBundle> {
  const parsed = assignmentBundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      return `schema: ${path === '' ? '(root)' : path}: ${issue.message}`;
    });
    const shown = issues.slice(0, MAX_SCHEMA_ISSUES);
    if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more schema issues`);
    return invalid(shown);
  }
  const bundle = parsed.data;
  const problems = [...checkLinks(bundle), ...checkApplicants(bundle, categoryIds)];
  return problems.length === 0 ? ok(bundle) : invalid(problems);
}

function invalid(problems: readonly string[]): Result<AssignmentBundle> {
  const detail = problems.join('; ');
  return fail('E_DEMO_INVALID', `The embedded demo data is invalid: ${detail}`, { detail });
}

/** The cycle, expert and assignment agree, and the assignment and the applicants list each other. */
function checkLinks(bundle: AssignmentBundle): string[] {
  const { cycle, expert, assignment, applicants } = bundle;
  const problems: string[] = [];
  if (!cycle.demo) problems.push(`cycle "${cycle.id}" is not marked demo: true`);
  if (assignment.cycleId !== cycle.id) {
    problems.push(`assignment "${assignment.id}" has cycleId "${assignment.cycleId}", not the cycle's "${cycle.id}"`);
  }
  if (assignment.expertId !== expert.id) {
    problems.push(
      `assignment "${assignment.id}" has expertId "${assignment.expertId}", not the expert's "${expert.id}"`,
    );
  }
  for (const id of duplicates(applicants.map((a) => a.id))) problems.push(`applicant id "${id}" is not unique`);
  for (const id of duplicates(assignment.applicantIds)) {
    problems.push(`assignment "${assignment.id}" lists applicant "${id}" more than once`);
  }
  const applicantIds = new Set(applicants.map((a) => a.id));
  for (const id of new Set(assignment.applicantIds)) {
    if (!applicantIds.has(id)) problems.push(`assignment "${assignment.id}" lists unknown applicant "${id}"`);
  }
  const listed = new Set(assignment.applicantIds);
  for (const applicant of applicants) {
    if (!listed.has(applicant.id)) {
      problems.push(`applicant "${applicant.id}" (${applicant.name}) is not in assignment "${assignment.id}"`);
    }
  }
  return problems;
}

/** Each applicant's credit code is valid and its summaries cover the categories exactly once. */
function checkApplicants(bundle: AssignmentBundle, categoryIds: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(categoryIds);
  for (const applicant of bundle.applicants) {
    const who = `applicant "${applicant.id}" (${applicant.name})`;
    const uscc = validateUscc(applicant.uscc);
    if (!uscc.valid) {
      const expected = uscc.expected === undefined ? '' : `, expected check character "${uscc.expected}"`;
      problems.push(`${who}: unified social credit code "${applicant.uscc}" fails (${uscc.reason}${expected})`);
    }
    const summaryIds = applicant.summaries.map((s) => s.categoryId);
    for (const id of categoryIds) {
      if (!summaryIds.includes(id)) problems.push(`${who}: no summary for category ${id}`);
    }
    for (const id of duplicates(summaryIds)) problems.push(`${who}: more than one summary for category ${id}`);
    for (const id of new Set(summaryIds)) {
      if (!known.has(id)) problems.push(`${who}: summary for unknown category "${id}"`);
    }
  }
  return problems;
}

/** The values that occur more than once, each named once, in order of their second occurrence. */
function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}
