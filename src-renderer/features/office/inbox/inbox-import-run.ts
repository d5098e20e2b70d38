import type { InboxResult } from '../../../../src-shared/contract/office-channels';
import type { AppError, Result } from '../../../../src-shared/contract/result';
import { toBase64 } from '../../../components/file-bytes';
import { defaultBatchLimits, maxFileBytes, planBatches, type BatchLimits } from './inbox-batches';

/** What the run needs of a picked file (a DOM `File` fits; tests pass their own). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type InboxAccepted = Extract<InboxResult, { outcome: 'accepted' | 'duplicate' }>;

/** A refused file: by main (kept unchanged under its SHA-256) or here, before sending (`sha256` null). */
export interface ImportRejection {
  readonly name: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly sha256: string | null;
}

/** A call that did not answer (transport, bad request): its files were not judged and can be imported again. */
export interface BatchFailure {
  readonly names: readonly string[];
  readonly error: Pick<AppError, 'code' | 'params'>;
}

export interface ImportReport {
  readonly total: number;
  readonly accepted: readonly InboxAccepted[];
  readonly rejected: readonly ImportRejection[];
  readonly failures: readonly BatchFailure[];
}

export interface ImportDeps {
  readonly send: (files: { name: string; base64: string }[]) => Promise<Result<InboxResult[]>>;
  readonly onProgress: (done: number, total: number) => void;
  readonly limits?: BatchLimits;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends the files batch by batch, reading each batch's bytes only when it is sent (a folder of hundreds of packages
 * is never held in memory at once). A batch that fails is recorded and the next one still runs; progress counts
 * files whose fate is known.
 */
export async function runInboxImport(files: readonly PickedFile[], deps: ImportDeps): Promise<ImportReport> {
  const limits = deps.limits ?? defaultBatchLimits;
  const plan = planBatches(
    files.map((file) => file.size),
    limits,
  );
  const accepted: InboxAccepted[] = [];
  const rejected: ImportRejection[] = [];
  const failures: BatchFailure[] = [];
  for (const index of plan.tooLarge) {
    const file = files[index];
    if (file === undefined) continue;
    rejected.push({
      name: file.name,
      code: 'E_TOO_LARGE',
      params: { size: file.size, limit: maxFileBytes(limits) },
      sha256: null,
    });
  }
  let done = plan.tooLarge.length;
  deps.onProgress(done, files.length);
  for (const batch of plan.batches) {
    const picked = batch.flatMap((index) => files[index] ?? []);
    const encoded: { name: string; base64: string }[] = [];
    for (const file of picked) {
      try {
        encoded.push({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
      } catch (error) {
        // The file vanished or became unreadable after it was picked (a USB stick pulled out).
        rejected.push({ name: file.name, code: 'E_INTERNAL', params: { detail: detailOf(error) }, sha256: null });
      }
    }
    if (encoded.length > 0) {
      const answer = await deps.send(encoded).catch((error: unknown): Result<InboxResult[]> => ({
        ok: false,
        error: { code: 'E_TRANSPORT', message: detailOf(error), params: { detail: detailOf(error) } },
      }));
      if (!answer.ok) {
        const { code, params } = answer.error;
        const error = params === undefined ? { code } : { code, params };
        failures.push({ names: encoded.map((file) => file.name), error });
      } else {
        for (const result of answer.value) {
          if (result.outcome === 'rejected') rejected.push(result);
          else accepted.push(result);
        }
      }
    }
    done += picked.length;
    deps.onProgress(done, files.length);
  }
  return { total: files.length, accepted, rejected, failures };
}

/** The numbers of the summary line: accepted, duplicates, refused, and files not judged because a call failed. */
export function countReport(report: ImportReport): {
  readonly files: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly failed: number;
} {
  const duplicates = report.accepted.filter((item) => item.outcome === 'duplicate').length;
  return {
    files: report.total,
    accepted: report.accepted.length - duplicates,
    duplicates,
    rejected: report.rejected.length,
    failed: report.failures.reduce((sum, failure) => sum + failure.names.length, 0),
  };
}
