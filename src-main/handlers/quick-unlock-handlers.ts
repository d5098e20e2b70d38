import type { QuickUnlockStatus } from '../../src-shared/contract/platform-schemas';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { KeyStore } from '../services/key-store';
import type { QuickUnlock } from '../services/quick-unlock';
import type { SettingsFile } from '../services/settings-file';
import type { Handlers } from './handler-types';
import { toIdentityStatus } from './identity-handlers';

type QuickUnlockChannel =
  | 'identity:quick-unlock-status'
  | 'identity:quick-unlock-enable'
  | 'identity:quick-unlock-disable'
  | 'identity:quick-unlock';

export interface QuickUnlockDeps {
  readonly keys: KeyStore;
  readonly settings: SettingsFile;
  /** Absent in the web host: there is no OS keychain to ask. */
  readonly quickUnlock: QuickUnlock | undefined;
}

/**
 * Quick unlock (docs/package-format.md §7.2): the OS keychain keeps a copy of the passphrase, never the keys. Enabling
 * it first proves the passphrase opens the key file (the key store's own unlock, with its throttle), so a wrong one is
 * never remembered. A copy the keychain cannot decrypt any more is reported (E_QUICK_UNLOCK) and the expert types the
 * passphrase; a copy that no longer opens the key file is deleted, so it is not tried again.
 */
export function createQuickUnlockHandlers(deps: QuickUnlockDeps): Pick<Handlers, QuickUnlockChannel> {
  const status = async (): Promise<QuickUnlockStatus> => {
    const store = deps.quickUnlock;
    if (store === undefined) return { available: false, reason: 'web', stored: false };
    const availability = await store.availability();
    const stored = await store.isStored();
    return availability.available
      ? { available: true, reason: null, stored }
      : { available: false, reason: availability.reason, stored };
  };
  const withStatus = async (result: Result<unknown>): Promise<Result<QuickUnlockStatus>> =>
    result.ok ? ok(await status()) : result;
  const notHere = (): Result<never> => fail('E_NOT_AVAILABLE', 'no OS keychain', { feature: 'keychain' });

  return {
    async 'identity:quick-unlock-status'() {
      return ok(await status());
    },

    async 'identity:quick-unlock-enable'({ passphrase }) {
      if (deps.quickUnlock === undefined) return notHere();
      const unlocked = await deps.keys.unlock(passphrase);
      if (!unlocked.ok) return unlocked;
      return withStatus(await deps.quickUnlock.store(passphrase));
    },

    async 'identity:quick-unlock-disable'() {
      if (deps.quickUnlock === undefined) return notHere();
      return withStatus(await deps.quickUnlock.forget());
    },

    async 'identity:quick-unlock'() {
      if (deps.quickUnlock === undefined) return notHere();
      const copy = await deps.quickUnlock.retrieve();
      if (!copy.ok) return copy;
      if (copy.value === undefined) return fail('E_QUICK_UNLOCK', 'no stored copy', { reason: 'not-stored' });
      const unlocked = await deps.keys.unlock(copy.value);
      if (!unlocked.ok) {
        // The passphrase changed elsewhere (or the file was restored): this copy will never work again.
        if (unlocked.error.code === 'E_PASSPHRASE_WRONG') await deps.quickUnlock.forget();
        return unlocked;
      }
      return ok(toIdentityStatus(unlocked.value, (await deps.settings.read()).idleMinutes));
    },
  };
}
