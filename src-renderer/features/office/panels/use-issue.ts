import { useState } from 'react';
import { bytesFromBase64 } from '../../../components/file-bytes';
import { saveFile } from '../../../components/save-file';
import { useServices } from '../../../components/services';
import { countAssignmentsIssued } from '../../../data/office-cycle-repository';
import { listOfficePanels } from '../../../data/office-panel-repository';
import type { OfficePanelRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import type { PanelsData } from './load-panels-data';
import { issueRequests, panelNames, type IssueRequest, type PanelProblem } from './panel-rules';

/** A signed assignment file, kept on the page so it can be saved again (the office may cancel the folder dialog). */
export interface IssuedFile {
  readonly fileName: string;
  readonly base64: string;
  readonly expertId: string;
  readonly panelId: string;
}

export type IssueState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly done: number; readonly total: number }
  | {
      readonly phase: 'done';
      readonly files: readonly IssuedFile[];
      readonly problems: readonly PanelProblem[];
      /** The folder the desktop app wrote to; null in the browser (downloads) or when the office cancelled. */
      readonly folder: string | null;
    };

/** The package is opaque bytes to the browser; the .qapkg name tells the expert's app what it is. */
export const ASSIGNMENT_MEDIA_TYPE = 'application/octet-stream';

/**
 * Issues the assignments of one or more panels: every panel is checked first and nothing is issued when one of them
 * has a problem (a conflict, an unconfirmed expert…); then main signs and seals one package per expert, one at a time
 * with progress. A refusal from main is listed and does not stop the others. The files are saved (a folder in the
 * desktop app, downloads in the browser) and the cycle counts them, which freezes what experts received.
 */
export function useIssue(data: PanelsData, onIssued: () => void) {
  const { t } = useI18n();
  const { client, db, now, transport } = useServices();
  const [state, setState] = useState<IssueState>({ phase: 'idle' });

  const issue = async (shown: readonly OfficePanelRow[], deadline: string): Promise<void> => {
    const requests: IssueRequest[] = [];
    const problems: PanelProblem[] = [];
    // The stored rows, not the ones on screen: a save just made (a site panel's issues to verify) must be what is
    // issued even before the page has reloaded its data.
    const stored = new Map((await listOfficePanels(db, data.cycle.id, now)).map((row) => [row.id, row]));
    const panels = shown.map((panel) => stored.get(panel.id) ?? panel);
    for (const panel of panels) {
      const checked = issueRequests({
        cycleId: data.cycle.id,
        settings: data.cycle.settings,
        panel,
        others: [...stored.values()],
        deadline,
        experts: data.experts,
        applicants: data.applicants,
        declared: data.declared,
      });
      requests.push(...checked.requests);
      problems.push(...checked.problems.map((p) => ({ ...p, subject: p.subject ?? panel.name })));
    }
    if (problems.length > 0) {
      setState({ phase: 'done', files: [], problems, folder: null });
      return;
    }
    const names = panelNames(data.experts, data.applicants);
    const files: IssuedFile[] = [];
    for (const [index, request] of requests.entries()) {
      setState({ phase: 'busy', done: index, total: requests.length });
      const answer = await client.call('office:assignment-issue', request);
      if (answer.ok) {
        const { fileName, base64, expertId, panelId } = answer.value;
        files.push({ fileName, base64, expertId, panelId });
      } else problems.push({ subject: names.expert(request.expertId), error: answer.error });
    }
    let folder: string | null = null;
    if (files.length > 0) {
      const counted = await countAssignmentsIssued(db, data.cycle.id, files.length, now);
      if (!counted.ok) problems.push({ subject: null, error: counted.error });
      const saved = await saveAll(files);
      if (saved.error !== undefined) problems.push({ subject: null, error: saved.error });
      folder = saved.folder;
    }
    setState({ phase: 'done', files, problems, folder });
    onIssued();
  };

  /** The desktop app asks for one folder and main writes every file there; the browser downloads each file. */
  const saveAll = async (
    files: readonly IssuedFile[],
  ): Promise<{ folder: string | null; error?: PanelProblem['error'] }> => {
    if (transport === 'electron') {
      const written = await client.call('files:save-to-folder', {
        title: t('officePanels.chooseFolder'),
        files: files.map(({ fileName, base64 }) => ({ fileName, base64 })),
      });
      return written.ok ? { folder: written.value.folder } : { folder: null, error: written.error };
    }
    for (const file of files) saveFile(file.fileName, bytesFromBase64(file.base64), ASSIGNMENT_MEDIA_TYPE);
    return { folder: null };
  };

  return { state, issue };
}
