import { fail, ok, type Result } from '../../../src-shared/contract/result';
import type { PanelIssue, RubricCriterion } from '../../../src-shared/stages/stage-setup';
import { themeRange } from '../../../src-shared/stages/stage-rules';
import type { IssueStatus, RubricScore, Theme } from '../../../src-shared/stages/stage-work';
import type { StageWorkRow } from '../../data/stage-rows';

/**
 * The pure rules of the session editors: list edits by id, the 3–5 theme rule, issue progress, rubric sums, the
 * evidence size check and the times the logs show. The components only call these and pass the result on.
 */

export type IssueDraft = StageWorkRow['issues'][number];

interface Identified {
  readonly id: string;
}

export function addRecord<T extends Identified>(list: readonly T[], record: T): T[] {
  return [...list, record];
}

/** The list with the record of `id` patched; other records are the same objects (React keeps their state). */
export function updateRecord<T extends Identified>(list: readonly T[], id: string, patch: Partial<NoInfer<T>>): T[] {
  return list.map((record) => (record.id === id ? { ...record, ...patch, id } : record));
}

export function removeRecord<T extends Identified>(list: readonly T[], id: string): T[] {
  return list.filter((record) => record.id !== id);
}

/** Selected ids after ticking `id` on or off, kept in `order` (the criteria's order), whatever order they were ticked. */
export function toggleInOrder(
  selected: readonly string[],
  id: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  const known = order.filter((entry) => next.has(entry));
  const unknown = [...next].filter((entry) => !order.includes(entry));
  return [...known, ...unknown];
}

/** A new own issue: `verify` by default; one added on site is a new finding from the start. */
export function newIssue(id: string, status: IssueStatus = 'open'): IssueDraft {
  return { id, origin: 'own', itemIds: [], kind: 'verify', text: '', evidence: '', status, finding: '' };
}

/**
 * The issues a site visit works through: the stored ones, then each of the panel's issues for this applicant that is
 * not stored yet (as open, marked `panel`). Stored copies win, so a status and finding already written stay.
 */
export function withPanelIssues(
  issues: readonly IssueDraft[],
  panelIssues: readonly PanelIssue[],
  applicantId: string,
): IssueDraft[] {
  const known = new Set(issues.map((issue) => issue.id));
  const added = panelIssues
    .filter((panel) => panel.applicantId === applicantId && !known.has(panel.id))
    .map((panel): IssueDraft => ({
      id: panel.id,
      origin: 'panel',
      itemIds: [...panel.itemIds],
      kind: panel.kind,
      text: panel.text,
      evidence: '',
      status: 'open',
      finding: '',
    }));
  return [...issues, ...added];
}

/** A settled issue (not open) needs its finding before the stage can be submitted. */
export function findingMissing(issue: Pick<IssueDraft, 'status' | 'finding'>): boolean {
  return issue.status !== 'open' && issue.finding.trim() === '';
}

export const issueStatuses: readonly IssueStatus[] = ['open', 'confirmed', 'not-confirmed', 'new-finding'];

export function statusCounts(issues: readonly Pick<IssueDraft, 'status'>[]): Record<IssueStatus, number> {
  const counts: Record<IssueStatus, number> = { open: 0, confirmed: 0, 'not-confirmed': 0, 'new-finding': 0 };
  for (const issue of issues) counts[issue.status] += 1;
  return counts;
}

/** How many issues are settled (status chosen and finding written), of how many. */
export function issueProgress(issues: readonly Pick<IssueDraft, 'status' | 'finding'>[]): {
  settled: number;
  total: number;
} {
  const settled = issues.filter((issue) => issue.status !== 'open' && !findingMissing(issue)).length;
  return { settled, total: issues.length };
}

export type ThemeRuleState = 'too-few' | 'ok' | 'too-many';

/** Themes of a kind that count (blank ones do not, as at submission). */
export function themeCount(themes: readonly Theme[], kind: Theme['kind']): number {
  return themes.filter((theme) => theme.kind === kind && theme.text.trim() !== '').length;
}

export function themeRuleState(count: number): ThemeRuleState {
  if (count < themeRange.min) return 'too-few';
  return count > themeRange.max ? 'too-many' : 'ok';
}

/** Another theme of a kind may be added while fewer than the maximum are written (blank ones included). */
export function canAddTheme(themes: readonly Theme[], kind: Theme['kind']): boolean {
  return themes.filter((theme) => theme.kind === kind).length < themeRange.max;
}

/** The rubric scores with a criterion's points set, or removed when `points` is null (not scored yet). */
export function setRubricPoints(
  scores: readonly RubricScore[],
  criterionId: string,
  points: number | null,
): RubricScore[] {
  const others = scores.filter((score) => score.criterionId !== criterionId);
  return points === null ? others : [...others, { criterionId, points }];
}

/** The rubric's sum of the points given (of the criteria the cycle defines) out of its total. */
export function rubricSum(
  scores: readonly RubricScore[],
  rubric: readonly RubricCriterion[],
): { readonly points: number; readonly total: number; readonly scored: number } {
  const given = new Map(scores.map((score) => [score.criterionId, score.points]));
  let points = 0;
  let scored = 0;
  for (const criterion of rubric) {
    const value = given.get(criterion.id);
    if (value === undefined) continue;
    points += value;
    scored += 1;
  }
  // Hundredths, so 0.1 + 0.2 shows as 0.3.
  return { points: Math.round(points * 100) / 100, total: rubric.reduce((sum, c) => sum + c.points, 0), scored };
}

/**
 * Checks an evidence file's size against the cycle's limit before a byte of it is read: a refused file is never
 * copied (issue 5, bad input).
 */
export function checkEvidenceSize(file: { readonly name: string; readonly size: number }, limit: number): Result<true> {
  if (file.size <= limit) return ok(true);
  return fail('E_EVIDENCE_TOO_LARGE', `evidence ${file.name} has ${file.size} bytes, over ${limit}`, {
    name: file.name,
    size: file.size,
    limit,
  });
}

/** The first 12 hex digits of a SHA-256, enough to tell files apart on screen. */
export function shaPrefix(sha256: string): string {
  return sha256.slice(0, 12);
}

const two = (n: number): string => n.toString().padStart(2, '0');

/** An ISO time as the value of a `datetime-local` input, in the computer's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A `datetime-local` value back to UTC ISO (null when blank or not a time). */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** HH:MM in the computer's time zone, for the logs. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A file size for people: bytes, KB or MB (1024-based, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
