import { useId, useState, type DragEvent } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { useI18n } from '../../../i18n/i18n';
import { asPicked, droppedFiles } from './inbox-drop';
import type { PickedFile } from './inbox-import-run';

/** Chromium's attribute for a folder picker; React has no typed prop for it, so it is set on the element. */
function markFolderPicker(input: HTMLInputElement | null): void {
  input?.setAttribute('webkitdirectory', '');
}

function takeFiles(input: HTMLInputElement): PickedFile[] {
  const files = Array.from(input.files ?? []).map((file) => asPicked(file));
  // Cleared so that choosing the same files again still fires a change.
  input.value = '';
  return files;
}

/**
 * The three ways in: a file picker (several .qapkg), a folder picker (every file inside, non-packages skipped
 * later) and a drop zone for files or folders. The drop zone is a mouse convenience; both pickers are buttons.
 */
export function InboxPickers({ busy, onFiles }: { busy: boolean; onFiles: (files: PickedFile[]) => void }) {
  const { t } = useI18n();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setOver(false);
    if (busy) return;
    setDropError(undefined);
    droppedFiles(event.dataTransfer).then(
      (files) => {
        if (files.length > 0) onFiles(files);
      },
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        setDropError({ code: 'E_INTERNAL', params: { detail } });
      },
    );
  };

  return (
    <>
      <div className="inbox-pickers">
        <label className="button primary import-button">
          {t('officeInbox.import.files')}
          <input
            type="file"
            multiple
            accept=".qapkg"
            className="visually-hidden"
            disabled={busy}
            data-testid="inbox-files"
            onChange={(event) => {
              const files = takeFiles(event.currentTarget);
              if (files.length > 0) onFiles(files);
            }}
          />
        </label>
        <label className="button import-button">
          {t('officeInbox.import.folder')}
          <input
            type="file"
            multiple
            ref={markFolderPicker}
            className="visually-hidden"
            disabled={busy}
            data-testid="inbox-folder"
            onChange={(event) => {
              const files = takeFiles(event.currentTarget);
              if (files.length > 0) onFiles(files);
            }}
          />
        </label>
      </div>
      <div
        className={over && !busy ? 'inbox-drop inbox-drop-over' : 'inbox-drop'}
        role="group"
        aria-label={t('officeInbox.import.drop')}
        aria-describedby={hintId}
        aria-disabled={busy}
        data-testid="inbox-drop"
        onDragEnter={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('officeInbox.import.drop')}</p>
        <p id={hintId} className="muted">
          {busy ? t('officeInbox.import.dropBusy') : t('officeInbox.import.dropHint')}
        </p>
      </div>
      {dropError !== undefined && <ErrorBanner error={dropError} />}
    </>
  );
}
