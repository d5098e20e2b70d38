import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseKeyFile, unwrapKeyFile } from '../src-main/services/key-file';
import { createNodeUnsealer } from '../src-main/services/node-hpke';
import { createNodeSignatureVerifier } from '../src-main/services/node-verify';
import { decodeBase64Strict } from '../src-shared/packages/base64';
import { unpackContainer } from '../src-shared/packages/container';
import { pae, parseEnvelope } from '../src-shared/packages/dsse';
import type { PackageFile } from './office-import-world';

/**
 * The floor the import is compared with (issue 4): bare Ed25519 verification of the same 3,000 envelopes with
 * node:crypto, as bench/measure-packages.ts's bareVerifyNode does it. The files are unsealed and their envelopes read
 * beforehand, outside the timing, so the timed loop is `crypto.verify` over each PAE and signature and nothing else.
 */

/** What a bare verification needs from one package. */
export interface SignedBytes {
  readonly publicKeyRaw: Uint8Array;
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
}

/** The office's X25519 private key, from its key file and passphrase, as the key store unwraps it at unlock. */
export async function officeReceivingKey(officeDir: string, passphrase: string): Promise<Uint8Array> {
  const path = join(officeDir, 'keys.json');
  const file = parseKeyFile(new Uint8Array(await readFile(path)), path);
  if (!file.ok) throw new Error(file.error.message);
  const unwrapped = await unwrapKeyFile(file.value, passphrase);
  if (!unwrapped.ok) throw new Error(`office key file: ${unwrapped.reason}`);
  return unwrapped.secrets.receivingPrivateRaw;
}

/**
 * Unseals each file and reads its envelope (not timed). `signingKeys` maps a key fingerprint to the base64 signing
 * key the office registered for it (office:experts-list).
 */
export function signedBytesOf(
  files: readonly PackageFile[],
  receivingPrivateRaw: Uint8Array,
  signingKeys: ReadonlyMap<string, string>,
): SignedBytes[] {
  const unsealer = createNodeUnsealer(receivingPrivateRaw);
  if (!unsealer.ok) throw new Error(`office receiving key: ${unsealer.error.message}`);
  return files.map((file) => {
    const container = unsealer.value.open(file.bytes);
    const unpacked = container.ok ? unpackContainer(container.value) : container;
    const envelope = unpacked.ok ? parseEnvelope(unpacked.value.envelope) : unpacked;
    if (!envelope.ok) throw new Error(`${file.name}: ${envelope.error.code} ${envelope.error.message}`);
    const { payloadType, payloadBytes, keyId, signature } = envelope.value;
    const key = signingKeys.get(keyId);
    const publicKeyRaw = key === undefined ? undefined : decodeBase64Strict(key);
    if (publicKeyRaw === undefined) throw new Error(`${file.name}: key ${keyId} is not registered`);
    return { publicKeyRaw, signature, message: pae(payloadType, payloadBytes) };
  });
}

/**
 * `passes` timed loops over every package, after one untimed pass that imports each expert's key into the verifier's
 * cache and lets the JIT compile the loop (so the floor is as low as it gets: the ratio is not flattered). Every
 * signature must verify. Returns each pass's wall clock in ms.
 */
export function bareVerifyPasses(signed: readonly SignedBytes[], passes: number): number[] {
  const verifier = createNodeSignatureVerifier();
  const pass = (): number => {
    const t0 = performance.now();
    for (const [index, s] of signed.entries()) {
      if (!verifier.verify(s.publicKeyRaw, s.signature, s.message)) {
        throw new Error(`package ${index}: bare Ed25519 verification failed`);
      }
    }
    return performance.now() - t0;
  };
  pass();
  return Array.from({ length: passes }, pass);
}
