import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsFile, defaultSettings, type SettingsFile } from '../../../src-main/services/settings-file';
import type { Result } from '../../../src-shared/contract/result';

let dir: string;
let path: string;
const clock = Date.UTC(2025, 2, 14, 9, 30, 0, 123);
const stamp = '20250314T093000123Z';

const settingsFile = (): SettingsFile => createSettingsFile({ path, now: () => clock });
const code = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);
const stored = async (): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-settings-'));
  path = join(dir, 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('without a settings file', () => {
  it('reads the defaults (15 idle minutes) and creates nothing', async () => {
    expect(defaultSettings).toEqual({ format: 'scorebook.settings/1', idleMinutes: 15 });
    expect(await settingsFile().read()).toEqual(defaultSettings);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes version 1 on the first change, and reads it back', async () => {
    expect(await settingsFile().update({ idleMinutes: 30 })).toEqual({
      ok: true,
      value: { format: 'scorebook.settings/1', idleMinutes: 30 },
    });
    expect(await stored()).toEqual({ format: 'scorebook.settings/1', idleMinutes: 30 });
    expect(await settingsFile().read()).toEqual({ format: 'scorebook.settings/1', idleMinutes: 30 });
  });

  it('refuses a value outside the schema with E_BAD_REQUEST and writes nothing', async () => {
    expect(code(await settingsFile().update({ idleMinutes: 0 }))).toBe('E_BAD_REQUEST');
    expect(code(await settingsFile().update({ idleMinutes: 241 }))).toBe('E_BAD_REQUEST');
    expect(await readdir(dir)).toEqual([]);
  });

  it('applies concurrent changes one after the other', async () => {
    const file = settingsFile();
    const results = await Promise.all([file.update({ idleMinutes: 5 }), file.update({ idleMinutes: 6 })]);
    expect(results.map(code)).toEqual(['ok', 'ok']);
    expect(await file.read()).toMatchObject({ idleMinutes: 6 });
  });
});

describe('a corrupt settings file', () => {
  it.each([
    ['not JSON', '{"format":"scorebook.settings/1",'],
    ['another format', '{"format":"scorebook.settings/2","idleMinutes":15}'],
    ['idle minutes out of range', '{"format":"scorebook.settings/1","idleMinutes":0}'],
    ['idle minutes as text', '{"format":"scorebook.settings/1","idleMinutes":"15"}'],
    ['an unknown field', '{"format":"scorebook.settings/1","idleMinutes":15,"lock":false}'],
    ['not UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])],
    ['far too large', `{"format":"scorebook.settings/1","idleMinutes":15,"pad":"${'x'.repeat(70_000)}"}`],
  ])('holding %s reads as the defaults and is left untouched', async (_, content) => {
    await writeFile(path, content);
    const before = await readFile(path);
    expect(await settingsFile().read()).toEqual(defaultSettings);
    expect(await readFile(path)).toEqual(before);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('is replaced on the first change, after a copy settings.json.corrupt-<time> is kept', async () => {
    const damaged = '{"format":"scorebook.settings/1", "idleMinutes": oops';
    await writeFile(path, damaged);
    expect(code(await settingsFile().update({ idleMinutes: 20 }))).toBe('ok');
    expect(await stored()).toEqual({ format: 'scorebook.settings/1', idleMinutes: 20 });
    expect(await readFile(join(dir, `settings.json.corrupt-${stamp}`), 'utf8')).toBe(damaged);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', `settings.json.corrupt-${stamp}`]);
  });

  it('never replaces an earlier copy of the same time', async () => {
    await writeFile(join(dir, `settings.json.corrupt-${stamp}`), 'earlier copy');
    await writeFile(path, 'second damage');
    expect(code(await settingsFile().update({ idleMinutes: 20 }))).toBe('ok');
    expect(await readFile(join(dir, `settings.json.corrupt-${stamp}`), 'utf8')).toBe('earlier copy');
    expect(await readFile(join(dir, `settings.json.corrupt-${stamp}-1`), 'utf8')).toBe('second damage');
  });

  it('is copied once when two changes race', async () => {
    await writeFile(path, 'damage');
    const file = settingsFile();
    await Promise.all([file.update({ idleMinutes: 5 }), file.update({ idleMinutes: 6 })]);
    expect((await readdir(dir)).sort()).toEqual(['settings.json', `settings.json.corrupt-${stamp}`]);
  });

  it('stays in place, and the change fails, when no copy can be made', async () => {
    await mkdir(path);
    expect(await settingsFile().read()).toEqual(defaultSettings);
    expect(code(await settingsFile().update({ idleMinutes: 20 }))).toBe('E_STORAGE_WRITE');
    expect(await readdir(path)).toEqual([]);
  });
});
