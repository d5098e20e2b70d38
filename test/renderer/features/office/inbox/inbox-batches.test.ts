import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64Length,
  defaultBatchLimits,
  isPackageFileName,
  maxFileBytes,
  planBatches,
  importRank,
  takePackages,
} from '../../../../../src-renderer/features/office/inbox/inbox-batches';

const MiB = 1024 * 1024;

describe('planBatches', () => {
  it('keeps batches of many files small, one large file under the web host’s 128 MiB body cap, and 500 files', () => {
    expect(defaultBatchLimits.maxBase64Chars).toBeLessThan(16 * MiB);
    expect(defaultBatchLimits.maxSoloBase64Chars).toBeLessThan(128 * MiB);
    expect(defaultBatchLimits.maxFiles).toBeLessThanOrEqual(500);
  });

  it('cuts many small files by count, in order', () => {
    const plan = planBatches(Array.from({ length: 120 }, () => 1000));
    expect(plan.batches.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(plan.batches.flat()).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(plan.tooLarge).toEqual([]);
  });

  it('cuts large files by their total base64 size', () => {
    // 5 MiB of bytes is about 6.7 MiB of base64: two do not fit in 12 MiB together.
    const plan = planBatches([5 * MiB, 5 * MiB, 1000, 5 * MiB]);
    expect(plan.batches).toEqual([[0], [1, 2], [3]]);
  });

  it('sends a file over the batch bound alone (a site-visit sheet with its photos), keeping the order', () => {
    const plan = planBatches([1000, 90 * MiB, 1000, 1000]);
    expect(plan.batches).toEqual([[0], [1], [2, 3]]);
    expect(plan.tooLarge).toEqual([]);
  });

  it('refuses a file that alone is over the size bound, and only that one', () => {
    const limit = maxFileBytes(defaultBatchLimits);
    expect(base64Length(limit)).toBeLessThanOrEqual(defaultBatchLimits.maxSoloBase64Chars);
    expect(base64Length(limit + 1)).toBeGreaterThan(defaultBatchLimits.maxSoloBase64Chars);
    const plan = planBatches([10, limit + 1, limit, 10]);
    expect(plan.tooLarge).toEqual([1]);
    expect(plan.batches).toEqual([[0], [2], [3]]);
  });

  it('places every file exactly once and keeps every batch within both limits', () => {
    const limits = { maxFiles: 4, maxBase64Chars: 400, maxSoloBase64Chars: 600 };
    fc.assert(
      fc.property(fc.array(fc.nat(500), { maxLength: 60 }), (sizes) => {
        const plan = planBatches(sizes, limits);
        const placed = [...plan.batches.flat(), ...plan.tooLarge].sort((a, b) => a - b);
        expect(placed).toEqual(sizes.map((_, i) => i));
        for (const batch of plan.batches) {
          expect(batch.length).toBeGreaterThan(0);
          expect(batch.length).toBeLessThanOrEqual(limits.maxFiles);
          const chars = batch.reduce((sum, i) => sum + base64Length(sizes[i] ?? 0), 0);
          // A batch is within the batch bound, or is one file within the single-file bound.
          expect(chars).toBeLessThanOrEqual(batch.length === 1 ? limits.maxSoloBase64Chars : limits.maxBase64Chars);
        }
        for (const i of plan.tooLarge) expect(base64Length(sizes[i] ?? 0)).toBeGreaterThan(limits.maxSoloBase64Chars);
      }),
    );
  });

  it('has nothing to send for no files', () => {
    expect(planBatches([])).toEqual({ batches: [], tooLarge: [] });
  });
});

describe('base64Length', () => {
  it('matches what btoa writes', () => {
    for (const n of [0, 1, 2, 3, 4, 100, 1001]) expect(base64Length(n)).toBe(btoa('x'.repeat(n)).length);
  });
});

describe('takePackages', () => {
  it('takes .qapkg files (any case) and counts the rest as skipped', () => {
    const files = ['a.qapkg', 'notes.txt', 'B.QAPKG', 'receipts.qarcpt', 'qapkg', 'dir/c.qapkg'].map((name) => ({
      name,
    }));
    const taken = takePackages(files);
    expect(taken.packages.map((file) => file.name)).toEqual(['a.qapkg', 'B.QAPKG', 'dir/c.qapkg']);
    expect(taken.skipped).toBe(3);
    expect(isPackageFileName('x.qapkg.txt')).toBe(false);
  });

  it('puts pledges first, then declarations, then sheets, each chain by version, whatever order they came in', () => {
    const names = [
      'e5-sheet-A-v1-0193aaaa.qapkg',
      'declaration-A-v2-0193bbbb.qapkg',
      'renamed-by-hand.qapkg',
      'sheet-B-v2-0193cccc.qapkg',
      'sheet-B-v1-0193dddd.qapkg',
      'declaration-A-v1-0193eeee.qapkg',
      'pledge-cycle-0193ffff.qapkg',
    ];
    expect(takePackages(names.map((name) => ({ name }))).packages.map((file) => file.name)).toEqual([
      'pledge-cycle-0193ffff.qapkg',
      'declaration-A-v1-0193eeee.qapkg',
      'declaration-A-v2-0193bbbb.qapkg',
      'e5-sheet-A-v1-0193aaaa.qapkg',
      'sheet-B-v1-0193dddd.qapkg',
      'sheet-B-v2-0193cccc.qapkg',
      'renamed-by-hand.qapkg',
    ]);
    expect(importRank('declaration-A-v12-0193.qapkg')).toEqual([1, 12]);
  });
});
