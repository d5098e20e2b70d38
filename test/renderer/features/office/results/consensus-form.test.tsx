import { afterAll, describe, expect, it } from 'vitest';
import type { OfficeConsensusRow } from '../../../../../src-renderer/data/office-rows';
import { ConsensusForm } from '../../../../../src-renderer/features/office/results/consensus-form';
import { seedConsensus } from '../../../../../src-shared/office/consensus';
import type { ConsensusRecord, Panel } from '../../../../../src-shared/office/office-schemas';
import { aggregated, criteria, FIVE, panel, workedSheets } from '../../../../shared/office/office-fixtures';
import { openTestDatabase } from '../../../data/support/test-database';
import { renderHtml } from './render-support';

const db = openTestDatabase('consensus-form');
afterAll(() => db.delete());

const expertName = (id: string): string => (id === 'E1' ? '张组长' : id);
const worked = aggregated(panel(FIVE), workedSheets());
const seeded: ConsensusRecord = {
  applicantId: 'A1',
  stage: 'material',
  leaderId: 'E1',
  items: seedConsensus(worked, 5).map((s) => ({ itemId: s.itemId, percent: s.seed ?? 0, reason: '' })),
};

function signedRow(record: ConsensusRecord): OfficeConsensusRow {
  const signature = {
    sha256: 'a'.repeat(64),
    signature: 's',
    keyId: 'b'.repeat(64),
    signedAt: '2026-06-01T08:00:00.000Z',
  };
  return {
    v: 1,
    id: 'C|material|A1',
    cycleId: 'C',
    stage: 'material',
    applicantId: 'A1',
    current: { record, signature, reason: '' },
    history: [],
    updatedAt: '2026-06-01T08:00:00.000Z',
  };
}

function render(p: Panel, row: OfficeConsensusRow | undefined, aggregation = worked): string {
  return renderHtml(
    <ConsensusForm
      cycleId="C"
      criteria={criteria}
      aggregation={aggregation}
      panel={p}
      row={row}
      expertName={expertName}
      onSaved={() => undefined}
    />,
    db,
  );
}

describe('ConsensusForm', () => {
  it('starts at the seeds (panel mean on the grid), names the leader and is ready to sign as version 1', () => {
    const html = render(panel(FIVE), undefined);
    expect(html).toContain('组长：张组长');
    expect(html).toContain('合议表完整，可以签名。');
    expect(html).toContain('签名并保存合议（第 1 版）');
    // 4.1.2: mean 60 % → seed 60 %, selected; 4.4.3: 40 45 50 60 65 → mean 52 % → seed 50 %.
    const select = (item: string): string => {
      const start = html.indexOf(`aria-label="${item} 的合议得分率"`);
      return html.slice(start, html.indexOf('</select>', start));
    };
    expect(select('4.1.2')).toMatch(/<option value="60" selected="">60%<\/option>/);
    expect(select('4.4.3')).toMatch(/<option value="50" selected="">50%<\/option>/);
    expect(html).not.toContain('version-reason');
    expect(html.split('<tr class="needs-consensus">').length - 1).toBe(2);
  });

  it('lists a missing leader as a problem of the whole record', () => {
    const html = render({ ...panel(FIVE), leaderId: '' }, undefined, { ...worked, leaderId: '' });
    expect(html).toContain('此评审组尚未指定组长，请先在评审组页面指定。');
    expect(html).toContain('<li>未指定组长。</li>');
    expect(html).toContain('还有 1 处问题需要处理。');
  });

  it('continues from the signed version, asks for the reason of the next, and shows the history', () => {
    const html = render(panel(FIVE), signedRow(seeded));
    expect(html).toContain('合议表（已签名第 1 版）');
    expect(html).toMatch(/第 2 版的修改理由（必填）<textarea[^>]*required=""/);
    expect(html).toContain('签名并保存合议（第 2 版）');
    expect(html).toContain('签名于 2026-06-01 08:00（UTC）');
    expect(html).not.toContain('banner-warn');
  });

  it('warns when the signed record no longer fits the panel mean (sheets changed since signing)', () => {
    const moved = { ...seeded, items: seeded.items.map((i) => (i.itemId === '4.1.2' ? { ...i, percent: 80 } : i)) };
    const html = render(panel(FIVE), signedRow(moved));
    expect(html).toContain('当前记录有 1 处与新的专家平均值不符');
    // The form continues from the signed 80 %, which now needs a reason.
    expect(html).toContain('与初始值不同，须说明理由。');
    expect(html).toMatch(/aria-label="4.1.2 的理由" required="" aria-invalid="true"/);
  });
});
