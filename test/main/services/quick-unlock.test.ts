import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createQuickUnlock,
  quickUnlockFileName,
  type QuickUnlock,
  type SafeStorageLike,
} from '../../../src-main/services/quick-unlock';
import type { Result } from '../../../src-shared/contract/result';
import { resetElectronDouble, safeStorage } from '../../doubles/electron';

const passphrase = 'correct horse battery 口令';
let dir: string;

function quickUnlock(platform: NodeJS.Platform = 'linux'): QuickUnlock {
  return createQuickUnlock({ safeStorage, platform, userDataDir: dir });
}

const code = (result: Result<unknown>): string => (result.ok ? 'ok' : result.error.code);

beforeEach(async () => {
  resetElectronDouble();
  dir = await mkdtemp(join(tmpdir(), 'scorebook-quick-unlock-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('accepts Electron’s own safeStorage (checked by the type checker)', () => {
  expectTypeOf<SafeStorage>().toExtend<SafeStorageLike>();
});

describe('availability', () => {
  it.each(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const)(
    'is available on Linux with the %s keyring',
    async (backend) => {
      safeStorage.backend = backend;
      expect(await quickUnlock('linux').availability()).toEqual({ available: true });
    },
  );

  it.each(['basic_text', 'unknown'] as const)('is refused on Linux with the %s backend', async (backend) => {
    safeStorage.backend = backend;
    expect(await quickUnlock('linux').availability()).toEqual({ available: false, reason: 'insecure-backend' });
    expect(code(await quickUnlock('linux').store(passphrase))).toBe('E_QUICK_UNLOCK');
    expect(await quickUnlock('linux').isStored()).toBe(false);
  });

  it.each(['darwin', 'win32'] as const)('does not ask %s for a Linux backend', async (platform) => {
    safeStorage.backend = 'basic_text';
    expect(await quickUnlock(platform).availability()).toEqual({ available: true });
  });

  it.each(['linux', 'darwin', 'win32'] as const)('is unavailable on %s without encryption', async (platform) => {
    safeStorage.encryptionAvailable = false;
    expect(await quickUnlock(platform).availability()).toEqual({
      available: false,
      reason: 'encryption-unavailable',
    });
    expect(code(await quickUnlock(platform).store(passphrase))).toBe('E_QUICK_UNLOCK');
  });
});

describe('store and retrieve', () => {
  it('gives back the stored passphrase; the file holds only ciphertext', async () => {
    const unlock = quickUnlock();
    expect(await unlock.isStored()).toBe(false);
    expect(await unlock.retrieve()).toEqual({ ok: true, value: undefined });
    expect(code(await unlock.store(passphrase))).toBe('ok');
    expect(await unlock.isStored()).toBe(true);
    expect(await quickUnlock().retrieve()).toEqual({ ok: true, value: passphrase });
    const bytes = await readFile(join(dir, quickUnlockFileName));
    expect(bytes.toString('utf8')).not.toContain('correct horse');
    expect(bytes.subarray(0, 25).toString('utf8')).toBe('scorebook.quick-unlock/1\n');
  });

  it('replaces an earlier copy', async () => {
    const unlock = quickUnlock();
    await unlock.store(passphrase);
    await unlock.store('another passphrase');
    expect(await unlock.retrieve()).toEqual({ ok: true, value: 'another passphrase' });
  });

  it('re-encrypts the copy when the OS key was rotated', async () => {
    const unlock = quickUnlock();
    await unlock.store(passphrase);
    const before = await readFile(join(dir, quickUnlockFileName));
    safeStorage.rotateKey();
    expect(await unlock.retrieve()).toEqual({ ok: true, value: passphrase });
    const after = await readFile(join(dir, quickUnlockFileName));
    expect(after.equals(before)).toBe(false);
    expect(after.toString('latin1')).toContain('fake-os-crypt:2:');
  });

  it('refuses to decrypt once the backend is no longer safe, and keeps the file', async () => {
    await quickUnlock().store(passphrase);
    safeStorage.backend = 'basic_text';
    expect(code(await quickUnlock().retrieve())).toBe('E_QUICK_UNLOCK');
    expect(await quickUnlock().isStored()).toBe(true);
  });

  it('answers an error value, without the passphrase, when the keyring cannot decrypt', async () => {
    await quickUnlock().store(passphrase);
    safeStorage.failDecrypt = true;
    const result = await quickUnlock().retrieve();
    expect(code(result)).toBe('E_QUICK_UNLOCK');
    expect(JSON.stringify(result)).not.toContain('correct horse');
  });

  it('refuses a file that is not in its format', async () => {
    await writeFile(join(dir, quickUnlockFileName), 'fake-os-crypt:1:abc');
    expect(code(await quickUnlock().retrieve())).toBe('E_QUICK_UNLOCK');
  });

  it('answers an error value when the system cannot encrypt', async () => {
    safeStorage.failEncrypt = true;
    const result = await quickUnlock().store(passphrase);
    expect(code(result)).toBe('E_QUICK_UNLOCK');
    expect(JSON.stringify(result)).not.toContain('correct horse');
    expect(await quickUnlock().isStored()).toBe(false);
  });
});

describe('forget', () => {
  it('deletes the copy, and succeeds when there is none', async () => {
    const unlock = quickUnlock();
    await unlock.store(passphrase);
    expect(code(await unlock.forget())).toBe('ok');
    expect(await unlock.isStored()).toBe(false);
    expect(await unlock.retrieve()).toEqual({ ok: true, value: undefined });
    expect(code(await unlock.forget())).toBe('ok');
  });
});
