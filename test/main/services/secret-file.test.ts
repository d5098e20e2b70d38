import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecretFile } from '../../../src-main/services/secret-file';

// rename is wrapped (still the real one) so a test can make exactly one rename fail.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-secret-file-'));
});

afterEach(async () => {
  vi.mocked(fsPromises.rename).mockClear();
  await rm(dir, { recursive: true, force: true });
});

describe('read', () => {
  it('gives undefined when there is no file', async () => {
    expect(await createSecretFile(join(dir, 'absent.json')).read()).toEqual({ ok: true, value: undefined });
  });

  it('gives the bytes of an existing file', async () => {
    await writeFile(join(dir, 'k.json'), 'hello');
    const read = await createSecretFile(join(dir, 'k.json')).read();
    expect(read.ok && Buffer.from(read.value ?? []).toString()).toBe('hello');
  });

  it('refuses a file larger than the cap without returning it', async () => {
    await writeFile(join(dir, 'big'), Buffer.alloc(65));
    const read = await createSecretFile(join(dir, 'big'), { maxBytes: 64 }).read();
    expect(read.ok ? 'ok' : read.error.code).toBe('E_TOO_LARGE');
  });

  it('reports a path it cannot read as an error value, not a throw', async () => {
    await mkdir(join(dir, 'a-folder'));
    const read = await createSecretFile(join(dir, 'a-folder')).read();
    expect(read.ok ? 'ok' : read.error.code).toBe('E_INTERNAL');
  });
});

describe('write', () => {
  it('creates the file (and its folder) and replaces it on the next write', async () => {
    const path = join(dir, 'nested', 'keys.json');
    const file = createSecretFile(path);
    expect(await file.write(new TextEncoder().encode('one'))).toEqual({ ok: true, value: undefined });
    expect(await readFile(path, 'utf8')).toBe('one');
    expect(await file.write(new TextEncoder().encode('two, longer'))).toEqual({ ok: true, value: undefined });
    expect(await readFile(path, 'utf8')).toBe('two, longer');
  });

  it('leaves no temporary file behind', async () => {
    const file = createSecretFile(join(dir, 'keys.json'));
    await file.write(new Uint8Array([1, 2, 3]));
    await file.write(new Uint8Array([4, 5]));
    expect(await readdir(dir)).toEqual(['keys.json']);
  });

  it('goes through a temporary file beside the target and renames it into place', async () => {
    const path = join(dir, 'keys.json');
    await createSecretFile(path).write(new Uint8Array([1]));
    const [from, to] = vi.mocked(fsPromises.rename).mock.calls[0] ?? [];
    expect(String(from)).toMatch(/keys\.json\.tmp-[0-9a-f]{16}$/);
    expect(to).toBe(path);
  });

  it('keeps the old content, whole, when the rename fails, and cleans up the temporary file', async () => {
    const path = join(dir, 'keys.json');
    const file = createSecretFile(path);
    await file.write(new TextEncoder().encode('the old key file'));
    vi.mocked(fsPromises.rename).mockRejectedValueOnce(Object.assign(new Error('disk gone'), { code: 'EIO' }));
    const result = await file.write(new TextEncoder().encode('new'));
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'E_STORAGE_WRITE', params: { detail: /EIO/ } });
    expect(await readFile(path, 'utf8')).toBe('the old key file');
    expect(await readdir(dir)).toEqual(['keys.json']);
  });

  it('reports a folder it cannot write as E_STORAGE_WRITE', async () => {
    await writeFile(join(dir, 'not-a-folder'), 'x');
    const result = await createSecretFile(join(dir, 'not-a-folder', 'keys.json')).write(new Uint8Array([1]));
    expect(result.ok ? 'ok' : result.error.code).toBe('E_STORAGE_WRITE');
  });

  it.skipIf(process.platform === 'win32')('gives the file mode 0o600 (owner only), also when replacing', async () => {
    const path = join(dir, 'keys.json');
    const file = createSecretFile(path);
    await file.write(new Uint8Array([1]));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await file.write(new Uint8Array([2]));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('reads back exactly what it wrote, for any bytes', async () => {
    const file = createSecretFile(join(dir, 'any.bin'));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expect((await file.write(bytes)).ok).toBe(true);
        const read = await file.read();
        expect(read.ok && read.value).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });
});
