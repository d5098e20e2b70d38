import { describe, expect, it } from 'vitest';
import type { PanelIssue, RubricCriterion } from '../../../../src-shared/stages/stage-setup';
import type { Theme } from '../../../../src-shared/stages/stage-work';
import {
  addRecord,
  canAddTheme,
  checkEvidenceSize,
  findingMissing,
  formatBytes,
  fromLocalInput,
  issueProgress,
  newIssue,
  removeRecord,
  rubricSum,
  setRubricPoints,
  shaPrefix,
  statusCounts,
  themeCount,
  themeRuleState,
  toLocalInput,
  toggleInOrder,
  updateRecord,
  withPanelIssues,
  type IssueDraft,
} from '../../../../src-renderer/features/sessions/session-records';

const issue = (id: string, patch: Partial<IssueDraft> = {}): IssueDraft => ({ ...newIssue(id), ...patch });

describe('record lists', () => {
  const list = [issue('a', { text: 'one' }), issue('b', { text: 'two' })];

  it('adds at the end, updates only the record of the id (keeping its id), removes by id', () => {
    expect(addRecord(list, issue('c')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const updated = updateRecord(list, 'b', { text: 'changed' });
    expect(updated.map((r) => r.text)).toEqual(['one', 'changed']);
    expect(updated[0]).toBe(list[0]);
    expect(updateRecord(list, 'b', { id: 'hijack' } as Partial<IssueDraft>)[1]?.id).toBe('b');
    expect(removeRecord(list, 'a').map((r) => r.id)).toEqual(['b']);
    expect(removeRecord(list, 'missing')).toEqual(list);
  });

  it('keeps linked items in the criteria order whatever order they were ticked', () => {
    const order = ['1.1', '1.2', '2.1'];
    expect(toggleInOrder(['2.1'], '1.1', true, order)).toEqual(['1.1', '2.1']);
    expect(toggleInOrder(['1.1', '2.1'], '1.1', false, order)).toEqual(['2.1']);
    expect(toggleInOrder(['1.1'], '1.1', true, order)).toEqual(['1.1']);
  });
});

describe('issues at the site visit', () => {
  const panel: PanelIssue[] = [
    { id: 'p1', applicantId: 'app-1', itemIds: ['4.1.1'], kind: 'clarify', text: 'Panel asks' },
    { id: 'p2', applicantId: 'app-2', itemIds: ['4.2.1'], kind: 'verify', text: 'Other applicant' },
  ];

  it('adds the panel issues of this applicant as open, marked panel, after the stored ones', () => {
    const merged = withPanelIssues([issue('own-1')], panel, 'app-1');
    expect(merged.map((i) => [i.id, i.origin, i.status])).toEqual([
      ['own-1', 'own', 'open'],
      ['p1', 'panel', 'open'],
    ]);
    expect(merged[1]).toMatchObject({ kind: 'clarify', text: 'Panel asks', itemIds: ['4.1.1'], finding: '' });
  });

  it('keeps a stored copy of a panel issue (its status and finding) instead of adding it again', () => {
    const stored = issue('p1', { origin: 'panel', status: 'confirmed', finding: 'Seen on site' });
    const merged = withPanelIssues([stored], panel, 'app-1');
    expect(merged).toEqual([stored]);
  });

  it('needs a finding once settled, and counts settled issues only with their finding', () => {
    expect(findingMissing(issue('a'))).toBe(false);
    expect(findingMissing(issue('a', { status: 'confirmed', finding: '  ' }))).toBe(true);
    const issues = [
      issue('a'),
      issue('b', { status: 'confirmed', finding: 'ok' }),
      issue('c', { status: 'not-confirmed', finding: '' }),
      issue('d', { status: 'new-finding', finding: 'found' }),
    ];
    expect(issueProgress(issues)).toEqual({ settled: 2, total: 4 });
    expect(statusCounts(issues)).toEqual({ open: 1, confirmed: 1, 'not-confirmed': 1, 'new-finding': 1 });
  });

  it('starts an issue added on site as a new finding', () => {
    expect(newIssue('x', 'new-finding')).toMatchObject({ origin: 'own', status: 'new-finding', kind: 'verify' });
  });
});

describe('key themes: 3–5 of each kind', () => {
  const themes = (kind: Theme['kind'], texts: string[]): Theme[] =>
    texts.map((text, i) => ({ id: `${kind}-${i}`, kind, text }));

  it('counts only written themes of the kind', () => {
    const list = [...themes('strength', ['a', ' ', 'b']), ...themes('ofi', ['c'])];
    expect(themeCount(list, 'strength')).toBe(2);
    expect(themeCount(list, 'ofi')).toBe(1);
  });

  it('is too few below 3, met from 3 to 5, too many above 5', () => {
    expect([2, 3, 5, 6].map(themeRuleState)).toEqual(['too-few', 'ok', 'ok', 'too-many']);
  });

  it('refuses a sixth of a kind, blank ones included', () => {
    expect(canAddTheme(themes('strength', ['a', 'b', 'c', 'd', '']), 'strength')).toBe(false);
    expect(canAddTheme(themes('strength', ['a', 'b', 'c', 'd', '']), 'ofi')).toBe(true);
    expect(canAddTheme(themes('strength', ['a', 'b', 'c', 'd']), 'strength')).toBe(true);
  });
});

describe('defense rubric', () => {
  const rubric: RubricCriterion[] = [
    { id: 'clarity', name: { 'zh-CN': '清晰', en: 'Clarity' }, points: 10 },
    { id: 'answers', name: { 'zh-CN': '回答', en: 'Answers' }, points: 20 },
  ];

  it('sets, replaces and clears a criterion’s points', () => {
    const one = setRubricPoints([], 'clarity', 7);
    expect(one).toEqual([{ criterionId: 'clarity', points: 7 }]);
    expect(setRubricPoints(one, 'clarity', 8)).toEqual([{ criterionId: 'clarity', points: 8 }]);
    expect(setRubricPoints(one, 'clarity', null)).toEqual([]);
  });

  it('sums the points of the cycle’s criteria out of the rubric total, in hundredths', () => {
    const scores = [
      { criterionId: 'clarity', points: 0.1 },
      { criterionId: 'answers', points: 0.2 },
      { criterionId: 'gone', points: 50 },
    ];
    expect(rubricSum(scores, rubric)).toEqual({ points: 0.3, total: 30, scored: 2 });
    expect(rubricSum([], rubric)).toEqual({ points: 0, total: 30, scored: 0 });
  });
});

describe('evidence size and names', () => {
  it('accepts a file of exactly the limit and refuses one byte more with E_EVIDENCE_TOO_LARGE', () => {
    expect(checkEvidenceSize({ name: 'a.jpg', size: 100 }, 100).ok).toBe(true);
    const refused = checkEvidenceSize({ name: 'big.jpg', size: 101 }, 100);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({
        code: 'E_EVIDENCE_TOO_LARGE',
        params: { name: 'big.jpg', size: 101, limit: 100 },
      });
  });

  it('shows 12 hex digits of a SHA-256 and sizes in B, KB and MB', () => {
    expect(shaPrefix('ab'.repeat(32))).toBe('abababababab');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
  });
});

describe('log times', () => {
  it('turns an ISO time into a datetime-local value and back (to the minute)', () => {
    const iso = '2026-05-12T06:30:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it('reads a blank or malformed value as no time', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('12:30')).toBeNull();
    expect(toLocalInput('not a time')).toBe('');
  });
});
