import { KeyObject, sign as nodeSign } from 'node:crypto';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { expertProfileSchema } from '../../src-shared/packages/payload-schemas';
import {
  decodeBase64,
  generateKeyFile,
  kdfDefaults,
  officeProfileSchema,
  parseKeyFile,
  secretsMatch,
  serializeKeyFile,
  unwrapKeyFile,
  wrapKeyFile,
  type KdfParams,
  type KeyFile,
  type KeySecrets,
  type ProfileFor,
  type Role,
} from './key-file';
import type { SecretFile } from './secret-file';

/**
 * The expert's (or office's) identity in main: the key file on disk and, while unlocked, the private keys in
 * memory. The renderer never sees a private key (docs/architecture.md); it gets status, signatures and, through
 * later services, HPKE results. All state lives in the object createKeyStore returns.
 */

export const minPassphraseLength = 10;

/**
 * Delay in seconds before the next attempt after the n-th consecutive failure: two free retries for typos,
 * then doubling, capped at 30 s. In memory only (a restart resets it); scrypt's own cost (~0.6 s per try)
 * is the floor, this keeps a shoulder-surfer or a script from guessing quickly through the UI.
 */
export function unlockDelaySeconds(failures: number): number {
  if (failures <= 2) return 0;
  return Math.min(2 ** (failures - 2), 30);
}

export interface KeyStatus {
  readonly state: 'none' | 'locked' | 'unlocked' | 'corrupt';
  readonly role?: Role;
  readonly profile?: ProfileFor<Role>;
  readonly fingerprint?: string;
  readonly signingPublicKey?: Uint8Array<ArrayBuffer>;
  readonly receivingPublicKey?: Uint8Array<ArrayBuffer>;
}

export interface KeyStoreDeps {
  readonly file: SecretFile;
  /** Named in E_KEY_FILE_CORRUPT so support staff know which file to restore. */
  readonly fileName: string;
  readonly now: () => number;
  /**
   * Not used by the store today: throttling answers at once with the seconds to wait (the UI counts down)
   * instead of holding the call open. Kept so the wiring stays stable if a pause is ever wanted.
   */
  readonly sleep: (ms: number) => Promise<void>;
  /** scrypt parameters for newly wrapped files; kdfDefaults unless given (tests pass a small N). */
  readonly kdf?: KdfParams;
}

export interface KeyStore {
  /** Reads the key file once (later calls use the cached copy). */
  status(): Promise<KeyStatus>;
  create<R extends Role>(role: R, profile: ProfileFor<R>, passphrase: string): Promise<Result<KeyStatus>>;
  unlock(passphrase: string): Promise<Result<KeyStatus>>;
  /** Forgets the private keys held in memory. */
  lock(): void;
  changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<Result<KeyStatus>>;
  /** Ed25519 (RFC 8032) signature over `message`. */
  sign(message: Uint8Array): Promise<Result<Uint8Array<ArrayBuffer>>>;
  /** Lends the X25519 private key (32 raw bytes, a copy zeroed afterwards) to `use`. */
  withReceivingKey<T>(use: (privateRaw: Uint8Array<ArrayBuffer>) => Promise<T>): Promise<Result<T>>;
}

type Loaded = { readonly kind: 'none' } | { readonly kind: 'corrupt' } | { readonly kind: 'present'; file: KeyFile };

/**
 * While unlocked: the Ed25519 key as a NON-extractable CryptoKey (nothing in this process can read it back out),
 * and the X25519 private key as raw bytes inside this closure only, because HPKE (RFC 9180, the @hpke packages)
 * takes the raw scalar and WebCrypto cannot export a raw X25519 private key. Those bytes never leave this module
 * except as a zeroed-after-use copy in withReceivingKey. The JSON strings decoded at unlock are immutable and are
 * left to the garbage collector — a limit of JavaScript, not a leak across the process boundary.
 */
interface Unlocked {
  readonly signingKey: CryptoKey;
  /**
   * The same non-extractable key as a node:crypto KeyObject (KeyObject.from wraps it; nothing is exported), so
   * signing is one synchronous call: the office signs a receipt per package, and a WebCrypto job per signature cost
   * a round trip through the thread pool each (docs/performance.md, "Office import").
   */
  readonly signingKeyObject: KeyObject;
  readonly receivingPrivateRaw: Uint8Array;
}

export function createKeyStore(deps: KeyStoreDeps): KeyStore {
  const kdf = deps.kdf ?? kdfDefaults;
  let loaded: Loaded | undefined;
  let unlocked: Unlocked | undefined;
  let failures = 0;
  let nextAttemptAt = 0;
  // Passphrase operations run one at a time, so two concurrent calls cannot both slip past the throttle.
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(task: () => Promise<Result<T>>): Promise<Result<T>> => {
    const run = queue.then(task).catch((error: unknown) => internal<T>(error));
    queue = run;
    return run;
  };

  const corrupt = <T>(why: string): Result<T> =>
    fail('E_KEY_FILE_CORRUPT', `key file ${deps.fileName}: ${why}`, { file: deps.fileName });

  const load = async (): Promise<Loaded> => {
    if (loaded !== undefined) return loaded;
    const read = await deps.file.read();
    // An unreadable file is reported as corrupt (and never overwritten) but not cached: it may be transient.
    if (!read.ok) return { kind: 'corrupt' };
    if (read.value === undefined) return (loaded = { kind: 'none' });
    const parsed = parseKeyFile(read.value, deps.fileName);
    return (loaded = parsed.ok ? { kind: 'present', file: parsed.value } : { kind: 'corrupt' });
  };

  const describe = (state: Loaded): KeyStatus => {
    if (state.kind !== 'present') return { state: state.kind };
    const { file } = state;
    return {
      state: unlocked === undefined ? 'locked' : 'unlocked',
      role: file.role,
      profile: file.profile,
      fingerprint: file.signing.fingerprint,
      signingPublicKey: decodeBase64(file.signing.publicKey),
      receivingPublicKey: decodeBase64(file.receiving.publicKey),
    };
  };

  const forget = (): void => {
    unlocked?.receivingPrivateRaw.fill(0);
    unlocked = undefined;
  };

  /** Checks the passphrase against the file under the throttle; the secrets go to `then`, then are zeroed. */
  const withSecrets = async <T>(
    passphrase: string,
    then: (file: KeyFile, secrets: KeySecrets) => Promise<Result<T>>,
  ): Promise<Result<T>> => {
    const state = await load();
    if (state.kind === 'none') return fail('E_NO_PROFILE', 'no key file');
    if (state.kind === 'corrupt') return corrupt('unreadable or does not parse');
    const wait = nextAttemptAt - deps.now();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return fail('E_THROTTLED', `try again in ${seconds} s`, { seconds });
    }
    const outcome = await unwrapKeyFile(state.file, passphrase);
    if (!outcome.ok && outcome.reason === 'corrupt') return corrupt('wrapped keys do not decode');
    if (!outcome.ok) {
      failures += 1;
      const seconds = unlockDelaySeconds(failures);
      nextAttemptAt = deps.now() + seconds * 1000;
      return fail('E_PASSPHRASE_WRONG', `wrong passphrase (failure ${failures})`, { seconds });
    }
    failures = 0;
    nextAttemptAt = 0;
    try {
      return await then(state.file, outcome.secrets);
    } finally {
      outcome.secrets.signingPkcs8.fill(0);
      outcome.secrets.receivingPrivateRaw.fill(0);
    }
  };

  /** Imports the secrets for use, checking they belong to the public keys in the file. */
  const open = async (file: KeyFile, secrets: KeySecrets): Promise<Result<Unlocked>> => {
    try {
      const signingKey = await crypto.subtle.importKey('pkcs8', copy(secrets.signingPkcs8), 'Ed25519', false, ['sign']);
      if (!(await secretsMatch(file, signingKey, secrets.receivingPrivateRaw))) return corrupt('keys do not match');
      return ok({
        signingKey,
        signingKeyObject: KeyObject.from(signingKey),
        receivingPrivateRaw: copy(secrets.receivingPrivateRaw),
      });
    } catch {
      return corrupt('private keys do not import');
    }
  };

  const weak = (passphrase: string): Result<never> | undefined =>
    [...passphrase.normalize('NFC')].length < minPassphraseLength
      ? fail('E_PASSPHRASE_WEAK', `passphrase shorter than ${minPassphraseLength}`, { min: minPassphraseLength })
      : undefined;

  return {
    async status() {
      try {
        return describe(await load());
      } catch {
        return { state: 'corrupt' };
      }
    },

    create(role, profile, passphrase) {
      return serial(async () => {
        if ((await load()).kind !== 'none') return fail('E_PROFILE_EXISTS', 'a key file exists; not overwritten');
        const tooWeak = weak(passphrase);
        if (tooWeak !== undefined) return tooWeak;
        const checked = (role === 'expert' ? expertProfileSchema : officeProfileSchema).safeParse(profile);
        if (!checked.success) {
          const detail = `profile: ${checked.error.issues.map((issue) => issue.path.join('.')).join(', ')}`;
          return fail('E_BAD_REQUEST', detail, { detail });
        }
        const { file, secrets } = await generateKeyFile(role, checked.data, passphrase, kdf);
        try {
          const written = await deps.file.write(serializeKeyFile(file));
          if (!written.ok) return written;
          loaded = { kind: 'present', file };
          const opened = await open(file, secrets);
          if (!opened.ok) return opened;
          forget();
          unlocked = opened.value;
          return ok(describe(loaded));
        } finally {
          secrets.signingPkcs8.fill(0);
          secrets.receivingPrivateRaw.fill(0);
        }
      });
    },

    unlock(passphrase) {
      return serial(() =>
        withSecrets(passphrase, async (file, secrets) => {
          const opened = await open(file, secrets);
          if (!opened.ok) return opened;
          forget();
          unlocked = opened.value;
          return ok(describe({ kind: 'present', file }));
        }),
      );
    },

    lock: forget,

    changePassphrase(oldPassphrase, newPassphrase) {
      return serial(() => {
        const tooWeak = weak(newPassphrase);
        if (tooWeak !== undefined) return Promise.resolve(tooWeak);
        return withSecrets(oldPassphrase, async (file, secrets) => {
          // Same key pairs and profile; fresh salt and IV; the store's current scrypt parameters.
          const rewrapped = await wrapKeyFile(file, secrets, newPassphrase, kdf);
          const written = await deps.file.write(serializeKeyFile(rewrapped));
          if (!written.ok) return written;
          loaded = { kind: 'present', file: rewrapped };
          return ok(describe(loaded));
        });
      });
    },

    async sign(message) {
      if (unlocked === undefined) return fail('E_LOCKED', 'locked');
      try {
        // Ed25519 takes no digest name (RFC 8032 hashes internally): the algorithm argument is null.
        const signature = nodeSign(null, message, unlocked.signingKeyObject);
        return ok(new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength).slice());
      } catch (error) {
        return internal(error);
      }
    },

    async withReceivingKey(use) {
      if (unlocked === undefined) return fail('E_LOCKED', 'locked');
      return lendReceivingKey(unlocked.receivingPrivateRaw, use);
    },
  };
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(bytes);
}

/** A failure of WebCrypto or of a key's borrower, as a key store answers it: a value, never a throw. */
export function internal<T>(error: unknown): Result<T> {
  const detail = error instanceof Error ? error.message : String(error);
  return fail('E_INTERNAL', detail, { detail });
}

/** withReceivingKey of every key store: `use` gets a copy of the raw X25519 key, zeroed afterwards whatever happens. */
export async function lendReceivingKey<T>(
  privateRaw: Uint8Array,
  use: (privateRaw: Uint8Array<ArrayBuffer>) => Promise<T>,
): Promise<Result<T>> {
  const lent = copy(privateRaw);
  try {
    return ok(await use(lent));
  } catch (error) {
    return internal(error);
  } finally {
    lent.fill(0);
  }
}
