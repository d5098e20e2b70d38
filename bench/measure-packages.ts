import { unpackContainer } from '../src-shared/packages/container';
import { pae, parseEnvelope } from '../src-shared/packages/dsse';
import { isCanonicalJsonBytes } from '../src-shared/packages/jcs';
import type { OpenedPackage } from '../src-shared/packages/open-package';
import { kindOfPayloadType, payloadSchemas } from '../src-shared/packages/payload-schemas';
import { verifyForOffice } from '../src-shared/packages/verify-office';
import { webCrypto, type CryptoKeyLike } from '../src-shared/packages/web-crypto';
import { maxPackageBytes } from '../src-main/cli/scorebook-cli';
import { createNodeUnsealer } from '../src-main/services/node-hpke';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../src-main/services/node-verify';
import {
  buildPackageWorld,
  officeFor,
  officeOpenOptions,
  recordAccepted,
  requireAccepted,
  signAndSeal,
  verifyAtOffice,
  type PackageWorld,
} from './package-fixtures';

/**
 * Issue 3 item 12: sign + seal, and unseal + verify, of realistic sheets, one package at a time (as the
 * office import takes them), with the real code paths; and bare WebCrypto Ed25519 verification of the
 * same PAE bytes as the floor the pipeline is compared with. The pipeline is main's (node:crypto HPKE
 * open, Ed25519 with keys imported once per run, and SHA-256); src-shared's WebCrypto-only pipeline and
 * bare node:crypto verification are timed too, as context. Every verdict must be "accept": a broken pipeline throws here instead of reporting a speed.
 */

/** Milliseconds per package, and the wall clock of the whole sequential loop (packages/s comes from it). */
export interface Series {
  readonly ms: number[];
  readonly totalMs: number;
}

/** The office pipeline taken apart in openPackage's order, timed step by step (a separate pass). */
export interface Breakdown {
  /** Step 1: HPKE open with the office's X25519 key (node-hpke's unsealer, made once). */
  readonly unsealMs: number[];
  /** Steps 2–4: zip, envelope shape and base64, payload type, registry lookup. */
  readonly containerEnvelopeMs: number[];
  /** Step 5: PAE and node:crypto Ed25519 verification with the run's imported keys. */
  readonly signatureMs: number[];
  /** Steps 6–7 and the payload hash (node:crypto SHA-256): strict canonical JSON, the sheet schema, issuer and key id. */
  readonly canonicalSchemaMs: number[];
  /** Steps 8–11 and the in-memory bookkeeping of step 12. */
  readonly officeMs: number[];
}

export interface PackageSamples {
  readonly count: number;
  readonly warmup: number;
  readonly experts: number;
  readonly itemsPerSheet: number;
  readonly commentsPerSheet: number[];
  readonly paeBytes: number[];
  readonly fileBytes: number[];
  readonly signSeal: Series;
  /** Main's pipeline: node-hpke unseal, signing keys imported once. */
  readonly pipeline: Series;
  /** Context: the same pipeline with src-shared alone (WebCrypto HPKE open, key imported per signature). */
  readonly pipelineWebCrypto: Series;
  /** The floor of the targets: crypto.subtle.verify('Ed25519') alone, keys imported beforehand. */
  readonly bareVerify: Series;
  /** Context: node:crypto's synchronous Ed25519 verify alone, keys imported beforehand (main's signature step). */
  readonly bareVerifyNode: Series;
  readonly breakdown: Breakdown;
}

/** Packages per second of a sequential series. */
export function perSecond(series: Series): number {
  return series.ms.length / (series.totalMs / 1000);
}

async function timeEach<T>(items: readonly T[], body: (item: T, index: number) => Promise<void>): Promise<Series> {
  const ms: number[] = [];
  const start = performance.now();
  for (const [index, item] of items.entries()) {
    const t0 = performance.now();
    await body(item, index);
    ms.push(performance.now() - t0);
  }
  return { ms, totalMs: performance.now() - start };
}

/** What bare verification needs, taken from each file by the breakdown pass (not timed). */
interface SignedBytes {
  readonly keyId: string;
  readonly signature: Uint8Array;
  readonly message: Uint8Array;
}

/** The registered public keys imported once, so the bare figure is crypto.subtle.verify alone. */
async function importedKeys(world: PackageWorld): Promise<Map<string, CryptoKeyLike>> {
  const keys = new Map<string, CryptoKeyLike>();
  for (const [fingerprint, key] of world.registry) {
    const imported = await webCrypto().subtle.importKey('raw', key.publicKeyRaw, { name: 'Ed25519' }, false, [
      'verify',
    ]);
    keys.set(fingerprint, imported);
  }
  return keys;
}

function bareVerify(keys: ReadonlyMap<string, CryptoKeyLike>) {
  return async (signed: SignedBytes, index: number): Promise<void> => {
    const key = keys.get(signed.keyId);
    const valid =
      key !== undefined &&
      (await webCrypto().subtle.verify({ name: 'Ed25519' }, key, signed.signature, signed.message));
    if (!valid) throw new Error(`package ${index}: bare Ed25519 verification failed`);
  };
}

function bareVerifyNode(world: PackageWorld) {
  const verifier = createNodeSignatureVerifier();
  return async (signed: SignedBytes, index: number): Promise<void> => {
    const key = world.registry.get(signed.keyId);
    if (key === undefined || !verifier.verify(key.publicKeyRaw, signed.signature, signed.message)) {
      throw new Error(`package ${index}: bare node:crypto Ed25519 verification failed`);
    }
  };
}

/** One file through openPackage's steps, each timed; throws at the first failure. */
async function timedSteps(
  world: PackageWorld,
  files: readonly Uint8Array[],
): Promise<{ breakdown: Breakdown; signed: SignedBytes[] }> {
  const office = officeFor(world);
  const unsealer = createNodeUnsealer(world.office.privateKeyRaw);
  if (!unsealer.ok) throw new Error(`office receiving key: ${unsealer.error.message}`);
  const keys = createNodeSignatureVerifier();
  const signed: SignedBytes[] = [];
  const b: Breakdown = { unsealMs: [], containerEnvelopeMs: [], signatureMs: [], canonicalSchemaMs: [], officeMs: [] };
  const broken = (index: number, why: string): Error => new Error(`breakdown, package ${index}: ${why}`);
  for (const [index, file] of files.entries()) {
    const t0 = performance.now();
    const container = unsealer.value.open(file, maxPackageBytes);
    const t1 = performance.now();
    if (!container.ok) throw broken(index, container.error.code);
    const unpacked = unpackContainer(container.value);
    const envelope = unpacked.ok ? parseEnvelope(unpacked.value.envelope) : unpacked;
    if (!unpacked.ok || !envelope.ok) throw broken(index, 'container or envelope');
    const { payloadType, payloadBytes, keyId, signature } = envelope.value;
    const kind = kindOfPayloadType(payloadType);
    const key = world.registry.get(keyId);
    const t2 = performance.now();
    if (kind !== 'sheet' || key === undefined || key.revoked) throw broken(index, 'type or key');
    const message = pae(payloadType, payloadBytes);
    const valid = keys.verify(key.publicKeyRaw, signature, message);
    const t3 = performance.now();
    if (!valid) throw broken(index, 'E_SIG');
    const canonical = isCanonicalJsonBytes(payloadBytes);
    const parsed = canonical.ok ? payloadSchemas.sheet.safeParse(canonical.value) : undefined;
    const payloadSha256 = nodeSha256Hex(payloadBytes);
    const t4 = performance.now();
    if (parsed?.success !== true || parsed.data.issuer !== key.owner || parsed.data.keyId !== keyId) {
      throw broken(index, 'canonical form, schema or issuer');
    }
    const { blobs } = unpacked.value;
    const opened: OpenedPackage = {
      kind,
      payloadType,
      payloadBytes,
      payloadSha256,
      payload: parsed.data,
      keyId,
      key,
      blobs,
      sealed: true,
    };
    const verdict = await verifyForOffice(opened, office);
    if (verdict.ok) recordAccepted(office, opened, verdict.value);
    const t5 = performance.now();
    requireAccepted(verdict, index);
    b.unsealMs.push(t1 - t0);
    b.containerEnvelopeMs.push(t2 - t1);
    b.signatureMs.push(t3 - t2);
    b.canonicalSchemaMs.push(t4 - t3);
    b.officeMs.push(t5 - t4);
    signed.push({ keyId, signature, message });
  }
  return { breakdown: b, signed };
}

/**
 * Builds `count` sheets, then measures: sign + seal, the office pipeline, bare Ed25519 verification and
 * the step breakdown. Each is warmed up on the first `warmup` packages first (JIT, lazy imports, the
 * reader's key cache); the pipeline's warm-up runs against a throw-away office state.
 */
export async function measurePackages(count: number, warmup: number): Promise<PackageSamples> {
  const world = await buildPackageWorld(count);
  const warm = Math.min(warmup, count);
  const files: Uint8Array[] = [];
  const build = async (index: number, keep: boolean): Promise<void> => {
    const sheet = world.sheets[index];
    const built = sheet === undefined ? undefined : await signAndSeal(world, sheet);
    if (built?.ok !== true) throw new Error(`package ${index} did not build`);
    if (keep) files.push(built.value.file);
  };
  await timeEach(world.sheets.slice(0, warm), (_, index) => build(index, false));
  const signSeal = await timeEach(world.sheets, (_, index) => build(index, true));

  // Each pass builds its reader once (unsealer, key cache) and warms it up on the first packages, against a
  // throw-away office state; then a fresh office times all of them.
  const verifyAll = async (crypto: 'node' | 'webcrypto'): Promise<Series> => {
    const options = officeOpenOptions(world, crypto);
    const warmOffice = officeFor(world);
    await timeEach(files.slice(0, warm), async (file, index) =>
      requireAccepted(await verifyAtOffice(world, warmOffice, file, options), index),
    );
    const office = officeFor(world);
    return timeEach(files, async (file, index) =>
      requireAccepted(await verifyAtOffice(world, office, file, options), index),
    );
  };
  const pipeline = await verifyAll('node');
  const pipelineWebCrypto = await verifyAll('webcrypto');

  const { breakdown, signed } = await timedSteps(world, files);
  const verify = bareVerify(await importedKeys(world));
  await timeEach(signed.slice(0, warm), verify);
  const bare = await timeEach(signed, verify);
  const verifyNode = bareVerifyNode(world);
  await timeEach(signed, verifyNode); // warms up and imports every key
  const bareNode = await timeEach(signed, verifyNode);

  const comments = (s: (typeof world.sheets)[number]): number =>
    s.payload.items.reduce((sum, item) => sum + item.strengths.length + item.ofis.length, 0);
  return {
    count,
    warmup: warm,
    experts: world.experts.length,
    itemsPerSheet: world.sheets[0]?.payload.items.length ?? 0,
    commentsPerSheet: world.sheets.map(comments),
    paeBytes: signed.map((s) => s.message.length),
    fileBytes: files.map((f) => f.length),
    signSeal,
    pipeline,
    pipelineWebCrypto,
    bareVerify: bare,
    bareVerifyNode: bareNode,
    breakdown,
  };
}
