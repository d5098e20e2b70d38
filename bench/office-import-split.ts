import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCriteria } from '../src-main/handlers/criteria-handlers';
import { createKeyStore } from '../src-main/services/key-store';
import { createNodeUnsealer } from '../src-main/services/node-hpke';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../src-main/services/node-verify';
import { createBatchArchive } from '../src-main/services/office-archive';
import { officeIdOf } from '../src-main/services/office-assignment';
import { maxInboxFileBytes } from '../src-main/services/office-inbox';
import { createJournal } from '../src-main/services/office-journal';
import {
  applyEntry,
  ledgerEntrySchema,
  ledgerFormat,
  ledgerOf,
  type AcceptedEntry,
  type LedgerEntry,
} from '../src-main/services/office-ledger';
import { createExpertRegistryStore, maxRegistryBytes, trustedKeys } from '../src-main/services/office-registry';
import { ledgerOfficeState } from '../src-main/services/office-state';
import { createResourceFiles } from '../src-main/services/resource-files';
import { createSecretFile } from '../src-main/services/secret-file';
import { secureRandom } from '../src-main/services/secure-random';
import { contract } from '../src-shared/contract/channels';
import { inboxPackageSchema, type InboxResult } from '../src-shared/contract/office-channels';
import { decodeBase64Strict, encodeBase64 } from '../src-shared/packages/base64';
import { buildReceipt } from '../src-shared/packages/build-receipt';
import { isCanonicalJsonBytes } from '../src-shared/packages/jcs';
import { openPackage } from '../src-shared/packages/open-package';
import { receiptPayloadSchema } from '../src-shared/packages/payload-schemas';
import { verifyForOffice } from '../src-shared/packages/verify-office';
import { benchPassphrase, type OfficeImportWorld } from './office-import-world';

/**
 * (d) Where `office:inbox-import`'s time goes. The handler cannot be timed from inside without changing it, so this
 * pass calls the same services in the handler's order (office-inbox-handlers.ts and office-inbox.ts takeFile, as of
 * this benchmark), on another fresh copy of the prepared office, with timers between the steps: the contract's zod
 * checks of request and answer, base64, steps 1–7, steps 8–11 against the ledger, the signed receipt, the archive
 * (each file written, then one flush per call) and the ledger (applied in memory, one append and fsync per call).
 * Its sum is compared with the real import in the report: when they differ, the real import is the figure.
 */

export const splitPieces = [
  ['contract', "dispatch's zod check of request and answer"],
  ['decode', 'base64 decode'],
  ['open', 'open: steps 1–7 (unseal, zip, envelope, Ed25519, JSON, schema)'],
  ['officeChecks', 'office checks: steps 8–11, ledger entry in memory'],
  ['receipt', 'receipt: build and sign (office Ed25519 key)'],
  ['archiveWrite', 'archive write: temp file, link into inbox/accepted/'],
  ['archiveFlush', 'archive flush: fsync of each file and folder, per call'],
  ['indexWrite', 'index write: ledger.jsonl append + fsync, per call'],
] as const;
export type SplitPiece = (typeof splitPieces)[number][0];

/** Milliseconds summed over all 3,000 packages, per piece. */
export interface OfficeImportSplit {
  readonly wallMs: Readonly<Record<SplitPiece, number>>;
  /**
   * The process's CPU time (user + system, every thread: the file system and WebCrypto work of libuv's pool too) over
   * the same spans. On this shared VM it is far steadier than the wall clock, which also holds the waits for a core.
   */
  readonly cpuMs: Readonly<Record<SplitPiece, number>>;
  /** Wall clock of the whole pass, timers included. */
  readonly totalMs: number;
}

const resourcesDir = fileURLToPath(new URL('../resources', import.meta.url));
const batchSize = 100;

function fail(what: string, error: { code: string; message: string }): never {
  throw new Error(`split, ${what}: ${error.code} ${error.message}`);
}

export async function measureSplit(world: OfficeImportWorld, receivingKey: Uint8Array): Promise<OfficeImportSplit> {
  const dataDir = join(world.runsDir, 'split');
  await cp(world.officeDir, dataDir, { recursive: true });
  try {
    return await splitPass(world, dataDir, receivingKey);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function splitPass(world: OfficeImportWorld, dataDir: string, receivingKey: Uint8Array) {
  const keyFile = join(dataDir, 'keys.json');
  const keys = createKeyStore({
    file: createSecretFile(keyFile),
    fileName: keyFile,
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const unlocked = await keys.unlock(benchPassphrase);
  if (!unlocked.ok) fail('unlock', unlocked.error);
  const fingerprint = unlocked.value.fingerprint ?? '';
  const registryPath = join(dataDir, 'office', 'experts.json');
  const registry = await createExpertRegistryStore(
    createSecretFile(registryPath, { maxBytes: maxRegistryBytes }),
    registryPath,
  ).read();
  if (!registry.ok) fail('registry', registry.error);
  const journal = createJournal<LedgerEntry>(join(dataDir, 'office', 'ledger.jsonl'), ledgerFormat, ledgerEntrySchema);
  const entries = await journal.read();
  if (!entries.ok) fail('ledger', entries.error);
  const ledger = ledgerOf(entries.value);
  const criteria = await loadCriteria(createResourceFiles(resourcesDir), 'gbt19580-2012');
  if (!criteria.ok) fail('criteria', criteria.error);
  const criteriaFor = async (id: string) => (id === criteria.value.id ? criteria.value : undefined);
  const acceptedDir = join(dataDir, 'inbox', 'accepted');

  const zero = (): Record<SplitPiece, number> => ({
    contract: 0,
    decode: 0,
    open: 0,
    officeChecks: 0,
    receipt: 0,
    archiveWrite: 0,
    archiveFlush: 0,
    indexWrite: 0,
  });
  const wallMs = zero();
  const cpuMs = zero();
  let mark = performance.now();
  let cpuMark = process.cpuUsage();
  const restart = (): void => {
    mark = performance.now();
    cpuMark = process.cpuUsage();
  };
  const lap = (piece: SplitPiece): void => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuMark);
    wallMs[piece] += now - mark;
    cpuMs[piece] += (cpu.user + cpu.system) / 1000;
    restart();
  };
  // Encoded beforehand, as the renderer sends them: not part of the office's time.
  const requests: { files: { name: string; base64: string }[] }[] = [];
  for (let start = 0; start < world.sheets.length; start += batchSize) {
    const files = world.sheets.slice(start, start + batchSize);
    requests.push({ files: files.map((f) => ({ name: f.name, base64: encodeBase64(f.bytes) })) });
  }
  const started = performance.now();
  for (const request of requests) {
    restart();
    const files = contract['office:inbox-import'].request.parse(request).files;
    lap('contract');
    const decoded = files.map(({ name, base64 }) => ({ name, file: decodeBase64Strict(base64) }));
    lap('decode');
    const unsealer = createNodeUnsealer(receivingKey);
    if (!unsealer.ok) fail('unsealer', unsealer.error);
    const trusted = trustedKeys(registry.value);
    const verifier = createNodeSignatureVerifier();
    const archive = createBatchArchive();
    const added: LedgerEntry[] = [];
    const results: InboxResult[] = [];
    const nowMs = Date.now();
    lap('open');
    for (const { name, file } of decoded) {
      if (file === undefined) throw new Error(`${name}: not base64`);
      // takeFile hashes every file first: a refused one is archived under that name.
      nodeSha256Hex(file);
      const opened = await openPackage(file, {
        maxFileBytes: maxInboxFileBytes,
        requireSealed: true,
        acceptedKinds: ['pledge', 'declaration', 'sheet'],
        openSeal: (sealed) => unsealer.value.open(sealed),
        keyFor: (id) => trusted.get(id),
        signatureVerifier: verifier,
        sha256Hex: nodeSha256Hex,
      });
      if (!opened.ok) fail(name, opened.error);
      const parsed = inboxPackageSchema.shape.payload.safeParse(opened.value.payload);
      if (!parsed.success || parsed.data.kind !== 'sheet') throw new Error(`${name}: not a sheet`);
      const payload = parsed.data;
      lap('open');
      const state = ledgerOfficeState(ledger, payload.assignmentHash, criteriaFor);
      const verdict = await verifyForOffice(opened.value, state);
      if (!verdict.ok || verdict.value.outcome !== 'accept') throw new Error(`${name}: not accepted`);
      lap('officeChecks');
      const kept = await archive.put(acceptedDir, `${payload.packageId}.qapkg`, file);
      if (!kept.ok) fail(name, kept.error);
      lap('archiveWrite');
      const built = await buildReceipt({
        cycleId: payload.cycleId,
        receiptFor: payload.packageId,
        payloadSha256: opened.value.payloadSha256,
        acceptedSeq: verdict.value.seq,
        officeId: officeIdOf(fingerprint),
        keyId: fingerprint,
        sign: (message) => keys.sign(message),
        status: 'accepted',
        nowMs,
        random: secureRandom,
        appVersion: 'bench',
      });
      if (!built.ok) fail(name, built.error);
      const json = isCanonicalJsonBytes(built.value.payloadBytes);
      const receipt = receiptPayloadSchema.parse(json.ok ? json.value : undefined);
      lap('receipt');
      const entry: AcceptedEntry = {
        type: 'accepted',
        packageId: payload.packageId,
        receivedAt: new Date(nowMs).toISOString(),
        payloadSha256: opened.value.payloadSha256,
        payload,
        name,
        archivedAs: `${payload.packageId}.qapkg`,
        receiptId: receipt.packageId,
        receipt: encodeBase64(built.value.file),
      };
      applyEntry(ledger, entry);
      added.push(entry);
      results.push({
        outcome: 'accepted',
        name,
        packageId: entry.packageId,
        kind: 'sheet',
        expertId: payload.issuer,
        cycleId: payload.cycleId,
        stage: payload.stage,
        applicantId: payload.applicantId,
        seq: payload.seq,
        payloadSha256: entry.payloadSha256,
        receiptId: entry.receiptId,
      });
      lap('officeChecks');
    }
    const flushed = await archive.flush();
    if (!flushed.ok) fail('flush', flushed.error);
    lap('archiveFlush');
    const appended = await journal.append(added);
    if (!appended.ok) fail('ledger append', appended.error);
    lap('indexWrite');
    contract['office:inbox-import'].response.parse(results);
    lap('contract');
  }
  return { wallMs, cpuMs, totalMs: performance.now() - started };
}
