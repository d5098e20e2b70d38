import { describe, expect, it } from 'vitest';
import type { OfficePanelIssue } from '../../../../../src-renderer/data/office-rows';
import {
  itemIdsOfText,
  mergeReviewIssues,
  reviewIssuesFromInbox,
  type ReviewIssue,
} from '../../../../../src-renderer/features/office/panels/panel-issues';
import { issue, sheetPackage, work } from '../support/stage-work-fixtures';

function ids(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

function review(expertId: string, issueId: string, patch: Partial<ReviewIssue> = {}): ReviewIssue {
  return { expertId, applicantId: 'A', issueId, itemIds: ['4.1.1'], kind: 'verify', text: `问题 ${issueId}`, ...patch };
}

describe('the experts’ issues of material review', () => {
  it('are the own issues of the latest accepted material-review sheet of each expert and applicant', () => {
    const packages = [
      sheetPackage('E1', 'A', { work: work('material', { issues: [issue('old')] }) }),
      sheetPackage('E1', 'A', {
        seq: 2,
        work: work('material', { issues: [issue('i1', { text: '  核实能耗数据  ' })] }),
      }),
      sheetPackage('E2', 'A', { work: work('material', { issues: [issue('i2', { origin: 'panel' })] }) }),
      sheetPackage('E3', 'A', { stage: 'defense', work: work('defense', { issues: [issue('i3')] }) }),
      sheetPackage('E4', 'A', { cycleId: 'other', work: work('material', { issues: [issue('i4')] }) }),
      sheetPackage('E5', 'B'),
    ];
    expect(reviewIssuesFromInbox(packages, 'C')).toEqual([
      { expertId: 'E1', applicantId: 'A', issueId: 'i1', itemIds: ['4.1.1'], kind: 'verify', text: '核实能耗数据' },
    ]);
  });
});

describe('collecting issues into a panel', () => {
  const panel = { applicantIds: ['A'] };

  it('adds each expert issue of the panel’s applicants once, as an editable entry naming its source', () => {
    const first = mergeReviewIssues([], [review('E1', 'i1'), review('E1', 'i2', { kind: 'clarify' })], panel, ids());
    expect(first.added).toBe(2);
    expect(first.issues[1]).toEqual({
      id: 'new-2',
      applicantId: 'A',
      itemIds: ['4.1.1'],
      kind: 'clarify',
      text: '问题 i2',
      source: { expertId: 'E1', issueId: 'i2' },
    });
    // Collecting again adds nothing, even after the office edited the text of a collected entry.
    const edited = first.issues.map((i) => (i.id === 'new-1' ? { ...i, text: '改写后的问题' } : i));
    const again = mergeReviewIssues(edited, [review('E1', 'i1'), review('E1', 'i2')], panel, ids());
    expect(again).toEqual({ issues: edited, added: 0 });
  });

  it('does not add the same question twice when two experts or the office wrote it', () => {
    const typed: OfficePanelIssue = {
      id: 'o1',
      applicantId: 'A',
      itemIds: ['6.1'],
      kind: 'verify',
      text: '核实 顾客满意度 调查方法',
      source: null,
    };
    const merged = mergeReviewIssues(
      [typed],
      [
        review('E1', 'x', { text: '核实顾客满意度调查方法' }),
        review('E2', 'y', { text: '核实供应商评价' }),
        review('E3', 'z', { text: '核实供应商评价' }),
      ],
      panel,
      ids(),
    );
    expect(merged.added).toBe(1);
    expect(merged.issues.map((i) => i.text)).toEqual(['核实 顾客满意度 调查方法', '核实供应商评价']);
  });

  it('leaves out the issues of applicants the panel does not score', () => {
    expect(mergeReviewIssues([], [review('E1', 'i1', { applicantId: 'B' })], panel, ids())).toEqual({
      issues: [],
      added: 0,
    });
  });
});

describe('typed item numbers', () => {
  it('split on commas, enumeration commas and spaces, each once', () => {
    expect(itemIdsOfText('4.1.2, 6.2、 4.1.2，7.1  ')).toEqual(['4.1.2', '6.2', '7.1']);
    expect(itemIdsOfText('  ')).toEqual([]);
  });
});
