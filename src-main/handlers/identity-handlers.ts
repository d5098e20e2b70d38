import type { IdentityStatus } from '../../src-shared/contract/channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { encodeBase64 } from '../../src-shared/packages/base64';
import type { ArchiveFolder } from '../services/archive-folder';
import { buildEnrollmentPackage } from '../services/enrollment-package';
import type { KeyStatus, KeyStore } from '../services/key-store';
import type { QuickUnlock } from '../services/quick-unlock';
import type { SettingsFile } from '../services/settings-file';
import type { Handlers } from './handler-types';
import { unlockedKey } from './unlocked-key';

/**
 * The expert's identity over the contract: status, create, unlock, lock, change of passphrase, the idle setting and
 * the enrollment export. The key store's error codes pass through unchanged (E_PROFILE_EXISTS, E_PASSPHRASE_WEAK,
 * E_PASSPHRASE_WRONG, E_THROTTLED, E_KEY_FILE_CORRUPT, E_NO_PROFILE); every success answers with the new status,
 * so the renderer never has to ask twice. Passphrases go to the key store and nowhere else: not into a result,
 * an error message or a log.
 *
 * Idle lock: the renderer sees the input events, so it decides when the idle time has passed and calls
 * `identity:lock`. Main runs no timer of its own; it only stores the setting (`idleMinutes`) the renderer reads
 * from the status.
 */

type IdentityChannel =
  | 'identity:status'
  | 'identity:create'
  | 'identity:create-office'
  | 'identity:unlock'
  | 'identity:lock'
  | 'identity:change-passphrase'
  | 'settings:set-idle-minutes'
  | 'enrollment:export';

export interface IdentityDeps {
  /** The key store over `<dataDir>/keys.json` (created by createHandlers, shared by every identity handler). */
  readonly keys: KeyStore;
  /** Where the key file is, named in E_KEY_FILE_CORRUPT so support staff know which file to restore. */
  readonly keyFilePath: string;
  readonly settings: SettingsFile;
  /** The OS keychain's copy of the passphrase (desktop app only): replaced when the passphrase changes. */
  readonly quickUnlock?: QuickUnlock | undefined;
  /** `<dataDir>/outbox/`: a copy of every exported package is kept there. */
  readonly outbox: ArchiveFolder;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

export function createIdentityHandlers(deps: IdentityDeps): Pick<Handlers, IdentityChannel> {
  const status = async (): Promise<IdentityStatus> =>
    toIdentityStatus(await deps.keys.status(), (await deps.settings.read()).idleMinutes);

  /** A key store success becomes the full status (with the idle setting); a failure passes through. */
  const withStatus = async (result: Result<unknown>): Promise<Result<IdentityStatus>> =>
    result.ok ? ok(await status()) : result;

  return {
    async 'identity:status'() {
      return ok(await status());
    },

    async 'identity:create'({ profile, passphrase }) {
      return withStatus(await deps.keys.create('expert', profile, passphrase));
    },

    async 'identity:create-office'({ name, passphrase }) {
      return withStatus(await deps.keys.create('office', { name }, passphrase));
    },

    async 'identity:unlock'({ passphrase }) {
      return withStatus(await deps.keys.unlock(passphrase));
    },

    async 'identity:lock'() {
      deps.keys.lock();
      return ok(await status());
    },

    async 'identity:change-passphrase'({ oldPassphrase, newPassphrase }) {
      const changed = await deps.keys.changePassphrase(oldPassphrase, newPassphrase);
      if (changed.ok && deps.quickUnlock !== undefined && (await deps.quickUnlock.isStored())) {
        // The stored copy is the old passphrase now; keep quick unlock working with the new one, or drop it.
        const stored = await deps.quickUnlock.store(newPassphrase);
        if (!stored.ok) await deps.quickUnlock.forget();
      }
      return withStatus(changed);
    },

    async 'settings:set-idle-minutes'({ idleMinutes }) {
      return withStatus(await deps.settings.update({ idleMinutes }));
    },

    async 'enrollment:export'() {
      const unlocked = await unlockedKey(deps.keys, deps.keyFilePath);
      if (!unlocked.ok) return unlocked;
      const key = unlocked.value;
      const expert = expertKeys(key);
      if (expert === undefined) return fail('E_NO_PROFILE', 'the key file holds no expert profile');
      const built = await buildEnrollmentPackage({
        ...expert,
        appVersion: deps.appVersion,
        nowMs: deps.now(),
        random: deps.random,
        sign: (message) => deps.keys.sign(message),
      });
      if (!built.ok) return built;
      const { fileName, file, payload } = built.value;
      // Nothing leaves without its archived copy. The packageId (UUIDv7: time-ordered, unique) keeps every export
      // of the same key apart in the append-only outbox, which never overwrites.
      const archived = await deps.outbox.writeOnce(`${payload.packageId}-${fileName}`, file);
      if (!archived.ok) return archived;
      return ok({ fileName, base64: encodeBase64(file), fingerprint: expert.fingerprint });
    },
  };
}

/** KeyStatus → the contract's status: no private material, the profile only when it is an expert's. */
export function toIdentityStatus(key: KeyStatus, idleMinutes: number): IdentityStatus {
  const profile = key.profile;
  return {
    state: key.state,
    role: key.role ?? null,
    profile: key.role === 'expert' && profile !== undefined && 'workUnit' in profile ? profile : null,
    officeName: key.role === 'office' && profile !== undefined ? profile.name : null,
    fingerprint: key.fingerprint ?? null,
    idleMinutes,
  };
}

/** The public parts of an unlocked expert identity, or undefined when the file is an office's or incomplete. */
function expertKeys(key: KeyStatus) {
  const { role, profile, fingerprint, signingPublicKey, receivingPublicKey } = key;
  if (role !== 'expert' || profile === undefined || !('workUnit' in profile)) return undefined;
  if (fingerprint === undefined || signingPublicKey === undefined || receivingPublicKey === undefined) return undefined;
  return { profile, fingerprint, signingPublicKey, receivingPublicKey };
}
