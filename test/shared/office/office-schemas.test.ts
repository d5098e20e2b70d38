import { describe, expect, it } from 'vitest';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import {
  consensusRecordSchema,
  officeSheetSchema,
  panelSchema,
  recommendationSchema,
  resultsSettingsFromCycle,
  resultsSettingsSchema,
} from '../../../src-shared/office/office-schemas';

describe('office input schemas', () => {
  it('take a sheet with integer percents from 0 to 100, null for unscored', () => {
    const good = { expertId: 'E1', applicantId: 'A1', stage: 'material', percents: { '4.1.2': 55, '4.1.3': null } };
    expect(officeSheetSchema.parse(good)).toEqual(good);
    expect(officeSheetSchema.safeParse({ ...good, percents: { '4.1.2': 101 } }).success).toBe(false);
    expect(officeSheetSchema.safeParse({ ...good, percents: { '4.1.2': 55.5 } }).success).toBe(false);
    expect(officeSheetSchema.safeParse({ ...good, stage: 'interview' }).success).toBe(false);
  });

  it('take a panel whose leader is a member and whose members are distinct', () => {
    const good = { applicantId: 'A1', stage: 'site', expertIds: ['E1', 'E2'], leaderId: 'E2' };
    expect(panelSchema.safeParse(good).success).toBe(true);
    expect(panelSchema.safeParse({ ...good, leaderId: 'E9' }).success).toBe(false);
    expect(panelSchema.safeParse({ ...good, expertIds: ['E2', 'E2'] }).success).toBe(false);
  });

  it('take results settings with distinct stages and at least one positive weight', () => {
    const stage = { stage: 'material', combination: 'mean', weight: 1, advance: null } as const;
    expect(resultsSettingsSchema.safeParse({ spreadThreshold: 30, stages: [stage] }).success).toBe(true);
    expect(resultsSettingsSchema.safeParse({ spreadThreshold: 30, stages: [stage, stage] }).success).toBe(false);
    expect(resultsSettingsSchema.safeParse({ spreadThreshold: 30, stages: [{ ...stage, weight: 0 }] }).success).toBe(
      false,
    );
    const top = { ...stage, advance: { kind: 'top', count: 0 } };
    expect(resultsSettingsSchema.safeParse({ spreadThreshold: 30, stages: [top] }).success).toBe(false);
  });

  it('take consensus records and recommendation lists', () => {
    const record = {
      applicantId: 'A1',
      stage: 'site',
      leaderId: 'E1',
      items: [{ itemId: '4.1.2', percent: 60, reason: '' }],
    };
    expect(consensusRecordSchema.parse(record)).toEqual(record);
    expect(recommendationSchema.safeParse({ qualityAward: ['A1'], nomination: [''] }).success).toBe(false);
  });
});

describe('resultsSettingsFromCycle', () => {
  it("derives per-stage settings from the cycle's one combination and percent weights", () => {
    const cycle = defaultCycleSettings(2026);
    const settings = resultsSettingsFromCycle(
      {
        ...cycle,
        stages: ['material', 'site'],
        stageWeights: { material: 40, defense: 0, site: 60 },
        combination: 'median',
      },
      { material: { kind: 'top', count: 8 } },
    );
    expect(settings).toEqual({
      spreadThreshold: cycle.spreadThreshold,
      stages: [
        { stage: 'material', combination: 'median', weight: 40, advance: { kind: 'top', count: 8 } },
        { stage: 'site', combination: 'median', weight: 60, advance: null },
      ],
    });
    expect(resultsSettingsSchema.safeParse(settings).success).toBe(true);
  });
});
