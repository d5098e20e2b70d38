import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { createSecretFile } from '../services/secret-file';

/**
 * Optional quick unlock (package-format.md, "Keys": "optionally also by the OS keychain — refuse Linux's
 * `basic_text` fallback"): a copy of the passphrase encrypted by Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, the Secret Service or KWallet on Linux) in `<userData>/quick-unlock.bin`, so the expert can unlock without
 * typing it. The key file stays wrapped by the passphrase alone; this only remembers the passphrase, and only where
 * the OS really protects it. The identity handlers offer it over the contract (identity:quick-unlock*).
 *
 * Electron 45 deprecates the synchronous safeStorage calls (isEncryptionAvailable, encryptString, decryptString) and
 * Electron 46 removes them, so this uses their asynchronous forms, which also report key rotation.
 */

/** The part of Electron's safeStorage this adapter uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ readonly shouldReEncrypt: boolean; readonly result: string }>;
  /** Linux only: the password store Chromium chose. */
  getSelectedStorageBackend(): string;
}

export type QuickUnlockAvailability =
  | { readonly available: true }
  | {
      readonly available: false;
      /** `insecure-backend`: Linux without a keyring, where safeStorage encrypts with a hard-coded password. */
      readonly reason: 'encryption-unavailable' | 'insecure-backend';
    };

export interface QuickUnlock {
  availability(): Promise<QuickUnlockAvailability>;
  /** Whether an encrypted copy is stored (nothing is decrypted to answer). */
  isStored(): Promise<boolean>;
  /** Encrypts `passphrase` with safeStorage and replaces the stored copy atomically. */
  store(passphrase: string): Promise<Result<void>>;
  /** The stored passphrase, or undefined when none is stored. Never logged, never put into an error. */
  retrieve(): Promise<Result<string | undefined>>;
  /** Deletes the stored copy (after a change of passphrase, or when the expert turns quick unlock off). */
  forget(): Promise<Result<void>>;
}

export interface QuickUnlockDeps {
  readonly safeStorage: SafeStorageLike;
  readonly platform: NodeJS.Platform;
  /** Electron's `userData` folder. */
  readonly userDataDir: string;
}

export const quickUnlockFileName = 'quick-unlock.bin';

/**
 * `basic_text` encrypts with a password compiled into Chromium, which protects nothing; `unknown` means the app is not
 * ready and no store is chosen yet. Both are refused; any other (named) keyring is accepted.
 */
const refusedLinuxBackends: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/** The file starts with this line, so the format can change later; the OS ciphertext follows it. */
const header = new TextEncoder().encode('scorebook.quick-unlock/1\n');

/** safeStorage output for a 1000-character passphrase (the contract's maximum) is a few KB. */
const maxFileBytes = 64 * 1024;

export function createQuickUnlock(deps: QuickUnlockDeps): QuickUnlock {
  const path = join(deps.userDataDir, quickUnlockFileName);
  const file = createSecretFile(path, { maxBytes: maxFileBytes });

  const availability = async (): Promise<QuickUnlockAvailability> => {
    let encryption = false;
    try {
      encryption = await deps.safeStorage.isAsyncEncryptionAvailable();
    } catch {
      encryption = false;
    }
    if (!encryption) return { available: false, reason: 'encryption-unavailable' };
    if (deps.platform === 'linux' && refusedLinuxBackends.has(deps.safeStorage.getSelectedStorageBackend())) {
      return { available: false, reason: 'insecure-backend' };
    }
    return { available: true };
  };

  const unavailable = <T>(reason: string): Result<T> =>
    fail('E_QUICK_UNLOCK', `quick unlock is not available here (${reason})`, { reason });

  const write = async (passphrase: string): Promise<Result<void>> => {
    let ciphertext: Uint8Array;
    try {
      ciphertext = await deps.safeStorage.encryptStringAsync(passphrase);
    } catch {
      // The OS error is not passed on: it is no use to the expert, and nothing about the input may reach a log.
      return fail('E_QUICK_UNLOCK', 'quick unlock: the system could not encrypt', { reason: 'encrypt' });
    }
    const bytes = new Uint8Array(header.length + ciphertext.length);
    bytes.set(header);
    bytes.set(ciphertext, header.length);
    return file.write(bytes);
  };

  return {
    availability,

    async isStored() {
      const read = await file.read();
      return read.ok && read.value !== undefined;
    },

    async store(passphrase) {
      const state = await availability();
      if (!state.available) return unavailable(state.reason);
      return write(passphrase);
    },

    async retrieve() {
      const read = await file.read();
      if (!read.ok) return read;
      if (read.value === undefined) return ok(undefined);
      const state = await availability();
      if (!state.available) return unavailable(state.reason);
      const bytes = read.value;
      if (bytes.length <= header.length || header.some((byte, i) => bytes[i] !== byte)) {
        return fail('E_QUICK_UNLOCK', `${quickUnlockFileName} is not in a known format`, { reason: 'format' });
      }
      let decrypted: { readonly shouldReEncrypt: boolean; readonly result: string };
      try {
        decrypted = await deps.safeStorage.decryptStringAsync(Buffer.from(bytes.subarray(header.length)));
      } catch {
        // A locked or changed keyring, or a damaged file: the expert types the passphrase instead.
        return fail('E_QUICK_UNLOCK', 'quick unlock: the system could not decrypt', { reason: 'decrypt' });
      }
      // The OS rotated its key: store the copy again under the new one. Failing to is no reason to refuse the unlock.
      if (decrypted.shouldReEncrypt) await write(decrypted.result);
      return ok(decrypted.result);
    },

    async forget() {
      try {
        await unlink(path);
        return ok(undefined);
      } catch (error) {
        const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
        if (code === 'ENOENT') return ok(undefined);
        const detail = `cannot delete ${quickUnlockFileName}: ${code ?? String(error)}`;
        return fail('E_STORAGE_WRITE', detail, { detail });
      }
    },
  };
}
