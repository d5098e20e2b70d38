import { perSecond, type Breakdown, type PackageSamples } from './measure-packages';
import { round, summarize, type Summary } from './stats';

/** The package figures the report table and the JSON need (issue 3 item 12). */
export interface PackageFigures {
  readonly signSealPerSecond: number;
  readonly pipelinePerSecond: number;
  /** Context: the pipeline with src-shared's WebCrypto HPKE and a key import per signature. */
  readonly pipelineWebCryptoPerSecond: number;
  readonly barePerSecond: number;
  /** Context: node:crypto's Ed25519 verify alone (main's signature step). */
  readonly bareNodePerSecond: number;
  /** Wall clock of the sequential pipeline ÷ that of bare verification, over the same packages. */
  readonly pipelineOverBare: number;
}

export function packageFigures(p: PackageSamples): PackageFigures {
  return {
    signSealPerSecond: perSecond(p.signSeal),
    pipelinePerSecond: perSecond(p.pipeline),
    pipelineWebCryptoPerSecond: perSecond(p.pipelineWebCrypto),
    barePerSecond: perSecond(p.bareVerify),
    bareNodePerSecond: perSecond(p.bareVerifyNode),
    pipelineOverBare: p.pipeline.totalMs / p.bareVerify.totalMs,
  };
}

const steps: readonly [keyof Breakdown, string][] = [
  ['unsealMs', 'unseal (node:crypto HPKE)'],
  ['containerEnvelopeMs', 'container + envelope'],
  ['signatureMs', 'signature (node:crypto)'],
  ['canonicalSchemaMs', 'canonical JSON + schema + hash'],
  ['officeMs', 'office checks (steps 8–11)'],
];

export function packageSummaries(p: PackageSamples): Record<string, Summary> {
  return {
    packageSignSeal: summarize(p.signSeal.ms),
    packagePipeline: summarize(p.pipeline.ms),
    packagePipelineWebCrypto: summarize(p.pipelineWebCrypto.ms),
    packageBareVerify: summarize(p.bareVerify.ms),
    packageBareVerifyNode: summarize(p.bareVerifyNode.ms),
    ...Object.fromEntries(steps.map(([key]) => [`package-${key}`, summarize(p.breakdown[key])])),
  };
}

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const rate = (value: number): string => `${Math.round(value)} /s`;

/** The context block under the table: the three rates with per-package times, and where the time goes. */
export function printPackageContext(p: PackageSamples): void {
  const f = packageFigures(p);
  const kb = (values: readonly number[]): string => `${(summarize(values).median / 1000).toFixed(1)} kB`;
  console.log(
    `\npackages: ${p.count} sheets (${p.itemsPerSheet} items, median ${summarize(p.commentsPerSheet).median} comments, ` +
      `PAE ${kb(p.paeBytes)}, sealed file ${kb(p.fileBytes)}), ${p.experts} experts, one at a time, ` +
      `after ${p.warmup} warm-up packages`,
  );
  const line = (label: string, perSec: number, values: readonly number[]): string => {
    const s = summarize(values);
    return `  ${label.padEnd(22)} ${rate(perSec).padStart(8)}   median ${ms(s.median)}, p95 ${ms(s.p95)}`;
  };
  console.log(line('sign + seal', f.signSealPerSecond, p.signSeal.ms));
  console.log(line('verify pipeline', f.pipelinePerSecond, p.pipeline.ms));
  console.log(line('  WebCrypto only', f.pipelineWebCryptoPerSecond, p.pipelineWebCrypto.ms));
  console.log(line('bare Ed25519 verify', f.barePerSecond, p.bareVerify.ms));
  console.log(line('  node:crypto verify', f.bareNodePerSecond, p.bareVerifyNode.ms));
  console.log(`  pipeline ÷ bare (WebCrypto) verify: ${f.pipelineOverBare.toFixed(1)}×`);
  const means = steps.map(([key, label]) => [label, summarize(p.breakdown[key]).mean] as const);
  const sum = means.reduce((total, [, mean]) => total + mean, 0);
  console.log(
    `  where the pipeline's time goes (separate pass, mean per package; sum ${ms(sum)}, ` +
      `pipeline mean ${ms(summarize(p.pipeline.ms).mean)}):`,
  );
  for (const [label, mean] of means) {
    console.log(`    ${label.padEnd(32)} ${ms(mean).padStart(10)}  ${((mean / sum) * 100).toFixed(0).padStart(3)} %`);
  }
}

/** The package part of reports/bench.json: rates, ratio, plan and every raw timing. */
export function packageJson(p: PackageSamples): Record<string, unknown> {
  const f = packageFigures(p);
  const all = (values: readonly number[]): number[] => values.map((v) => round(v, 3));
  return {
    count: p.count,
    warmup: p.warmup,
    experts: p.experts,
    itemsPerSheet: p.itemsPerSheet,
    perSecond: {
      signSeal: round(f.signSealPerSecond, 1),
      pipeline: round(f.pipelinePerSecond, 1),
      pipelineWebCrypto: round(f.pipelineWebCryptoPerSecond, 1),
      bareVerify: round(f.barePerSecond, 1),
      bareVerifyNode: round(f.bareNodePerSecond, 1),
    },
    pipelineOverBare: round(f.pipelineOverBare, 2),
    totalMs: {
      signSeal: round(p.signSeal.totalMs),
      pipeline: round(p.pipeline.totalMs),
      pipelineWebCrypto: round(p.pipelineWebCrypto.totalMs),
      bareVerify: round(p.bareVerify.totalMs),
      bareVerifyNode: round(p.bareVerifyNode.totalMs),
    },
    raw: {
      signSealMs: all(p.signSeal.ms),
      pipelineMs: all(p.pipeline.ms),
      pipelineWebCryptoMs: all(p.pipelineWebCrypto.ms),
      bareVerifyMs: all(p.bareVerify.ms),
      bareVerifyNodeMs: all(p.bareVerifyNode.ms),
      breakdown: Object.fromEntries(steps.map(([key]) => [key, all(p.breakdown[key])])),
      commentsPerSheet: p.commentsPerSheet,
      paeBytes: p.paeBytes,
      fileBytes: p.fileBytes,
    },
  };
}
