import { describe, expect, it } from 'vitest';
import { bandOf, percentsInBand } from '../../../src-shared/scoring/bands';
import { completeness, type ItemProgress } from '../../../src-shared/scoring/completeness';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { shippedCriteria } from '../../support/shipped-criteria';

const criteria = shippedCriteria();

describe('bands', () => {
  it('puts every percent in exactly one of the six bands', () => {
    for (let p = 0; p <= 100; p += 5) {
      expect(criteria.bands.filter((band) => p >= band.min && p <= band.max)).toHaveLength(1);
      expect(bandOf(criteria.bands, p)).toBeDefined();
    }
    expect(bandOf(criteria.bands, 5)?.max).toBe(5);
    expect(bandOf(criteria.bands, 10)?.min).toBe(10);
    expect(bandOf(criteria.bands, 100)?.min).toBe(90);
  });

  it('offers the 5 % steps inside a band', () => {
    const band = bandOf(criteria.bands, 20);
    expect(band && percentsInBand(band)).toEqual([10, 15, 20, 25]);
    const top = bandOf(criteria.bands, 95);
    expect(top && percentsInBand(top)).toEqual([90, 95, 100]);
  });
});

describe('completeness', () => {
  const ids = allItems(criteria).map((entry) => entry.id);

  it('lists every item as missing on an empty sheet', () => {
    const result = completeness(criteria, new Map());
    expect(result.missingScore).toEqual(ids);
    expect(result.missingComment).toEqual(ids);
    expect(result.complete).toBe(false);
  });

  it('is complete when every item has a percent and at least one comment', () => {
    const progress = new Map<string, ItemProgress>(
      ids.map((id, i) => [id, { percent: 50, strengthCount: i % 2, ofiCount: 1 - (i % 2) }]),
    );
    expect(completeness(criteria, progress).complete).toBe(true);
  });

  it('names the item that has a score but no comment, and the one with a comment but no score', () => {
    const progress = new Map<string, ItemProgress>(
      ids.map((id) => [id, { percent: 50, strengthCount: 1, ofiCount: 0 }]),
    );
    progress.set('4.2.3', { percent: 40, strengthCount: 0, ofiCount: 0 });
    progress.set('4.7.4', { percent: null, strengthCount: 0, ofiCount: 2 });
    const result = completeness(criteria, progress);
    expect(result.missingComment).toEqual(['4.2.3']);
    expect(result.missingScore).toEqual(['4.7.4']);
  });
});
