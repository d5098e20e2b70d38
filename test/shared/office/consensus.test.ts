import { describe, expect, it } from 'vitest';
import { checkConsensus, seedConsensus, validateConsensus } from '../../../src-shared/office/consensus';
import type { ConsensusRecord } from '../../../src-shared/office/office-schemas';
import { aggregated, criteria, FIVE, ids, panel, sheet, workedSheets } from './office-fixtures';

const p = panel(FIVE);
const a = aggregated(p, workedSheets());
const seeds = seedConsensus(a, criteria.percentStep);
const seedOf = (itemId: string) => seeds.find((s) => s.itemId === itemId)?.seed;

/** The record a leader would save by accepting every seed. */
function accepted(): ConsensusRecord {
  return {
    applicantId: 'A1',
    stage: 'material',
    leaderId: 'E1',
    items: seeds.map((s) => ({ itemId: s.itemId, percent: s.seed ?? 50, reason: '' })),
  };
}

function withItem(record: ConsensusRecord, itemId: string, percent: number, reason: string): ConsensusRecord {
  return { ...record, items: record.items.map((e) => (e.itemId === itemId ? { itemId, percent, reason } : e)) };
}

describe('seedConsensus: the panel mean on the 5 % grid, halves up', () => {
  it('seeds the worked example', () => {
    expect(seedOf('4.1.2')).toBe(60); // mean 60 %
    expect(seedOf('4.7.2')).toBe(60); // mean 58 % → 11.6 steps of 5 → 12 → 60
    expect(seedOf('4.4.3')).toBe(50); // mean 52 % → 10.4 steps → 10 → 50
    expect(seedOf('4.1.3')).toBe(50);
    expect(seeds.find((s) => s.itemId === '4.7.2')).toEqual({
      itemId: '4.7.2',
      seed: 60,
      meanPercentHundredths: 5800,
      needsConsensus: true,
    });
  });

  it('rounds a mean exactly halfway between two grid points up, and others to the nearer one', () => {
    const four = ['E1', 'E2', 'E3', 'E4'];
    const seed = (percents: number[]) =>
      seedConsensus(
        aggregated(
          panel(four),
          four.map((e, i) => sheet(e, { '4.1.2': percents[i] ?? 0 })),
        ),
        5,
      ).find((s) => s.itemId === '4.1.2')?.seed;
    expect(seed([55, 60, 65, 70])).toBe(65); // 62.5 → 65
    expect(seed([55, 60, 60, 70])).toBe(60); // 61.25 → 60
    expect(seed([55, 65, 65, 70])).toBe(65); // 63.75 → 65
    expect(seed([0, 0, 0, 5])).toBe(0); // 1.25 → 0
  });

  it('uses the criteria step: on a 10 % grid 62.5 % seeds 60 % (6.25 steps)', () => {
    const four = ['E1', 'E2', 'E3', 'E4'];
    const agg = aggregated(
      panel(four),
      four.map((e, i) => sheet(e, { '4.1.2': [55, 60, 65, 70][i] ?? 0 })),
    );
    expect(seedConsensus(agg, 10).find((s) => s.itemId === '4.1.2')?.seed).toBe(60);
  });

  it('has no seed for an item nobody scored', () => {
    const agg = aggregated(panel(['E1']), [sheet('E1', { '4.1.2': null })]);
    expect(seedConsensus(agg, 5).find((s) => s.itemId === '4.1.2')).toEqual({
      itemId: '4.1.2',
      seed: null,
      meanPercentHundredths: null,
      needsConsensus: false,
    });
  });
});

describe('validateConsensus', () => {
  it('accepts the seeds as they are, with no reasons, and a change from a seed with its reason', () => {
    expect(validateConsensus(criteria, p, seeds, accepted()).ok).toBe(true);
    const changed = withItem(accepted(), '4.1.2', 65, '现场核实了全员绩效管理的展开情况');
    expect(validateConsensus(criteria, p, seeds, changed)).toEqual({ ok: true, value: changed });
  });

  it('requires a non-empty reason for every item whose percent differs from its seed', () => {
    const record = withItem(withItem(accepted(), '4.1.2', 65, '  '), '4.7.2', 55, '');
    expect(checkConsensus(criteria, p, seeds, record)).toEqual([
      { problem: 'reason-required', itemId: '4.1.2' },
      { problem: 'reason-required', itemId: '4.7.2' },
    ]);
    const result = validateConsensus(criteria, p, seeds, record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E_CONSENSUS_INVALID');
    expect(result.error.params).toMatchObject({
      problem: 'reason-required',
      item: '4.1.2',
      count: 2,
    });
  });

  it('requires a reason where there is no seed at all', () => {
    const agg = aggregated(panel(['E1']), [sheet('E1', { '4.1.2': null })]);
    const noSeed = seedConsensus(agg, 5);
    const record = {
      ...accepted(),
      items: noSeed.map((s) => ({ itemId: s.itemId, percent: s.seed ?? 55, reason: '' })),
    };
    expect(checkConsensus(criteria, panel(['E1']), noSeed, record)).toEqual([
      { problem: 'reason-required', itemId: '4.1.2' },
    ]);
  });

  it('requires exactly one percent per item: missing, repeated and unknown items are problems', () => {
    const base = accepted();
    const record = {
      ...base,
      items: [
        ...base.items.filter((e) => e.itemId !== '4.2.2'),
        { itemId: '4.1.2', percent: 60, reason: '' },
        { itemId: '9.9', percent: 50, reason: '' },
      ],
    };
    expect(checkConsensus(criteria, p, seeds, record)).toEqual([
      { problem: 'missing-item', itemId: '4.2.2' },
      { problem: 'duplicate-item', itemId: '4.1.2' },
      { problem: 'unknown-item', itemId: '9.9' },
    ]);
    const onlyUnknown = { ...base, items: [...base.items, { itemId: '9.9', percent: 50, reason: '' }] };
    const result = validateConsensus(criteria, p, seeds, onlyUnknown);
    expect(result.ok ? 'accepted' : result.error.code).toBe('E_ITEM_UNKNOWN');
  });

  it('requires each percent on the grid from 0 to 100', () => {
    const off = validateConsensus(criteria, p, seeds, withItem(accepted(), '4.1.2', 62, 'x'));
    expect(off.ok ? 'accepted' : off.error.code).toBe('E_PERCENT_STEP');
    const over = validateConsensus(criteria, p, seeds, withItem(accepted(), '4.1.2', 105, 'x'));
    expect(over.ok ? 'accepted' : over.error.code).toBe('E_PERCENT_RANGE');
  });

  it('requires a named leader (组长) who is on the panel', () => {
    const outsider = validateConsensus(criteria, p, seeds, { ...accepted(), leaderId: 'X9' });
    expect(outsider.ok ? 'accepted' : outsider.error.code).toBe('E_NOT_ASSIGNED');
    expect(checkConsensus(criteria, p, seeds, { ...accepted(), leaderId: ' ' })).toEqual([{ problem: 'no-leader' }]);
    // Any member may lead, not only the one the panel was set up with.
    expect(validateConsensus(criteria, p, seeds, { ...accepted(), leaderId: 'E3' }).ok).toBe(true);
  });

  it('refuses a record for another applicant or stage', () => {
    const result = validateConsensus(criteria, p, seeds, { ...accepted(), stage: 'site' });
    expect(result.ok ? 'accepted' : result.error.code).toBe('E_BAD_REQUEST');
  });

  it('covers all 23 items of the shipped criteria', () => {
    expect(accepted().items.map((e) => e.itemId)).toEqual(ids);
  });
});
