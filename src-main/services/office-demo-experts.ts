import { fail, ok, type Result } from '../../src-shared/contract/result';
import { exportPublicRaw, fingerprintOf, generateSigningKeyPair, signEd25519 } from '../../src-shared/packages/ed25519';
import type { ExpertProfile } from '../../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair } from '../../src-shared/packages/seal';
import type { CryptoKeyLike } from '../../src-shared/packages/web-crypto';
import type { ArchiveFolder } from './archive-folder';
import { buildEnrollmentPackage, expertIdOf, type EnrollmentPackage } from './enrollment-package';
import type { FileStore } from './file-store';
import { internal, lendReceivingKey, type KeyStore } from './key-store';
import { nodeSha256Hex } from './node-verify';
import type { SecretFile } from './secret-file';

/**
 * The office demo's experts (office-demo-handlers.ts): each one an expert identity made for one call, held in memory
 * only. It has real keys — an Ed25519 signing key (WebCrypto, not extractable) and an X25519 receiving key — so its
 * enrollment, pledge, declarations and sheets are genuine packages the office verifies like any other. Nothing of it
 * is written to disk, and `discard` forgets the keys; the office keeps only the public keys in its registry.
 */

export interface DemoExpert {
  readonly profile: ExpertProfile;
  readonly fingerprint: string;
  readonly expertId: string;
  /** The expert side's key store, as the expert app's handlers use it (unlocked, in memory). */
  readonly keys: KeyStore;
  /** The self-signed enrollment package, as `enrollment:export` builds it. */
  readonly enrollment: EnrollmentPackage;
  /** Forgets the private keys: every later signature or opening is E_LOCKED. */
  discard(): void;
}

/** A file of main's held in memory: the expert app's stores (assignments, office pin) for one demo call. */
export function memorySecretFile(): SecretFile {
  let bytes: Uint8Array | undefined;
  return {
    read: async () => ok(bytes),
    write: async (next) => {
      bytes = Uint8Array.from(next);
      return ok(undefined);
    },
  };
}

/** An append-only folder in memory (the demo expert's outbox): a name, once written, is never replaced. */
export function memoryArchiveFolder(): ArchiveFolder {
  const files = new Map<string, Uint8Array>();
  return {
    async writeOnce(name, bytes) {
      if (files.has(name))
        return fail('E_STORAGE_WRITE', `${name} exists`, { detail: `${name} exists`, reason: 'exists' });
      files.set(name, Uint8Array.from(bytes));
      return ok(undefined);
    },
  };
}

/** A content-addressed store in memory (the demo expert's materials and evidence), as file-store.ts keeps on disk. */
export function memoryFileStore(): FileStore {
  const files = new Map<string, Uint8Array>();
  return {
    dir: '(memory)',
    async put(bytes) {
      const sha256 = nodeSha256Hex(bytes);
      files.set(sha256, Uint8Array.from(bytes));
      return ok({ sha256, size: bytes.byteLength });
    },
    async read(sha256) {
      return files.get(sha256);
    },
  };
}

interface HeldKeys {
  readonly signing: CryptoKeyLike;
  readonly receivingPrivateRaw: Uint8Array;
}

/** The key store of an expert whose keys exist in memory only; it cannot be created, unlocked or re-wrapped. */
function memoryKeyStore(
  profile: ExpertProfile,
  fingerprint: string,
  publicKeys: { signing: Uint8Array<ArrayBuffer>; receiving: Uint8Array<ArrayBuffer> },
  held: () => HeldKeys | undefined,
  forget: () => void,
): KeyStore {
  const notHere = async (): Promise<Result<never>> =>
    fail('E_NOT_AVAILABLE', 'a demo expert has no key file', { detail: 'demo expert' });
  return {
    async status() {
      return {
        state: held() === undefined ? 'locked' : 'unlocked',
        role: 'expert',
        profile,
        fingerprint,
        signingPublicKey: publicKeys.signing,
        receivingPublicKey: publicKeys.receiving,
      };
    },
    create: notHere,
    unlock: notHere,
    changePassphrase: notHere,
    lock: forget,
    async sign(message) {
      const keys = held();
      if (keys === undefined) return fail('E_LOCKED', 'locked');
      try {
        return ok(Uint8Array.from(await signEd25519(keys.signing, message)));
      } catch (error) {
        return internal(error);
      }
    },
    async withReceivingKey(use) {
      const keys = held();
      if (keys === undefined) return fail('E_LOCKED', 'locked');
      return lendReceivingKey(keys.receivingPrivateRaw, use);
    },
  };
}

/** Makes one demo expert: fresh key pairs, its key store and its signed enrollment package. */
export async function createDemoExpert(
  profile: ExpertProfile,
  context: { readonly nowMs: number; readonly random: (bytes: Uint8Array) => Uint8Array; readonly appVersion: string },
): Promise<Result<DemoExpert>> {
  const signingPair = await generateSigningKeyPair(false);
  const receiving = await generateReceivingKeyPair();
  const signingPublicKey = Uint8Array.from(await exportPublicRaw(signingPair.publicKey));
  const receivingPublicKey = Uint8Array.from(receiving.publicKeyRaw);
  const fingerprint = await fingerprintOf(signingPublicKey);
  let held: HeldKeys | undefined = { signing: signingPair.privateKey, receivingPrivateRaw: receiving.privateKeyRaw };
  const forget = (): void => {
    held?.receivingPrivateRaw.fill(0);
    held = undefined;
  };
  const keys = memoryKeyStore(
    profile,
    fingerprint,
    { signing: signingPublicKey, receiving: receivingPublicKey },
    () => held,
    forget,
  );
  const enrollment = await buildEnrollmentPackage({
    profile,
    fingerprint,
    signingPublicKey,
    receivingPublicKey,
    appVersion: context.appVersion,
    nowMs: context.nowMs,
    random: context.random,
    sign: (message) => keys.sign(message),
  });
  if (!enrollment.ok) {
    forget();
    return enrollment;
  }
  return ok({
    profile,
    fingerprint,
    expertId: expertIdOf(fingerprint),
    keys,
    enrollment: enrollment.value,
    discard: forget,
  });
}
