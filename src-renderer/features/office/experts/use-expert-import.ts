import { useState } from 'react';
import type { ExpertRecord, FileRejection } from '../../../../src-shared/contract/office-channels';
import { toBase64 } from '../../../components/file-bytes';
import { useServices } from '../../../components/services';
import { batchFiles, type PickedFile } from './expert-input';

/** An enrollment package is a few kilobytes; anything near this is not one, and is refused before it is sent. */
export const MAX_ENROLLMENT_BYTES = 4 * 1024 * 1024;
/** base64 characters per request, well under the web host's 16 MiB body limit. */
const MAX_BATCH_CHARS = 12 * 1024 * 1024;

export interface ExpertImportSummary {
  readonly files: number;
  readonly imported: readonly ExpertRecord[];
  readonly rejected: readonly FileRejection[];
}

export type ExpertImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly done: number; readonly total: number }
  | { readonly phase: 'done'; readonly summary: ExpertImportSummary };

/**
 * Reads the chosen enrollment files and sends them to main in batches; main verifies each on its own, so one bad file
 * never stops the others. A request main refuses as a whole (a transport fault) counts against each of its files.
 */
export function useExpertImport(onImported: () => void) {
  const { client } = useServices();
  const [state, setState] = useState<ExpertImportState>({ phase: 'idle' });

  const importFiles = async (files: readonly File[]): Promise<void> => {
    const total = files.length;
    const imported: ExpertRecord[] = [];
    const rejected: FileRejection[] = [];
    const picked: PickedFile[] = [];
    setState({ phase: 'busy', done: 0, total });
    for (const file of files) {
      if (file.size > MAX_ENROLLMENT_BYTES) {
        rejected.push({
          name: file.name,
          code: 'E_TOO_LARGE',
          params: { size: file.size, limit: MAX_ENROLLMENT_BYTES },
        });
        continue;
      }
      picked.push({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
    }
    let done = rejected.length;
    for (const batch of batchFiles(picked, MAX_BATCH_CHARS)) {
      setState({ phase: 'busy', done, total });
      const answer = await client.call('office:experts-import', { files: batch });
      if (answer.ok) {
        imported.push(...answer.value.imported);
        rejected.push(...answer.value.rejected);
      } else {
        const params = answer.error.params ?? {};
        rejected.push(...batch.map((file) => ({ name: file.name, code: answer.error.code, params: { ...params } })));
      }
      done += batch.length;
    }
    setState({ phase: 'done', summary: { files: total, imported, rejected } });
    onImported();
  };

  return { state, importFiles };
}
