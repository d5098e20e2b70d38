import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResourceFiles, type ResourceFiles } from '../../../src-main/services/resource-files';

/**
 * Layout: <base>/resources holds the resources; <base>/secret.txt and <base>/resources-evil/x.json
 * lie outside it, so a path that escapes the folder would really find a file.
 */
let base: string;
let files: ResourceFiles;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scorebook-resource-files-'));
  await mkdir(join(base, 'resources', 'criteria'), { recursive: true });
  await mkdir(join(base, 'resources-evil'));
  await writeFile(join(base, 'secret.txt'), 'private key');
  await writeFile(join(base, 'resources-evil', 'x.json'), '{"evil":true}');
  await writeFile(join(base, 'resources', 'criteria', 'b.json'), '{"name":"卓越绩效"}');
  await writeFile(join(base, 'resources', 'criteria', 'a.json'), '{}');
  await writeFile(join(base, 'resources', 'criteria', 'notes.txt'), 'not json');
  await writeFile(join(base, 'resources', 'big.json'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
  files = createResourceFiles(join(base, 'resources'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('readText', () => {
  it('reads a file inside the folder as UTF-8', async () => {
    expect(await files.readText('criteria/b.json')).toEqual({ ok: true, value: '{"name":"卓越绩效"}' });
  });

  it.each([
    '../secret.txt',
    '../x',
    'criteria/../../secret.txt',
    '../resources-evil/x.json',
    '/etc/passwd',
    '',
    '.',
    'criteria/..',
  ])('refuses %j, which is not a file inside the folder, with E_RESOURCE_READ', async (path) => {
    const result = await files.readText(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_RESOURCE_READ', params: { file: path } } });
  });

  it('answers E_RESOURCE_READ naming the file when it does not exist', async () => {
    const result = await files.readText('criteria/missing.json');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_RESOURCE_READ', params: { file: 'criteria/missing.json' } },
    });
  });

  it('answers E_RESOURCE_READ when the path is a folder', async () => {
    expect(await files.readText('criteria')).toMatchObject({ ok: false, error: { code: 'E_RESOURCE_READ' } });
  });

  it('refuses a file over 5 MB with E_RESOURCE_READ', async () => {
    const result = await files.readText('big.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'E_RESOURCE_READ', params: { file: 'big.json' } } });
  });
});

describe('list', () => {
  it('lists the files of a folder with the extension, sorted by name', async () => {
    expect(await files.list('criteria', '.json')).toEqual({ ok: true, value: ['a.json', 'b.json'] });
    expect(await files.list('criteria', '.txt')).toEqual({ ok: true, value: ['notes.txt'] });
  });

  it.each(['..', '../resources-evil', '/etc', '.', ''])(
    'refuses to list %j, which is not a folder inside the resources, with E_RESOURCE_READ',
    async (folder) => {
      expect(await files.list(folder, '.json')).toMatchObject({ ok: false, error: { code: 'E_RESOURCE_READ' } });
    },
  );

  it('answers E_RESOURCE_READ naming the folder when it does not exist', async () => {
    expect(await files.list('fonts', '.ttf')).toMatchObject({
      ok: false,
      error: { code: 'E_RESOURCE_READ', params: { file: 'fonts' } },
    });
  });
});
