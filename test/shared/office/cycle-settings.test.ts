import { describe, expect, it } from 'vitest';
import {
  checkCycleSettings,
  cycleSettingsSchema,
  decideSettingsChange,
  defaultCycleSettings,
} from '../../../src-shared/office/cycle-settings';

const base = defaultCycleSettings(2026);

describe('cycle settings', () => {
  it('start from valid defaults: three stages in the order of Art. 11, weights summing to 100, the Art. 3 limits', () => {
    expect(cycleSettingsSchema.parse(base)).toEqual(base);
    expect(checkCycleSettings(base)).toEqual([]);
    expect(base.stages).toEqual(['material', 'defense', 'site']);
    expect(base.awardLimit).toBe(5);
    expect(base.nominationLimit).toBe(10);
    expect(base.spreadThreshold).toBe(30);
    expect(base.pledgeText).toContain('回避');
  });

  it('refuse limits above Art. 3 and allow fewer or none', () => {
    expect(cycleSettingsSchema.safeParse({ ...base, awardLimit: 6 }).success).toBe(false);
    expect(cycleSettingsSchema.safeParse({ ...base, nominationLimit: 11 }).success).toBe(false);
    expect(cycleSettingsSchema.safeParse({ ...base, awardLimit: 0, nominationLimit: 3 }).success).toBe(true);
  });

  it('name the problems zod cannot: period order, deadline outside the period, repeated stages, weights', () => {
    const bad = {
      ...base,
      periodEnd: '2025-12-31',
      applicationDeadline: '2031-01-01',
      stages: ['material', 'material'] as const,
      stageWeights: { material: 40, defense: 30, site: 40 },
    };
    expect(checkCycleSettings({ ...bad, stages: [...bad.stages] }).map((p) => p.field)).toEqual([
      'periodEnd',
      'applicationDeadline',
      'stages',
      'stageWeights',
    ]);
    // Weights count only the cycle's own stages.
    expect(
      checkCycleSettings({
        ...base,
        stages: ['material', 'site'],
        stageWeights: { material: 40, site: 60, defense: 99 },
      }),
    ).toEqual([]);
  });
});

describe('changing settings', () => {
  it('is free before any assignment is issued', () => {
    const next = { ...base, pledgeText: '新的承诺文本' };
    expect(decideSettingsChange({ current: base, next, assignmentsIssued: 0, reason: '' })).toEqual({
      ok: true,
      value: { frozenChanged: ['pledgeText'] },
    });
  });

  it('needs a reason for a setting experts received, once assignments are issued; others stay free', () => {
    const frozen = decideSettingsChange({
      current: base,
      next: { ...base, commentRules: { strengthWithEvidenceFrom: 80, ofiUpTo: 25 } },
      assignmentsIssued: 3,
      reason: ' ',
    });
    expect(frozen).toMatchObject({ ok: false, error: { code: 'E_CYCLE_FROZEN', params: { fields: 'commentRules' } } });
    const withReason = decideSettingsChange({
      current: base,
      next: { ...base, commentRules: { strengthWithEvidenceFrom: 80, ofiUpTo: 25 } },
      assignmentsIssued: 3,
      reason: '领导小组决定提高证据要求',
    });
    expect(withReason).toEqual({ ok: true, value: { frozenChanged: ['commentRules'] } });
    const free = decideSettingsChange({
      current: base,
      next: { ...base, spreadThreshold: 25 },
      assignmentsIssued: 3,
      reason: '',
    });
    expect(free).toEqual({ ok: true, value: { frozenChanged: [] } });
  });

  it('refuses invalid settings whatever the reason', () => {
    const result = decideSettingsChange({
      current: base,
      next: { ...base, stageWeights: { material: 10, defense: 10, site: 10 } },
      assignmentsIssued: 0,
      reason: 'x',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
  });
});
