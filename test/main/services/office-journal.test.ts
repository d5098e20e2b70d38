import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJournal } from '../../../src-main/services/office-journal';

const entrySchema = z.object({ n: z.number() }).strict();
const format = 'test.journal/1';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-journal-'));
  path = join(dir, 'sub', 'journal.jsonl');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createJournal', () => {
  it('reads nothing before the first append, then a header line and one line per entry', async () => {
    const journal = createJournal(path, format, entrySchema);
    expect(await journal.read()).toEqual({ ok: true, value: [] });
    expect((await journal.append([{ n: 1 }, { n: 2 }])).ok).toBe(true);
    expect((await journal.append([{ n: 3 }])).ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(`{"format":"${format}"}\n{"n":1}\n{"n":2}\n{"n":3}\n`);
    const again = createJournal(path, format, entrySchema);
    expect(await again.read()).toEqual({ ok: true, value: [{ n: 1 }, { n: 2 }, { n: 3 }] });
  });

  it('drops an unfinished last line and cuts it off the file, so the next line starts clean', async () => {
    await createJournal(path, format, entrySchema).append([{ n: 1 }]);
    await appendFile(path, '{"n":2');
    const journal = createJournal(path, format, entrySchema);
    expect(await journal.read()).toEqual({ ok: true, value: [{ n: 1 }] });
    await journal.append([{ n: 3 }]);
    expect(await readFile(path, 'utf8')).toBe(`{"format":"${format}"}\n{"n":1}\n{"n":3}\n`);
  });

  it('reports a complete line that does not parse, or another format, as corrupt and never appends to it', async () => {
    await createJournal(path, format, entrySchema).append([{ n: 1 }]);
    await appendFile(path, '{"n":"two"}\n');
    const before = await readFile(path, 'utf8');
    const journal = createJournal(path, format, entrySchema);
    expect(await journal.read()).toMatchObject({
      ok: false,
      error: { code: 'E_KEY_FILE_CORRUPT', params: { file: path } },
    });
    expect(await journal.append([{ n: 3 }])).toMatchObject({ ok: false, error: { code: 'E_KEY_FILE_CORRUPT' } });
    expect(await readFile(path, 'utf8')).toBe(before);

    await writeFile(path, '{"format":"other/1"}\n');
    expect(await createJournal(path, format, entrySchema).read()).toMatchObject({
      ok: false,
      error: { code: 'E_KEY_FILE_CORRUPT' },
    });
  });

  it('reports a path it cannot read as corrupt, and one it cannot write as E_STORAGE_WRITE', async () => {
    // A folder where the file should be: open(2) fails with EISDIR.
    const journal = createJournal(dir, format, entrySchema);
    expect(await journal.append([{ n: 1 }])).toMatchObject({ ok: false, error: { code: 'E_KEY_FILE_CORRUPT' } });
    const blocked = createJournal(join(dir, 'file', 'journal.jsonl'), format, entrySchema);
    expect(await blocked.read()).toEqual({ ok: true, value: [] });
    // Its folder's name is taken by a file after the journal was read.
    await writeFile(join(dir, 'file'), 'not a folder');
    expect(await blocked.append([{ n: 1 }])).toMatchObject({ ok: false, error: { code: 'E_STORAGE_WRITE' } });
  });
});
