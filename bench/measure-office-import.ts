import { cp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contract } from '../src-shared/contract/channels';
import { encodeBase64 } from '../src-shared/packages/base64';
import { measureAggregation } from './measure-aggregation';
import { bareVerifyPasses, officeReceivingKey, signedBytesOf } from './office-import-bare';
import { officeImportJson, printOfficeImport } from './office-import-report';
import { measureSplit, type OfficeImportSplit } from './office-import-split';
import {
  benchApp,
  benchKdf,
  benchPassphrase,
  buildOfficeImportWorld,
  call,
  officeImportSize,
  type OfficeImportSize,
  type OfficeImportWorld,
} from './office-import-world';

/**
 * Issue 4 item 11: a whole cycle — 50 experts × 20 applicants × 3 stages = 3,000 sealed sheets — imported by the
 * office: verified, archived and indexed by `office:inbox-import`, called through dispatch in batches of 100 base64
 * files as the renderer sends them. Each run starts from its own copy of the office's data folder as it was before its
 * first inbox import (registry, issued assignments, empty inbox), so nothing is cached between runs that a freshly
 * started office would not have. Compared with bare node:crypto Ed25519 verification of the same envelopes.
 * Every package must be accepted, or the benchmark throws instead of reporting a speed.
 */

/** Files per `office:inbox-import` call: 100 sheets are about 1.2 MB of base64, far under the web host's cap. */
const batchSize = 100;
const runCount = 3;

export interface OfficeImportRun {
  /** Wall clock of all calls of the run, first call to last answer. */
  readonly totalMs: number;
  /** CPU time of this process over the same span (user + system): the wall clock minus waiting for a core or disk. */
  readonly cpuMs: number;
  /** Wall clock of each call (100 files each). */
  readonly callMs: readonly number[];
  /** (c) `office:inbox-list` of the cycle right after the import. */
  readonly listMs: number;
  readonly listedPackages: number;
  /** Size of `office/ledger.jsonl` afterwards: every accepted payload and receipt, one line each. */
  readonly ledgerBytes: number;
  /** 1/5/15-minute load averages as the run started. */
  readonly loadAverage: readonly number[];
}

export interface OfficeImportSamples {
  readonly experts: number;
  readonly applicants: number;
  readonly stages: number;
  readonly packages: number;
  readonly batchSize: number;
  readonly kdf: { readonly N: number; readonly r: number; readonly p: number };
  readonly setupMs: number;
  readonly fileBytes: readonly number[];
  readonly runs: readonly OfficeImportRun[];
  /** (b) Wall clock of each timed pass of bare node:crypto Ed25519 verification over the same 3,000 envelopes. */
  readonly bareMs: readonly number[];
  /** (d) Where the import's time goes, measured piece by piece outside the handler. */
  readonly split: OfficeImportSplit;
  readonly loadAverageStart: readonly number[];
  readonly loadAverageEnd: readonly number[];
}

function loadAverage(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}

type FileRequest = { name: string; base64: string };

/** One run on a fresh copy of the prepared office; its copy is deleted afterwards. */
async function importRun(
  world: OfficeImportWorld,
  index: number,
  batches: readonly FileRequest[][],
): Promise<OfficeImportRun> {
  const dataDir = join(world.runsDir, `run-${index + 1}`);
  await cp(world.officeDir, dataDir, { recursive: true });
  try {
    // A freshly started office: new handlers over the copied folder, unlocked once (not timed).
    const office = benchApp(dataDir);
    await call(office, 'identity:unlock', { passphrase: benchPassphrase });
    const load = loadAverage();
    const answers: unknown[] = [];
    const callMs: number[] = [];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const files of batches) {
      const t0 = performance.now();
      const answer = await office('office:inbox-import', { files });
      callMs.push(performance.now() - t0);
      if (!answer.ok) throw new Error(`office:inbox-import: ${answer.error.code} ${answer.error.message}`);
      answers.push(answer.value);
    }
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const results = answers.flatMap((value) => contract['office:inbox-import'].response.parse(value));
    const refused = results.filter((r) => r.outcome !== 'accepted');
    if (results.length !== world.sheets.length || refused.length > 0) {
      const first = refused[0];
      const why =
        first === undefined
          ? ''
          : `; first: ${first.name} ${first.outcome === 'rejected' ? first.code : first.outcome}`;
      throw new Error(`run ${index + 1}: ${results.length - refused.length} of ${world.sheets.length} accepted${why}`);
    }
    const t0 = performance.now();
    const listed = await office('office:inbox-list', { cycleId: world.cycleId });
    const listMs = performance.now() - t0;
    if (!listed.ok) throw new Error(`office:inbox-list: ${listed.error.code} ${listed.error.message}`);
    const list = contract['office:inbox-list'].response.parse(listed.value);
    const sheetsListed = list.packages.filter((p) => p.payload.kind === 'sheet').length;
    if (sheetsListed !== world.sheets.length) {
      throw new Error(`run ${index + 1}: office:inbox-list shows ${sheetsListed} sheets`);
    }
    const ledgerBytes = (await stat(join(dataDir, 'office', 'ledger.jsonl'))).size;
    return {
      totalMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      callMs,
      listMs,
      listedPackages: list.packages.length,
      ledgerBytes,
      loadAverage: load,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Builds the cycle (minutes), then measures (a)–(d); the temp folders are deleted in every case. */
export async function measureOfficeImport(
  log: (message: string) => void = () => {},
  size: OfficeImportSize = officeImportSize,
): Promise<OfficeImportSamples> {
  const loadAverageStart = loadAverage();
  const world = await buildOfficeImportWorld(log, size);
  try {
    log(`setup took ${(world.setupMs / 1000).toFixed(0)} s; ${world.sheets.length} sheets`);
    // The renderer encodes the picked files; main receives base64 and decodes it (inside the timing).
    const requests = world.sheets.map((f) => ({ name: f.name, base64: encodeBase64(f.bytes) }));
    const batches: FileRequest[][] = [];
    for (let i = 0; i < requests.length; i += batchSize) batches.push(requests.slice(i, i + batchSize));
    const runs: OfficeImportRun[] = [];
    for (let i = 0; i < runCount; i += 1) {
      log(`(a) run ${i + 1} of ${runCount}: office:inbox-import × ${batches.length}, then office:inbox-list`);
      runs.push(await importRun(world, i, batches));
    }
    log('(b) bare node:crypto Ed25519 verification of the same envelopes');
    const receivingKey = await officeReceivingKey(world.officeDir, benchPassphrase);
    const bareMs = bareVerifyPasses(signedBytesOf(world.sheets, receivingKey, world.signingKeys), runCount);
    log('(d) the import taken apart, piece by piece');
    const split = await measureSplit(world, receivingKey);
    return {
      experts: size.experts,
      applicants: size.applicants,
      stages: size.stages.length,
      packages: world.sheets.length,
      batchSize,
      kdf: benchKdf,
      setupMs: world.setupMs,
      fileBytes: world.sheets.map((f) => f.bytes.length),
      runs,
      bareMs,
      split,
      loadAverageStart,
      loadAverageEnd: loadAverage(),
    };
  } finally {
    await world.remove();
  }
}

/** `npx tsx bench/measure-office-import.ts`: this measurement alone, with the aggregation figure beside it. */
async function main(): Promise<void> {
  const samples = await measureOfficeImport((message) => console.log(`· ${message}`));
  console.log('· aggregation of the same cycle size (bench/measure-aggregation.ts), 20 runs after 3 warm-up');
  const aggregation = measureAggregation(20, 3);
  printOfficeImport(samples, aggregation);
  const path = 'reports/office-import.json';
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(officeImportJson(samples), null, 2)}\n`);
  console.log(`raw numbers: ${path}`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  main().catch((error: unknown) => {
    console.error('benchmark crashed:', error);
    process.exitCode = 1;
  });
}
