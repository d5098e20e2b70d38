/**
 * How picked files are cut into `office:inbox-import` calls. The contract takes at most 500 files per call, and a
 * batch is bounded both by a count and by its total base64 size so that most calls stay small. A file over that size
 * (a site-visit sheet with its photos) goes alone, up to the single-file bound (the web host takes file channels up to
 * 128 MiB of body). A file over the single-file bound can never be sent; it is refused here (E_TOO_LARGE) and never
 * read.
 */

export interface BatchLimits {
  readonly maxFiles: number;
  /** The sum of the batch's base64 lengths, in characters (= bytes in the request body). */
  readonly maxBase64Chars: number;
  /** The base64 length of a file sent alone; at least maxBase64Chars. */
  readonly maxSoloBase64Chars: number;
}

const MiB = 1024 * 1024;
/** 120 MiB of base64 is 90 MiB of file: 30 photos of 3 MB with room for the sheet, under the host's 128 MiB body. */
export const defaultBatchLimits: BatchLimits = {
  maxFiles: 50,
  maxBase64Chars: 12 * MiB,
  maxSoloBase64Chars: 120 * MiB,
};

/** The length of the base64 text of `bytes` bytes (padded, as btoa writes it). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** The largest file (in bytes) whose base64 still fits the size bound: what E_TOO_LARGE reports as its limit. */
export function maxFileBytes(limits: BatchLimits): number {
  return Math.floor(limits.maxSoloBase64Chars / 4) * 3;
}

export interface BatchPlan {
  /** Indexes into the input, in input order, each batch non-empty and within the limits. */
  readonly batches: readonly (readonly number[])[];
  /** Indexes of files too large to send at all. */
  readonly tooLarge: readonly number[];
}

/** Greedy in input order: a file goes into the current batch unless it would break a limit, then a new one starts. */
export function planBatches(sizes: readonly number[], limits: BatchLimits = defaultBatchLimits): BatchPlan {
  const batches: number[][] = [];
  const tooLarge: number[] = [];
  let current: number[] = [];
  let chars = 0;
  for (const [index, size] of sizes.entries()) {
    const length = base64Length(size);
    if (length > limits.maxSoloBase64Chars) {
      tooLarge.push(index);
      continue;
    }
    if (length > limits.maxBase64Chars) {
      if (current.length > 0) batches.push(current);
      batches.push([index]);
      current = [];
      chars = 0;
      continue;
    }
    if (current.length > 0 && (current.length >= limits.maxFiles || chars + length > limits.maxBase64Chars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(index);
    chars += length;
  }
  if (current.length > 0) batches.push(current);
  return { batches, tooLarge };
}

/** Only signed packages are taken from a folder; anything else there (a README, a .qarcpt) is counted as skipped. */
export function isPackageFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.qapkg');
}

const kindRank: Readonly<Record<string, number>> = { pledge: 0, declaration: 1, sheet: 2 };

/**
 * Where a file goes in the import order, from the name the expert's app gives it (`pledge-…`, `declaration-<applicant>-
 * v2-…`, `sheet-<applicant>-v1-…`, possibly behind a prefix): pledges, then declarations, then sheets, each by
 * version. The office verifies files in the order it gets them, and a chain's version 2 before its version 1 is a gap
 * (E_GAP), a sheet before the declaration that recuses its expert would be accepted; the outbox exports newest first.
 * A renamed file keeps its place among the unknown ones, last; main still verifies whatever the order.
 */
export function importRank(name: string): readonly [number, number] {
  const kind = /(?:^|[-_ ])(pledge|declaration|sheet)-/.exec(name)?.[1];
  const version = Number(/-v(\d+)-/.exec(name)?.[1] ?? '0');
  return [kind === undefined ? 3 : (kindRank[kind] ?? 3), version];
}

/** Splits files into packages to import, in import order (importRank; stable), and the number of other files. */
export function takePackages<F extends { readonly name: string }>(
  files: readonly F[],
): { readonly packages: F[]; readonly skipped: number } {
  const packages = files
    .filter((file) => isPackageFileName(file.name))
    .map((file, index) => ({ file, index, rank: importRank(file.name) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map(({ file }) => file);
  return { packages, skipped: files.length - packages.length };
}
