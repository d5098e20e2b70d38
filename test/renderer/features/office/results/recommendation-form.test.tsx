import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeDecisionRow } from '../../../../../src-renderer/data/office-rows';
import { RecommendationForm } from '../../../../../src-renderer/features/office/results/recommendation-form';
import type { Ranked } from '../../../../../src-shared/office/ranking';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderHtml } from './render-support';

const db = openTestDatabase('recommendation-form');
afterAll(() => db.delete());

const ranking: Ranked[] = [
  { applicantId: 'A', hundredths: 80000, rank: 1, tied: false },
  { applicantId: 'B', hundredths: 70000, rank: 2, tied: true },
  { applicantId: 'C', hundredths: 70000, rank: 2, tied: true },
];
const names = new Map([
  ['A', '甲公司'],
  ['B', '乙公司'],
  ['C', '丙公司'],
  ['D', '丁公司'],
]);
const applicantName = (id: string): string => names.get(id) ?? id;

function row(qualityAward: string[], nomination: string[]): OfficeDecisionRow {
  const signature = {
    sha256: 'a'.repeat(64),
    signature: 's',
    keyId: 'b'.repeat(64),
    signedAt: '2026-07-01T08:00:00.000Z',
  };
  return {
    v: 1,
    id: 'C',
    current: { recommendation: { qualityAward, nomination }, signature, reason: '' },
    history: [],
    updatedAt: '2026-07-01T08:00:00.000Z',
  };
}

function render(decision: OfficeDecisionRow | undefined, limits = { awardLimit: 5, nominationLimit: 10 }): string {
  return renderHtml(
    <RecommendationForm
      cycleId="C"
      ranking={ranking}
      limits={limits}
      row={decision}
      applicantName={applicantName}
      onSaved={() => undefined}
    />,
    db,
  );
}

describe('RecommendationForm', () => {
  it('offers every ranked applicant, ties said in words, with the counts against the limits', () => {
    const html = render(undefined);
    expect(html).toContain('质量奖 0/5 个，提名奖 0/10 个');
    expect(html).toContain('aria-label="甲公司 的推荐"');
    expect(html.split('2（并列）').length - 1).toBe(2);
    expect(html).toContain('签名并保存推荐名单（第 1 版）');
  });

  it('refuses, before signing, a list over the cycle’s limit (Art. 3)', () => {
    const html = render(row(['A', 'B'], ['C']), { awardLimit: 1, nominationLimit: 10 });
    expect(html).toContain('质量奖 2/1 个，提名奖 1/10 个');
    expect(html).toContain('E_AWARD_LIMIT');
    expect(html).toMatch(/<button type="submit" class="primary" disabled=""/);
  });

  it('keeps an earlier proposed applicant that is no longer ranked visible, and shows the signed history', () => {
    const html = render(row(['D'], []));
    expect(html).toContain('丁公司<span class="muted"> （当前未排名）</span>');
    expect(html).toContain('质量奖：丁公司；提名奖：—');
    expect(html).toMatch(/第 2 版的修改理由（必填）<textarea[^>]*required=""/);
  });
});
