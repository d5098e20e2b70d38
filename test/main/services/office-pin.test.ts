import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createOfficePinStore,
  decidePin,
  emptyOfficePin,
  officePinFileSchema,
  type PinnedKey,
} from '../../../src-main/services/office-pin';
import { ok } from '../../../src-shared/contract/result';
import { createSecretFile } from '../../../src-main/services/secret-file';

const key = (n: number, pinnedAt = '2026-05-01T08:00:00.000Z'): PinnedKey => ({
  fingerprint: String(n).repeat(64).slice(0, 64),
  signingPublicKey: 'A'.repeat(43) + '=',
  officeName: `office ${n}`,
  pinnedAt,
});

describe('decidePin', () => {
  it('pins a first key, accepts the same, refuses another on import and replaces it on re-pin', () => {
    const first = decidePin(emptyOfficePin, key(1), false);
    expect(first).toEqual({ outcome: 'new', next: { ...emptyOfficePin, current: key(1) } });
    if (first.outcome !== 'new') throw new Error('unreachable');
    expect(decidePin(first.next, key(1, 'later'), false)).toEqual({ outcome: 'same' });
    expect(decidePin(first.next, key(1, 'later'), true)).toEqual({ outcome: 'same' });
    expect(decidePin(first.next, key(2), false)).toEqual({ outcome: 'changed', pinned: key(1).fingerprint });
    const replaced = decidePin(first.next, key(2, '2026-06-01T00:00:00.000Z'), true);
    expect(replaced).toEqual({
      outcome: 'new',
      next: {
        ...emptyOfficePin,
        current: key(2, '2026-06-01T00:00:00.000Z'),
        history: [{ ...key(1), replacedAt: '2026-06-01T00:00:00.000Z' }],
      },
    });
  });
});

describe('the office pin store', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scorebook-pin-'));
    path = join(dir, 'office-pin.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the empty state without a file and writes version 1 that reads back', async () => {
    const store = createOfficePinStore(createSecretFile(path), path);
    expect(await store.read()).toEqual(ok(emptyOfficePin));
    const next = { ...emptyOfficePin, current: key(1) };
    expect(await store.update(async () => ok({ next, value: 'done' }))).toEqual(ok('done'));
    expect(officePinFileSchema.parse(JSON.parse(await readFile(path, 'utf8')))).toEqual(next);
    expect(await createOfficePinStore(createSecretFile(path), path).read()).toEqual(ok(next));
  });

  it('runs updates one at a time: two first imports of different keys cannot both pin', async () => {
    const store = createOfficePinStore(createSecretFile(path), path);
    const attempt = (n: number) =>
      store.update(async (state) => {
        const decision = decidePin(state, key(n), false);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return ok(decision.outcome === 'new' ? { next: decision.next, value: 'new' } : { value: decision.outcome });
      });
    expect(await Promise.all([attempt(1), attempt(2)])).toEqual([ok('new'), ok('changed')]);
  });

  it.each([
    ['not JSON', '{"format":'],
    ['an unknown version', JSON.stringify({ ...emptyOfficePin, version: 2 })],
    ['an extra member', JSON.stringify({ ...emptyOfficePin, trusted: true })],
    ['a bad fingerprint', JSON.stringify({ ...emptyOfficePin, current: { ...key(1), fingerprint: 'ZZ' } })],
  ])('reports %s as E_KEY_FILE_CORRUPT naming the file, and never overwrites it', async (_, text) => {
    await writeFile(path, text);
    const store = createOfficePinStore(createSecretFile(path), path);
    expect(await store.read()).toMatchObject({
      ok: false,
      error: { code: 'E_KEY_FILE_CORRUPT', params: { file: path } },
    });
    let called = false;
    const result = await store.update(async () => {
      called = true;
      return ok({ next: emptyOfficePin, value: 1 });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_KEY_FILE_CORRUPT' } });
    expect(called).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
