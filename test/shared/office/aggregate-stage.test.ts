import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCycle, aggregateStage } from '../../../src-shared/office/aggregate-stage';
import { aggregated, criteria, FIVE, ids, panel, sheet, workedSheets } from './office-fixtures';

const item = (aggregation: ReturnType<typeof aggregated>, itemId: string) => {
  const found = aggregation.items.find((i) => i.itemId === itemId);
  if (found === undefined) throw new Error(`no item ${itemId}`);
  return found;
};

describe('aggregateStage: five experts on one applicant (the worked example of office-fixtures.ts)', () => {
  const a = aggregated(panel(FIVE), workedSheets());

  it('lays out the experts × items matrix in panel and criteria order, with points in hundredths', () => {
    expect(a.experts).toEqual(FIVE);
    expect(a.itemIds).toEqual(ids);
    const col = ids.indexOf('4.1.2');
    expect(a.matrix.percents.map((row) => row[col])).toEqual([40, 55, 60, 70, 75]);
    // 50 points × 40 % = 20.00 points = 2000 hundredths … 50 × 75 % = 37.50.
    expect(a.matrix.points.map((row) => row[col])).toEqual([2000, 2750, 3000, 3500, 3750]);
  });

  it('gives each item mean, median, trimmed mean, min, max and spread', () => {
    // 4.1.2: 40 55 60 70 75 → mean 60 %, median 60 %, trimmed (55+60+70)/3 = 61.67 %, spread 35.
    // Points: mean 30.00, median 30.00, trimmed 50 × 185 / 3 = 30.8333 → 30.83, min 20.00, max 37.50.
    const i412 = item(a, '4.1.2');
    expect(i412.percent).toMatchObject({ mean: 6000, median: 6000, trimmed: 6167, min: 4000, max: 7500 });
    expect(i412.points).toMatchObject({ mean: 3000, median: 3000, trimmed: 3083, min: 2000, max: 3750 });
    expect(i412.spread).toBe(35);
    // 4.4.3 (15 pts): 40 45 50 60 65 → mean 52 %, median 50 %, trimmed 155/3 = 51.67 %, spread 25.
    // Points: mean 15 × 0.52 = 7.80, median 7.50, trimmed 15 × 155 / 3 / 100 = 7.75 exactly.
    const i443 = item(a, '4.4.3');
    expect(i443.percent).toMatchObject({ mean: 5200, median: 5000, trimmed: 5167 });
    expect(i443.points).toMatchObject({ mean: 780, median: 750, trimmed: 775 });
    expect(i443.spread).toBe(25);
    // 4.7.2 (80 pts): 40 50 60 70 70 → mean 58 %, median 60 %, trimmed 60 %, spread 30.
    const i472 = item(a, '4.7.2');
    expect(i472.percent).toMatchObject({ mean: 5800, median: 6000, trimmed: 6000 });
    expect(i472.points).toMatchObject({ mean: 4640, median: 4800, trimmed: 4800 });
    expect(i472.spread).toBe(30);
  });

  it('flags items at or over the spread threshold for consensus (30 is flagged, 25 is not)', () => {
    expect(a.consensusItems).toEqual(['4.1.2', '4.7.2']);
    expect(item(a, '4.4.3').needsConsensus).toBe(false);
    expect(item(a, '4.1.3').spread).toBe(0);
    expect(aggregated(panel(FIVE), workedSheets(), 36).consensusItems).toEqual([]);
    expect(aggregated(panel(FIVE), workedSheets(), 25).consensusItems).toEqual(['4.1.2', '4.4.3', '4.7.2']);
  });

  it('totals each expert out of 1000 and summarises the totals', () => {
    // 500.00 at 50 % everywhere, then per expert the three items' difference from 50 %:
    // E1 −5 −1.5 −8 = 485.50; E2 +2.5 −0.75 +0 = 501.75; E3 +5 +0 +8 = 513.00;
    // E4 +10 +1.5 +16 = 527.50; E5 +12.5 +2.25 +16 = 530.75.
    expect(a.expertTotals.map((t) => t.hundredths)).toEqual([48550, 50175, 51300, 52750, 53075]);
    expect(a.expertTotals.every((t) => t.complete && t.scoredItems === 23)).toBe(true);
    // Sum 2558.50 → mean 511.70; median 513.00; trimmed (501.75 + 513 + 527.5) / 3 = 514.083 → 514.08.
    expect(a.totals).toMatchObject({ mean: 51170, median: 51300, trimmed: 51408, min: 48550, max: 53075 });
    const totals = a.totals ?? { max: 0, min: 0 };
    expect(totals.max - totals.min).toBe(4525); // the spread of expert totals: 45.25 points
  });

  it('gives per-category totals for the radar: each expert, and the sum of item means', () => {
    const e1 = a.expertTotals[0]?.categories.find((c) => c.categoryId === '4.1');
    expect(e1?.hundredths).toBe(2000 + 1500 + 1500); // 4.1.2 at 40 % of 50, 4.1.3 and 4.1.4 at 50 % of 30
    const c41 = a.categories.find((c) => c.categoryId === '4.1');
    expect(c41).toEqual({ categoryId: '4.1', maxHundredths: 11000, meanHundredths: 3000 + 1500 + 1500 });
    // 4.7: 4.7.2 mean 46.40 + the rest at 50 %: 40 + 40 + 30 + 25 + 25 = 160 → 206.40.
    expect(a.categories.find((c) => c.categoryId === '4.7')?.meanHundredths).toBe(20640);
  });
});

describe('aggregateStage: unscored items and missing sheets', () => {
  it('excludes an unscored item from that item only, flags it, and marks the sheet incomplete', () => {
    const sheets = workedSheets().map((s) =>
      s.expertId === 'E5' ? { ...s, percents: { ...s.percents, '4.1.2': null } } : s,
    );
    const a = aggregated(panel(FIVE), sheets);
    const i412 = item(a, '4.1.2');
    // 40 55 60 70 → mean 56.25 %, median (55 + 60) / 2 = 57.5 %, four values: no trimmed mean.
    expect(i412.percent).toMatchObject({ count: 4, mean: 5625, median: 5750, trimmed: null });
    expect(i412.unscoredBy).toEqual(['E5']);
    expect(a.unscoredItems).toEqual(['4.1.2']);
    expect(a.matrix.percents[4]?.[ids.indexOf('4.1.2')]).toBeNull();
    expect(a.expertTotals[4]).toMatchObject({ expertId: 'E5', complete: false, scoredItems: 22 });
    // The totals summary counts complete sheets only (E1–E4).
    expect(a.totals?.count).toBe(4);
  });

  it('treats an item id absent from a sheet like null', () => {
    const partial = sheet('E1');
    const rest = Object.fromEntries(Object.entries(partial.percents).filter(([id]) => id !== '4.7.7'));
    const a = aggregated(panel(['E1']), [{ ...partial, percents: rest }]);
    expect(item(a, '4.7.7')).toMatchObject({ percent: null, points: null, spread: null, unscoredBy: ['E1'] });
    expect(a.categories.find((c) => c.categoryId === '4.7')?.meanHundredths).toBeNull();
  });

  it('lists panel members without a sheet and leaves them out of every statistic', () => {
    const a = aggregated(panel([...FIVE, 'E6']), workedSheets());
    expect(a.missingExperts).toEqual(['E6']);
    expect(a.experts).toEqual(FIVE);
    expect(item(a, '4.1.2').percent?.count).toBe(5);
  });
});

describe('aggregateStage refuses inconsistent input as coded errors', () => {
  const p = panel(FIVE);
  const refuse = (sheets: Parameters<typeof aggregateStage>[2]) => {
    const result = aggregateStage(criteria, p, sheets, 30);
    return result.ok ? 'accepted' : result.error.code;
  };

  it('an expert outside the panel: E_NOT_ASSIGNED', () => expect(refuse([sheet('X9')])).toBe('E_NOT_ASSIGNED'));
  it('two sheets of one expert: E_BAD_REQUEST', () => expect(refuse([sheet('E1'), sheet('E1')])).toBe('E_BAD_REQUEST'));
  it('a sheet of another applicant or stage: E_BAD_REQUEST', () => {
    expect(refuse([sheet('E1', {}, 50, 'A2')])).toBe('E_BAD_REQUEST');
    expect(refuse([sheet('E1', {}, 50, 'A1', 'site')])).toBe('E_BAD_REQUEST');
  });
  it('an item the criteria lack: E_ITEM_UNKNOWN', () =>
    expect(refuse([sheet('E1', { '9.9': 50 })])).toBe('E_ITEM_UNKNOWN'));
  it('a percent off the 5 % grid or out of range: E_PERCENT_STEP, E_PERCENT_RANGE', () => {
    expect(refuse([sheet('E1', { '4.1.2': 52 })])).toBe('E_PERCENT_STEP');
    expect(refuse([sheet('E1', { '4.1.2': 105 })])).toBe('E_PERCENT_RANGE');
  });
});

describe('aggregateCycle', () => {
  it('groups sheets by applicant and stage in the order of the panels', () => {
    const panels = [panel(FIVE, 'A2', 'site'), panel(FIVE, 'A1', 'material')];
    const sheets = [...workedSheets('A1', 'material'), ...FIVE.map((e) => sheet(e, {}, 70, 'A2', 'site'))];
    const result = aggregateCycle(criteria, panels, sheets, 30);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((a) => `${a.applicantId}/${a.stage}`)).toEqual(['A2/site', 'A1/material']);
    expect(result.value[0]?.totals?.mean).toBe(70000);
  });

  it('refuses a sheet without a panel and a panel given twice', () => {
    const stray = aggregateCycle(criteria, [panel(FIVE)], [sheet('E1', {}, 50, 'A9')], 30);
    expect(stray.ok ? 'accepted' : stray.error.code).toBe('E_NOT_ASSIGNED');
    const twice = aggregateCycle(criteria, [panel(FIVE), panel(FIVE)], [], 30);
    expect(twice.ok ? 'accepted' : twice.error.code).toBe('E_BAD_REQUEST');
  });
});

describe('aggregateStage properties', () => {
  const percent = fc.option(
    fc.integer({ min: 0, max: 20 }).map((k) => k * 5),
    { nil: null, freq: 10 },
  );
  const sheetsArb = fc.array(fc.array(percent, { minLength: ids.length, maxLength: ids.length }), {
    minLength: 1,
    maxLength: 9,
  });

  it('keeps every item mean within [min, max], totals within 1000, and spread = max − min', () => {
    fc.assert(
      fc.property(sheetsArb, (rows) => {
        const experts = rows.map((_, i) => `E${i}`);
        const sheets = rows.map((row, r) =>
          sheet(`E${r}`, Object.fromEntries(ids.map((id, c) => [id, row[c] ?? null]))),
        );
        const a = aggregated(panel(experts), sheets);
        for (const i of a.items) {
          if (i.percent === null || i.points === null) continue;
          expect(i.percent.mean).toBeGreaterThanOrEqual(i.percent.min);
          expect(i.percent.mean).toBeLessThanOrEqual(i.percent.max);
          expect(i.points.mean).toBeLessThanOrEqual(i.maxPoints * 100);
          expect(i.spread).toBe((i.percent.max - i.percent.min) / 100);
        }
        for (const t of a.expertTotals) expect(t.hundredths).toBeLessThanOrEqual(100_000);
        const meanSum = a.categories.reduce((sum, c) => sum + (c.meanHundredths ?? 0), 0);
        expect(meanSum).toBeLessThanOrEqual(100_000);
      }),
    );
  });
});
