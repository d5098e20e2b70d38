import type { PackageKind } from '../../src-shared/packages/payload-schemas';
import { kindOfPayloadType, payloadSchemas } from '../../src-shared/packages/payload-schemas';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { sha256Hex } from '../../src-shared/packages/bytes';
import { unpackContainer } from '../../src-shared/packages/container';
import { pae, parseEnvelope } from '../../src-shared/packages/dsse';
import { fingerprintOf, formatFingerprint, verifyEd25519 } from '../../src-shared/packages/ed25519';
import { isCanonicalJsonBytes } from '../../src-shared/packages/jcs';
import { isSealed, openSealed } from '../../src-shared/packages/seal';
import type { RegistryFile } from './cli-files';
import type { CliIo } from './scorebook-cli';

interface InspectOptions {
  readonly receivingKey: Uint8Array | undefined;
  readonly registry: RegistryFile | undefined;
  readonly kinds: readonly PackageKind[];
}

/** The key an enrollment or assignment carries for its own signer (self-declared: shown as such). */
function carriedKey(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as { signingPublicKey?: unknown; office?: { signingPublicKey?: unknown } };
  const key = record.signingPublicKey ?? record.office?.signingPublicKey;
  return typeof key === 'string' ? key : undefined;
}

async function registryKey(registry: RegistryFile | undefined, keyId: string): Promise<Uint8Array | undefined> {
  for (const entry of registry?.keys ?? []) {
    const raw = decodeBase64Strict(entry.publicKey);
    if (raw !== undefined && (await fingerprintOf(raw)) === keyId) return raw;
  }
  return undefined;
}

/** `scorebook inspect`: what a package is and whether its signature holds, without the office's state. */
export async function inspectPackage(io: CliIo, file: Uint8Array, options: InspectOptions): Promise<number> {
  let container = file;
  if (isSealed(file)) {
    if (options.receivingKey === undefined) {
      io.out(`sealed package (HPKE: X25519, HKDF-SHA256, AES-256-GCM), ${file.byteLength} bytes`);
      io.out('  its kind, issuer and content are inside the seal: give --key with the recipient’s private key');
      return 0;
    }
    const opened = await openSealed(options.receivingKey, file);
    if (!opened.ok) {
      io.out(`REJECTED ${opened.error.code}: cannot open the seal with this key`);
      return 1;
    }
    container = opened.value;
  }
  const unpacked = unpackContainer(container);
  if (!unpacked.ok) {
    io.out(`REJECTED ${unpacked.error.code}: ${unpacked.error.message}`);
    return 1;
  }
  const envelope = parseEnvelope(unpacked.value.envelope);
  if (!envelope.ok) {
    io.out(`REJECTED ${envelope.error.code}: ${envelope.error.message}`);
    return 1;
  }
  const { payloadType, payloadBytes, keyId, signature } = envelope.value;
  const kind = kindOfPayloadType(payloadType);
  const canonical = isCanonicalJsonBytes(payloadBytes);
  const payload = canonical.ok ? canonical.value : undefined;
  io.out(`kind        ${kind ?? `unknown (${payloadType})`}`);
  io.out(`sealed      ${isSealed(file) ? 'yes' : 'no'}`);
  io.out(`key         ${formatFingerprint(keyId)}`);
  const fromRegistry = await registryKey(options.registry, keyId);
  const carried = carriedKey(payload);
  const carriedRaw = carried === undefined ? undefined : decodeBase64Strict(carried);
  const publicKey = fromRegistry ?? carriedRaw;
  const source =
    fromRegistry !== undefined ? 'registry' : 'the key this package carries for its signer (self-declared)';
  if (publicKey === undefined) {
    io.out('signature   not checked: the signer’s key is not in a registry (--registry)');
  } else {
    const holds =
      (await fingerprintOf(publicKey)) === keyId &&
      (await verifyEd25519(publicKey, signature, pae(payloadType, payloadBytes)));
    io.out(`signature   ${holds ? 'holds' : 'DOES NOT HOLD'} (${source})`);
    if (!holds) return 1;
  }
  if (!canonical.ok) {
    io.out(`REJECTED ${canonical.error.code}: ${canonical.error.message}`);
    return 1;
  }
  const parsed = kind === undefined ? undefined : payloadSchemas[kind].safeParse(payload);
  if (parsed !== undefined && !parsed.success) {
    io.out(`REJECTED E_SCHEMA: ${parsed.error.issues[0]?.message ?? ''}`);
    return 1;
  }
  const fields = (payload ?? {}) as Record<string, unknown>;
  for (const name of ['issuer', 'cycleId', 'stage', 'applicantId', 'seq', 'createdAt', 'packageId']) {
    if (fields[name] !== undefined) io.out(`${name.padEnd(11)} ${String(fields[name])}`);
  }
  io.out(`payload     sha256 ${await sha256Hex(payloadBytes)}, ${unpacked.value.blobs.size} attachment(s)`);
  if (isSealed(file)) io.out(JSON.stringify(payload, null, 2));
  return 0;
}
