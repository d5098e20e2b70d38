import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { maxPackageBytes } from '../src-main/cli/scorebook-cli';
import { createNodeUnsealer, nodeSealTo } from '../src-main/services/node-hpke';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../src-main/services/node-verify';
import { allItems } from '../src-shared/criteria/load-criteria';
import { buildPackage } from '../src-shared/packages/build-package';
import { packContainer } from '../src-shared/packages/container';
import { openPackage } from '../src-shared/packages/open-package';
import { sheetPayloadSchema, type SheetPayload } from '../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair } from '../src-shared/packages/seal';
import { verifyForOffice } from '../src-shared/packages/verify-office';
import { sheetContent, type SubmitItem } from '../src-shared/scoring/submit-validation';
import type { Evidence, StageWork } from '../src-shared/stages/stage-work';
import { makeSigner, memoryOffice, registered, signWith, type Signer } from '../test/support/package-world';
import { shippedCriteria } from '../test/support/shipped-criteria';
import { seededRandom } from './seeded-random';
import { summarize, type Summary } from './stats';

/**
 * Issue 5 item 8 (second half): a site-visit sheet with 30 photos of 3 MB each — 90 MB of random bytes from a seeded
 * generator, which do not compress, as camera JPEGs hardly do. Timed over several runs:
 * - sealing as main does it (package-signing.ts): buildPackage with the photos as blobs and node:crypto SHA-256 —
 *   canonical JSON, Ed25519 signature, hashing every blob, the zip (each blob tried with DEFLATE and stored), HPKE;
 * - verifying as the office inbox does (office-inbox.ts): openPackage with node:crypto unsealing, signature and
 *   payload hash, then verifyForOffice, whose step 10 hashes every attachment again (node:crypto);
 * - the floor: bare node:crypto SHA-256 of the same 90 MB, once per photo.
 * Throughput is the photos' bytes (MB = 10^6 bytes) over the median time; the ratio says how many times the floor's
 * time each pipeline takes. Every run must end in "accept": a broken pipeline throws rather than report a speed.
 */

export const sitePackageSize = { photos: 30, photoBytes: 3_000_000 } as const;

export interface SitePackageSamples {
  readonly runs: number;
  readonly warmup: number;
  readonly photos: number;
  readonly photoBytes: number;
  /** Bytes of the sealed `.qapkg`. */
  readonly fileBytes: number;
  readonly sealMs: number[];
  readonly verifyMs: number[];
  readonly bareSha256Ms: number[];
  /**
   * Context, one pass after the runs: of the sealing time, the zip alone (packContainer, which tries DEFLATE on each
   * blob before storing it) and the HPKE seal alone (WebCrypto AES-256-GCM over the container).
   */
  readonly zipMs: number;
  readonly hpkeMs: number;
}

/** Photo stand-ins: `size` bytes each from xorshift32, four bytes per draw. */
function randomPhotos(count: number, size: number, seed: number): Uint8Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const words = new Uint32Array(Math.ceil(size / 4));
    for (let i = 0; i < words.length; i++) words[i] = Math.floor(random() * 4294967296);
    return new Uint8Array(words.buffer, 0, size);
  });
}

/** The site-visit sheet: every item scored, 3 + 3 key themes, each photo an attachment and an evidence record. */
function sitePayload(expert: Signer, photos: readonly Uint8Array[]): SheetPayload {
  const criteria = shippedCriteria();
  const itemIds = allItems(criteria).map((item) => item.id);
  const items = new Map<string, SubmitItem>(
    itemIds.map((id, i) => [
      id,
      {
        percent: 30 + (i % 9) * 5,
        strengths: [{ text: `现场核实：${id} 的做法与申报一致`, page: null, ref: '现场' }],
        ofis: [],
      },
    ]),
  );
  const content = sheetContent(criteria, items);
  const attachments = photos.map((bytes, i) => ({
    sha256: nodeSha256Hex(bytes),
    size: bytes.byteLength,
    name: `现场照片-${String(i + 1).padStart(2, '0')}.jpg`,
    mediaType: 'image/jpeg',
  }));
  const evidence: Evidence[] = attachments.map((attachment, i) => ({
    id: `photo-${i + 1}`,
    ...attachment,
    caption: `车间现场第 ${i + 1} 张`,
    itemIds: [itemIds[i % itemIds.length] ?? '4.1.2'],
    issueIds: [],
  }));
  const themes = (['strength', 'ofi'] as const).flatMap((kind) =>
    [1, 2, 3].map((n) => ({ id: `${kind}-${n}`, kind, text: `关键主题 ${n}` })),
  );
  const work: StageWork = {
    seededFrom: 'defense',
    changes: [],
    issues: [],
    defense: null,
    site: { interviews: [], documents: [], themes },
    evidence,
  };
  return sheetPayloadSchema.parse({
    schema: 'scorebook.sheet/1',
    kind: 'sheet',
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: 'cycle-2026',
    issuer: expert.id,
    keyId: expert.fingerprint,
    createdAt: '2026-06-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'bench' },
    stage: 'site',
    applicantId: 'applicant-1',
    assignmentId: 'assignment-site',
    assignmentHash: 'a'.repeat(64),
    seq: 1,
    prevHash: null,
    criteria: { id: criteria.id, version: criteria.version },
    items: content.items,
    totals: content.totals,
    attachments,
    revisionReason: null,
    work,
  } satisfies SheetPayload);
}

export async function measureSitePackage(
  runs = 5,
  warmup = 1,
  log: (message: string) => void = () => undefined,
): Promise<SitePackageSamples> {
  const { photos: count, photoBytes } = sitePackageSize;
  log(`generating ${count} photos of ${photoBytes} bytes`);
  const photos = randomPhotos(count, photoBytes, 19580);
  const expert = await makeSigner('expert-site');
  const officeKeys = await generateReceivingKeyPair();
  const payload = sitePayload(expert, photos);
  const unsealer = createNodeUnsealer(officeKeys.privateKeyRaw);
  if (!unsealer.ok) throw new Error(`office key: ${unsealer.error.message}`);
  const verifier = createNodeSignatureVerifier();

  const seal = async (): Promise<Uint8Array> => {
    const built = await buildPackage({
      kind: 'sheet',
      payload,
      keyId: expert.fingerprint,
      sign: signWith(expert),
      blobs: photos,
      sealToPublicKey: officeKeys.publicKeyRaw,
      sha256Hex: nodeSha256Hex,
      seal: nodeSealTo,
    });
    if (!built.ok) throw new Error(`sealing failed: ${built.error.code}`);
    return built.value.file;
  };
  const verify = async (file: Uint8Array): Promise<void> => {
    const opened = await openPackage(file, {
      maxFileBytes: maxPackageBytes,
      requireSealed: true,
      acceptedKinds: ['sheet', 'declaration', 'pledge'],
      openSeal: (sealed) => unsealer.value.open(sealed),
      keyFor: (fingerprint) => (fingerprint === expert.fingerprint ? registered(expert) : undefined),
      signatureVerifier: verifier,
      sha256Hex: nodeSha256Hex,
    });
    if (!opened.ok) throw new Error(`opening failed: ${opened.error.code} ${opened.error.message}`);
    const office = memoryOffice();
    office.assignments.add([expert.id, 'cycle-2026', 'site', 'applicant-1', 'assignment-site'].join('|'));
    const verdict = await verifyForOffice(opened.value, office, { sha256Hex: nodeSha256Hex });
    if (!verdict.ok || verdict.value.outcome !== 'accept') {
      throw new Error(`not accepted: ${verdict.ok ? verdict.value.outcome : verdict.error.code}`);
    }
  };
  const bare = (): void => {
    for (const bytes of photos) createHash('sha256').update(bytes).digest('hex');
  };

  const samples = { sealMs: [] as number[], verifyMs: [] as number[], bareSha256Ms: [] as number[] };
  let fileBytes = 0;
  for (let run = 0; run < warmup + runs; run++) {
    const timed = run >= warmup;
    log(`${timed ? 'run' : 'warm-up'} ${timed ? run - warmup + 1 : run + 1}`);
    let t0 = performance.now();
    const file = await seal();
    const sealMs = performance.now() - t0;
    t0 = performance.now();
    await verify(file);
    const verifyMs = performance.now() - t0;
    t0 = performance.now();
    bare();
    const bareMs = performance.now() - t0;
    fileBytes = file.byteLength;
    if (!timed) continue;
    samples.sealMs.push(sealMs);
    samples.verifyMs.push(verifyMs);
    samples.bareSha256Ms.push(bareMs);
  }
  log('context: the zip and the HPKE seal alone');
  let t0 = performance.now();
  const container = packContainer({
    envelope: new Uint8Array(0),
    blobs: photos.map((bytes) => ({ sha256: nodeSha256Hex(bytes), bytes })),
  });
  const zipMs = performance.now() - t0;
  t0 = performance.now();
  const sealed = nodeSealTo(officeKeys.publicKeyRaw, container);
  const hpkeMs = performance.now() - t0;
  if (!sealed.ok) throw new Error('context seal failed');
  return { runs, warmup, photos: count, photoBytes, fileBytes, ...samples, zipMs, hpkeMs };
}

/** MB/s (10^6 bytes) of `bytes` in `ms`. */
export function megabytesPerSecond(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

export interface SitePackageFigures {
  readonly totalBytes: number;
  readonly seal: Summary;
  readonly verify: Summary;
  readonly bare: Summary;
  readonly sealMBps: number;
  readonly verifyMBps: number;
  readonly bareMBps: number;
  /** Pipeline median time over bare SHA-256 median time. */
  readonly sealRatio: number;
  readonly verifyRatio: number;
}

export function sitePackageFigures(samples: SitePackageSamples): SitePackageFigures {
  const totalBytes = samples.photos * samples.photoBytes;
  const seal = summarize(samples.sealMs);
  const verify = summarize(samples.verifyMs);
  const bare = summarize(samples.bareSha256Ms);
  return {
    totalBytes,
    seal,
    verify,
    bare,
    sealMBps: megabytesPerSecond(totalBytes, seal.median),
    verifyMBps: megabytesPerSecond(totalBytes, verify.median),
    bareMBps: megabytesPerSecond(totalBytes, bare.median),
    sealRatio: seal.median / bare.median,
    verifyRatio: verify.median / bare.median,
  };
}

export function printSitePackage(samples: SitePackageSamples): void {
  const f = sitePackageFigures(samples);
  const mb = (f.totalBytes / 1e6).toFixed(0);
  const line = (label: string, s: Summary, mbps: number, ratio?: number) =>
    `  ${label.padEnd(30)} median ${s.median.toFixed(0).padStart(6)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)})` +
    `  ${mbps.toFixed(0).padStart(5)} MB/s${ratio === undefined ? '' : `  ${ratio.toFixed(1)}× the bare hash time`}`;
  console.log(
    `Site-visit package: ${samples.photos} photos × ${samples.photoBytes / 1e6} MB = ${mb} MB, sealed file ` +
      `${(samples.fileBytes / 1e6).toFixed(1)} MB; ${samples.runs} runs after ${samples.warmup} warm-up`,
  );
  console.log(line('seal (buildPackage, main)', f.seal, f.sealMBps, f.sealRatio));
  console.log(line('verify (openPackage + office)', f.verify, f.verifyMBps, f.verifyRatio));
  console.log(line('bare node:crypto SHA-256', f.bare, f.bareMBps));
  console.log(
    `  of the sealing, one pass: zip ${samples.zipMs.toFixed(0)} ms (photos stored: their first 64 KiB do not deflate), ` +
      `HPKE seal (node:crypto) ${samples.hpkeMs.toFixed(0)} ms`,
  );
}

/** `npx tsx bench/measure-site-package.ts`: this measurement alone. */
async function main(): Promise<void> {
  const samples = await measureSitePackage(5, 1, (message) => console.log(`· ${message}`));
  printSitePackage(samples);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error('benchmark crashed:', error);
    process.exitCode = 1;
  });
}
