import { useState } from 'react';
import { useServices } from '../../../components/services';
import { runInboxImport, type ImportReport, type PickedFile } from './inbox-import-run';
import { takePackages } from './inbox-batches';

export type InboxImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly done: number; readonly total: number; readonly skipped: number }
  | { readonly phase: 'done'; readonly report: ImportReport; readonly skipped: number };

/**
 * Imports packages the office picked, dropped or found in a folder: only .qapkg files are taken (others counted as
 * skipped), sent in bounded batches with progress. The rest of the page stays live meanwhile; `onFinished` lets it
 * reload the inbox.
 */
export function useInboxImport(onFinished: () => void) {
  const { client } = useServices();
  const [state, setState] = useState<InboxImportState>({ phase: 'idle' });

  const importFiles = async (files: readonly PickedFile[]): Promise<void> => {
    const { packages, skipped } = takePackages(files);
    setState({ phase: 'busy', done: 0, total: packages.length, skipped });
    const report = await runInboxImport(packages, {
      send: (batch) => client.call('office:inbox-import', { files: batch }),
      onProgress: (done, total) => setState({ phase: 'busy', done, total, skipped }),
    });
    setState({ phase: 'done', report, skipped });
    onFinished();
  };

  return { state, importFiles };
}
