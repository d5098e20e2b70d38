import { useState } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import type { ErrorCode } from '../../../src-shared/contract/error-codes';
import { toBase64 } from '../../components/file-bytes';
import { useServices } from '../../components/services';
import { applyReceipts } from '../../data/outbox-repository';

/** One problem met while importing receipts: a whole file refused, or one receipt in it. */
export interface ReceiptProblem {
  readonly file: string;
  readonly error: Pick<AppError, 'code' | 'params'>;
}

export interface ReceiptImportSummary {
  readonly files: number;
  readonly confirmed: number;
  readonly alreadyConfirmed: number;
  readonly problems: readonly ReceiptProblem[];
}

export type ReceiptImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly done: number; readonly total: number }
  | { readonly phase: 'done'; readonly summary: ReceiptImportSummary };

function problem(file: string, code: ErrorCode, params: AppError['params']): ReceiptProblem {
  return { file, error: params === undefined ? { code } : { code, params } };
}

/**
 * Imports receipts files chosen by the expert, one file at a time: main verifies each receipt with the pinned office
 * key and keeps it; the outbox then marks the packages they answer confirmed. A refused file or receipt is listed with
 * its code and does not stop the others.
 */
export function useReceiptImport(onApplied: () => void) {
  const { client, db, now } = useServices();
  const [state, setState] = useState<ReceiptImportState>({ phase: 'idle' });

  const importFiles = async (files: readonly File[]): Promise<void> => {
    let confirmed = 0;
    let alreadyConfirmed = 0;
    const problems: ReceiptProblem[] = [];
    for (const [index, file] of files.entries()) {
      setState({ phase: 'busy', done: index, total: files.length });
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const verified = await client.call('receipts:import', { base64 });
      if (!verified.ok) {
        problems.push(problem(file.name, verified.error.code, verified.error.params));
        continue;
      }
      for (const rejected of verified.value.rejected) {
        problems.push(problem(`${file.name} #${rejected.index + 1}`, rejected.code, rejected.params));
      }
      const applied = await applyReceipts(db, verified.value.receipts, now);
      if (!applied.ok) {
        problems.push(problem(file.name, applied.error.code, applied.error.params));
        continue;
      }
      for (const outcome of applied.value) {
        if (outcome.outcome === 'refused')
          problems.push(problem(file.name, outcome.code, { packageId: outcome.receiptFor }));
        else if (outcome.outcome === 'confirmed') confirmed += 1;
        else alreadyConfirmed += 1;
      }
    }
    setState({ phase: 'done', summary: { files: files.length, confirmed, alreadyConfirmed, problems } });
    onApplied();
  };

  return { state, importFiles };
}
