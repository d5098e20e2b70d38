import { AGGREGATION_TARGET_MS, type AggregationSamples } from './measure-aggregation';
import type { OfficeImportSamples } from './measure-office-import';
import { splitPieces, type SplitPiece } from './office-import-split';
import { median, round, summarize } from './stats';

/** Issue 4's targets on this machine: the whole import, and the import against bare signature verification. */
export const OFFICE_IMPORT_TARGET_MS = 3000;
export const OFFICE_IMPORT_OVER_BARE_TARGET = 2;

/** The office import's figures (issue 4 item 11) for the report table, the context block and the JSON. */
export interface OfficeImportFigures {
  /** Median and best wall clock of the runs, all 3,000 packages. */
  readonly medianMs: number;
  readonly bestMs: number;
  /** Median over every call of the call's wall clock ÷ its files. */
  readonly perPackageMedianMs: number;
  readonly cpuMedianMs: number;
  /** Median wall clock of the bare verification passes over the same envelopes. */
  readonly bareMs: number;
  /** Median import ÷ median bare verification. */
  readonly overBare: number;
  readonly listMedianMs: number;
}

export function officeImportFigures(s: OfficeImportSamples): OfficeImportFigures {
  const totals = s.runs.map((r) => r.totalMs);
  // Every call takes `batchSize` files but the last, which takes the rest.
  const filesIn = (call: number): number => Math.min(s.batchSize, s.packages - call * s.batchSize);
  const perPackage = s.runs.flatMap((r) => r.callMs.map((ms, call) => ms / filesIn(call)));
  const bareMs = median(s.bareMs);
  return {
    medianMs: median(totals),
    bestMs: Math.min(...totals),
    perPackageMedianMs: median(perPackage),
    cpuMedianMs: median(s.runs.map((r) => r.cpuMs)),
    bareMs,
    overBare: median(totals) / bareMs,
    listMedianMs: median(s.runs.map((r) => r.listMs)),
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The report table's rows (the shape of report.ts's rows): the median run against each target. */
export function officeImportRows(s: OfficeImportSamples) {
  const f = officeImportFigures(s);
  return [
    {
      name: `office import: ${s.packages} packages (median of ${s.runs.length})`,
      median: `${f.medianMs.toFixed(0)} ms`,
      p95: `best ${f.bestMs.toFixed(0)} ms`,
      target: `≤ ${OFFICE_IMPORT_TARGET_MS} ms`,
      ratio: f.medianMs / OFFICE_IMPORT_TARGET_MS,
    },
    {
      name: 'office import ÷ bare Ed25519 verify',
      median: '—',
      p95: `${f.overBare.toFixed(1)}×`,
      target: `≤ ${OFFICE_IMPORT_OVER_BARE_TARGET}×`,
      ratio: f.overBare / OFFICE_IMPORT_OVER_BARE_TARGET,
    },
  ];
}

/** One line for the progress log. */
export function officeImportLine(s: OfficeImportSamples): string {
  const f = officeImportFigures(s);
  return (
    `office import: ${s.packages} sheets in calls of ${s.batchSize}, ${s.runs.length} runs: ` +
    `median ${seconds(f.medianMs)}, best ${seconds(f.bestMs)} (target ≤ ${seconds(OFFICE_IMPORT_TARGET_MS)}), ` +
    `${f.perPackageMedianMs.toFixed(2)} ms per package; bare Ed25519 ${f.bareMs.toFixed(0)} ms ` +
    `(import ÷ bare ${f.overBare.toFixed(1)}×, target ≤ ${OFFICE_IMPORT_OVER_BARE_TARGET}×); ` +
    `inbox-list ${f.listMedianMs.toFixed(0)} ms`
  );
}

const met = (ok: boolean): string => (ok ? 'met' : 'MISSED');

/** The context block: every run, the bare floor, (c), where the time goes and, when given, the aggregation. */
export function printOfficeImport(s: OfficeImportSamples, aggregation?: AggregationSamples): void {
  const f = officeImportFigures(s);
  const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `\noffice import (issue 4): ${s.experts} experts × ${s.applicants} applicants × ${s.stages} stages = ` +
      `${s.packages} sealed sheets (median file ${kb(median(s.fileBytes))}, ` +
      `${(s.fileBytes.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB in all), office:inbox-import in calls of ` +
      `${s.batchSize}; setup ${seconds(s.setupMs)} with scrypt N = 2^${Math.log2(s.kdf.N)}`,
  );
  console.log(
    `  load average (1/5/15 min): ${s.loadAverageStart.join(' ')} at start, ${s.loadAverageEnd.join(' ')} at end`,
  );
  for (const [index, run] of s.runs.entries()) {
    const calls = summarize(run.callMs);
    console.log(
      `  run ${index + 1} (load ${run.loadAverage[0] ?? '?'}): ${seconds(run.totalMs)}, CPU ${seconds(run.cpuMs)}, ` +
        `call of ${s.batchSize} median ${calls.median.toFixed(0)} ms, p95 ${calls.p95.toFixed(0)} ms; ` +
        `inbox-list ${run.listMs.toFixed(0)} ms (${run.listedPackages} packages); ` +
        `ledger ${(run.ledgerBytes / 1e6).toFixed(1)} MB`,
    );
  }
  console.log(
    `  (a) import: median ${seconds(f.medianMs)}, best ${seconds(f.bestMs)}, target ≤ ${seconds(OFFICE_IMPORT_TARGET_MS)}: ` +
      `${met(f.medianMs <= OFFICE_IMPORT_TARGET_MS)}; per package median ${f.perPackageMedianMs.toFixed(2)} ms`,
  );
  console.log(
    `  (b) bare node:crypto Ed25519 verify of the same envelopes: ${s.bareMs.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}; ` +
      `import ÷ bare ${f.overBare.toFixed(1)}×, target ≤ ${OFFICE_IMPORT_OVER_BARE_TARGET}×: ` +
      met(f.overBare <= OFFICE_IMPORT_OVER_BARE_TARGET),
  );
  console.log(`  (c) office:inbox-list of the cycle afterwards: median ${f.listMedianMs.toFixed(0)} ms`);
  const sum = (values: Readonly<Record<SplitPiece, number>>): number =>
    splitPieces.reduce((total, [key]) => total + values[key], 0);
  const wall = sum(s.split.wallMs);
  const cpu = sum(s.split.cpuMs);
  console.log(
    `  (d) where the time goes (a separate pass through the same services in the handler's order; ` +
      `pass ${seconds(s.split.totalMs)}, wall ${seconds(wall)} and CPU ${seconds(cpu)} in the pieces):`,
  );
  for (const [key, label] of splitPieces) {
    const part = (ms: number, of: number): string =>
      `${ms.toFixed(0).padStart(6)} ms ${((ms / of) * 100).toFixed(0).padStart(3)} %`;
    console.log(
      `    ${label.padEnd(62)} wall ${part(s.split.wallMs[key], wall)}, CPU ${part(s.split.cpuMs[key], cpu)}`,
    );
  }
  if (aggregation !== undefined) {
    const agg = summarize(aggregation.totalMs);
    console.log(
      `  then aggregated (bench/measure-aggregation.ts, ${aggregation.sheets} sheets): median ${agg.median.toFixed(1)} ms, ` +
        `p95 ${agg.p95.toFixed(1)} ms, target ≤ ${AGGREGATION_TARGET_MS} ms: ${met(agg.p95 <= AGGREGATION_TARGET_MS)}`,
    );
  }
}

/** The office import part of reports/bench.json (and of reports/office-import.json when run alone). */
export function officeImportJson(s: OfficeImportSamples): Record<string, unknown> {
  const f = officeImportFigures(s);
  const all = (values: readonly number[]): number[] => values.map((v) => round(v));
  return {
    size: { experts: s.experts, applicants: s.applicants, stages: s.stages, packages: s.packages },
    batchSize: s.batchSize,
    kdf: s.kdf,
    setupMs: round(s.setupMs, 0),
    targets: { importMs: OFFICE_IMPORT_TARGET_MS, importOverBare: OFFICE_IMPORT_OVER_BARE_TARGET },
    figures: Object.fromEntries(Object.entries(f).map(([key, value]) => [key, round(value)])),
    met: { import: f.medianMs <= OFFICE_IMPORT_TARGET_MS, overBare: f.overBare <= OFFICE_IMPORT_OVER_BARE_TARGET },
    loadAverageStart: s.loadAverageStart,
    loadAverageEnd: s.loadAverageEnd,
    runs: s.runs.map((r) => ({
      totalMs: round(r.totalMs),
      cpuMs: round(r.cpuMs),
      listMs: round(r.listMs),
      listedPackages: r.listedPackages,
      ledgerBytes: r.ledgerBytes,
      loadAverage: r.loadAverage,
      callMs: all(r.callMs),
    })),
    bareMs: all(s.bareMs),
    split: {
      totalMs: round(s.split.totalMs),
      wallMs: Object.fromEntries(splitPieces.map(([key]) => [key, round(s.split.wallMs[key])])),
      cpuMs: Object.fromEntries(splitPieces.map(([key]) => [key, round(s.split.cpuMs[key])])),
    },
    fileBytes: { median: median(s.fileBytes), total: s.fileBytes.reduce((a, b) => a + b, 0) },
  };
}
