import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatchArchive } from '../../../src-main/services/office-archive';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-office-archive-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createBatchArchive', () => {
  it('writes complete files under their names, leaves no temp files, and flushes them', async () => {
    const archive = createBatchArchive();
    const folder = join(dir, 'inbox', 'accepted');
    expect(await archive.put(folder, 'a.qapkg', new Uint8Array([1, 2, 3]))).toEqual({ ok: true, value: undefined });
    expect(await archive.put(folder, 'b.qapkg', new Uint8Array([4]))).toEqual({ ok: true, value: undefined });
    expect(await archive.flush()).toEqual({ ok: true, value: undefined });
    expect((await readdir(folder)).sort()).toEqual(['a.qapkg', 'b.qapkg']);
    expect(new Uint8Array(await readFile(join(folder, 'a.qapkg')))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('never replaces a file: the same bytes again are fine, other bytes are refused with `exists`', async () => {
    const archive = createBatchArchive();
    await archive.put(dir, 'a.qapkg', new Uint8Array([1, 2, 3]));
    expect((await archive.put(dir, 'a.qapkg', new Uint8Array([1, 2, 3]))).ok).toBe(true);
    expect(await archive.put(dir, 'a.qapkg', new Uint8Array([9]))).toMatchObject({
      ok: false,
      error: { code: 'E_STORAGE_WRITE', params: { reason: 'exists' } },
    });
    expect(new Uint8Array(await readFile(join(dir, 'a.qapkg')))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses a name that is not a plain file name', async () => {
    expect(await createBatchArchive().put(dir, '../escape.qapkg', new Uint8Array([1]))).toMatchObject({
      ok: false,
      error: { code: 'E_INTERNAL' },
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
