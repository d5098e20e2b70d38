import type { InboxPackage } from '../../../../src-shared/contract/office-channels';
import type { IssueKind } from '../../../../src-shared/stages/stage-work';
import type { OfficePanelIssue, OfficePanelRow } from '../../../data/office-rows';

/**
 * A site-visit panel's issues to verify (待核实问题, issue 5 item 5): the office's list per applicant, partly typed
 * by the office and partly collected from what the experts wrote in their material-review sheets.
 */

/** An issue an expert wrote at material review, as the accepted sheet carries it. */
export interface ReviewIssue {
  readonly expertId: string;
  readonly applicantId: string;
  readonly issueId: string;
  readonly itemIds: readonly string[];
  readonly kind: IssueKind;
  readonly text: string;
}

/**
 * The experts' own issues (origin `own`) of the cycle's accepted material-review sheets: per expert and applicant the
 * highest accepted version only, so an issue the expert removed in a revision is not collected.
 */
export function reviewIssuesFromInbox(packages: readonly InboxPackage[], cycleId: string): ReviewIssue[] {
  const latest = new Map<string, Extract<InboxPackage['payload'], { kind: 'sheet' }>>();
  for (const { payload } of packages) {
    if (payload.kind !== 'sheet' || payload.cycleId !== cycleId || payload.stage !== 'material') continue;
    const key = `${payload.issuer}\u0000${payload.applicantId}`;
    const earlier = latest.get(key);
    if (earlier === undefined || payload.seq > earlier.seq) latest.set(key, payload);
  }
  return [...latest.values()].flatMap((payload) =>
    (payload.work?.issues ?? [])
      .filter((issue) => issue.origin === 'own')
      .map((issue) => ({
        expertId: payload.issuer,
        applicantId: payload.applicantId,
        issueId: issue.id,
        itemIds: issue.itemIds,
        kind: issue.kind,
        text: issue.text.trim(),
      })),
  );
}

/** Text compared as the reader sees it: spacing and full-width punctuation variants do not make two issues. */
function sameText(a: string, b: string): boolean {
  const plain = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return plain(a) === plain(b);
}

/**
 * The panel's list with the experts' issues of its applicants added as editable entries, each once: an issue already
 * collected (by its expert and id) is not added again, nor one whose applicant already has an issue of the same text
 * (two experts asking the same question, or the office having typed it). Returns how many were added.
 */
export function mergeReviewIssues(
  current: readonly OfficePanelIssue[],
  collected: readonly ReviewIssue[],
  panel: Pick<OfficePanelRow, 'applicantIds'>,
  newId: () => string,
): { readonly issues: OfficePanelIssue[]; readonly added: number } {
  const issues = [...current];
  let added = 0;
  for (const review of collected) {
    if (!panel.applicantIds.includes(review.applicantId) || review.text === '') continue;
    const known = issues.some(
      (issue) =>
        (issue.source !== null &&
          issue.source.expertId === review.expertId &&
          issue.source.issueId === review.issueId) ||
        (issue.applicantId === review.applicantId && sameText(issue.text, review.text)),
    );
    if (known) continue;
    issues.push({
      id: newId(),
      applicantId: review.applicantId,
      itemIds: [...review.itemIds],
      kind: review.kind,
      text: review.text,
      source: { expertId: review.expertId, issueId: review.issueId },
    });
    added += 1;
  }
  return { issues, added };
}

/** Item ids typed as text (when the criteria could not be loaded): split on commas, 、 and spaces, each once. */
export function itemIdsOfText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ];
}
