import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { base64DecodedSize, createFileStore } from '../../../src-main/services/file-store';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-file-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const photo = new TextEncoder().encode('现场照片：质量管理体系文件柜');

describe('the content-addressed file store', () => {
  it('stores bytes under their SHA-256, creating the folder, and reads them back', async () => {
    const store = createFileStore(join(dir, 'evidence'));
    const stored = await store.put(photo);
    expect(stored).toEqual({ ok: true, value: { sha256: sha256(photo), size: photo.byteLength } });
    expect(await readdir(join(dir, 'evidence'))).toEqual([sha256(photo)]);
    expect(await store.read(sha256(photo))).toEqual(photo);
  });

  it('stores the same bytes twice once, and leaves no temp files', async () => {
    const store = createFileStore(dir);
    await store.put(photo);
    await store.put(Uint8Array.from(photo));
    await store.put(new Uint8Array(0));
    expect((await readdir(dir)).sort()).toEqual([sha256(photo), sha256(new Uint8Array(0))].sort());
  });

  it('never hands out a file changed on disk, and a later put of the right bytes repairs it', async () => {
    const store = createFileStore(dir);
    await store.put(photo);
    const path = join(dir, sha256(photo));
    const changed = Uint8Array.from(photo);
    changed[0] = (changed[0] ?? 0) ^ 1;
    await writeFile(path, changed);
    expect(await store.read(sha256(photo))).toBeUndefined();
    expect((await store.put(photo)).ok).toBe(true);
    expect(new Uint8Array(await readFile(path))).toEqual(photo);
    expect(await store.read(sha256(photo))).toEqual(photo);
  });

  it('answers undefined for a hash it does not hold, and for a name that is not a hash', async () => {
    const store = createFileStore(dir);
    expect(await store.read('a'.repeat(64))).toBeUndefined();
    await writeFile(join(dir, 'notes.txt'), 'x');
    for (const name of ['notes.txt', '../file-store', 'A'.repeat(64), ''])
      expect(await store.read(name)).toBeUndefined();
  });

  it('reports a folder it cannot write as E_STORAGE_WRITE', async () => {
    await writeFile(join(dir, 'blocked'), 'a file where the folder should be');
    const stored = await createFileStore(join(dir, 'blocked')).put(photo);
    expect(stored).toMatchObject({ ok: false, error: { code: 'E_STORAGE_WRITE' } });
  });
});

describe('base64DecodedSize', () => {
  it('is the decoded length of padded base64, from the text length alone', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 1001, 1002]) {
      const text = Buffer.alloc(length, 7).toString('base64');
      expect(base64DecodedSize(text)).toBe(length);
    }
  });

  it('is undefined for a length base64 cannot have', () => {
    expect(base64DecodedSize('AAA')).toBeUndefined();
    expect(base64DecodedSize('AAAAA')).toBeUndefined();
  });
});
