import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idleMinutesSchema, shouldLock } from '../../../src-shared/identity/idle-lock';

const minute = 60_000;

describe('idleMinutesSchema', () => {
  it('defaults to 15 minutes', () => {
    expect(idleMinutesSchema.parse(undefined)).toBe(15);
  });

  it.each([1, 15, 240])('accepts %d', (minutes) => {
    expect(idleMinutesSchema.parse(minutes)).toBe(minutes);
  });

  it.each([0, -5, 241, 1.5, Number.NaN, '15'])('refuses %s', (minutes) => {
    expect(idleMinutesSchema.safeParse(minutes).success).toBe(false);
  });
});

describe('shouldLock', () => {
  it('locks once the idle time has fully passed, not a millisecond before', () => {
    expect(shouldLock(0, 15 * minute - 1, 15)).toBe(false);
    expect(shouldLock(0, 15 * minute, 15)).toBe(true);
    expect(shouldLock(1_000, 1_000 + minute, 1)).toBe(true);
  });

  it('does not lock right after activity', () => {
    expect(shouldLock(5_000, 5_000, 1)).toBe(false);
  });

  it('falls back to the default instead of never locking when the setting is out of range', () => {
    expect(shouldLock(0, 15 * minute, 0)).toBe(true);
    expect(shouldLock(0, 15 * minute, Number.POSITIVE_INFINITY)).toBe(true);
    expect(shouldLock(0, 14 * minute, 100_000)).toBe(false);
  });

  it('fails safe on times that are not numbers', () => {
    expect(shouldLock(Number.NaN, 0, 15)).toBe(true);
    expect(shouldLock(0, Number.POSITIVE_INFINITY, 15)).toBe(true);
  });

  it('is monotone: once it would lock, later times lock too', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 240 }), (last, elapsed, extra, minutes) => {
        if (shouldLock(last, last + elapsed, minutes))
          expect(shouldLock(last, last + elapsed + extra, minutes)).toBe(true);
      }),
    );
  });

  it('agrees with the plain rule for every valid setting', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat({ max: 300 * minute }),
        fc.integer({ min: 1, max: 240 }),
        (last, elapsed, minutes) => {
          expect(shouldLock(last, last + elapsed, minutes)).toBe(elapsed >= minutes * minute);
        },
      ),
    );
  });
});
