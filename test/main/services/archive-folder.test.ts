import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArchiveFolder, isPlainFileName } from '../../../src-main/services/archive-folder';

let base: string;
let dir: string;
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'scorebook-archive-'));
  dir = join(base, 'outbox');
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('writeOnce', () => {
  it('creates the folder and writes the exact bytes, leaving no temporary file', async () => {
    expect(await createArchiveFolder(dir).writeOnce('enrollment-张三-0123abcd.qapkg', bytes('PK…'))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await readFile(join(dir, 'enrollment-张三-0123abcd.qapkg'), 'utf8')).toBe('PK…');
    expect(await readdir(dir)).toEqual(['enrollment-张三-0123abcd.qapkg']);
  });

  it.runIf(process.platform !== 'win32')('makes files only their owner can read', async () => {
    await createArchiveFolder(dir).writeOnce('a.qapkg', bytes('a'));
    expect((await stat(join(dir, 'a.qapkg'))).mode & 0o077).toBe(0);
  });

  it('never overwrites: a second write of the same name fails and the first bytes stay', async () => {
    const archive = createArchiveFolder(dir);
    await archive.writeOnce('a.qapkg', bytes('first'));
    const second = await archive.writeOnce('a.qapkg', bytes('second'));
    expect(second).toMatchObject({ ok: false, error: { code: 'E_STORAGE_WRITE', params: { reason: 'exists' } } });
    expect(await readFile(join(dir, 'a.qapkg'), 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['a.qapkg']);
  });

  it('does not replace a file that was there before the archive was opened', async () => {
    await createArchiveFolder(dir).writeOnce('seed', bytes(''));
    await writeFile(join(dir, 'b.qapkg'), 'outside');
    expect((await createArchiveFolder(dir).writeOnce('b.qapkg', bytes('new'))).ok).toBe(false);
    expect(await readFile(join(dir, 'b.qapkg'), 'utf8')).toBe('outside');
  });

  it.each(['', '.', '..', '../escape.qapkg', 'a/b.qapkg', 'a\\b.qapkg', 'nul\u0000.qapkg', 'x'.repeat(256)])(
    'refuses the name %j without writing anything',
    async (name) => {
      expect(isPlainFileName(name)).toBe(false);
      expect(await createArchiveFolder(dir).writeOnce(name, bytes('x'))).toMatchObject({ ok: false });
      expect(await readdir(base)).toEqual([]);
    },
  );
});
