import { bytesFromBase64 } from '../../../components/file-bytes';
import { saveFile } from '../../../components/save-file';
import { useI18n } from '../../../i18n/i18n';
import { ProblemList } from './problem-list';
import { ASSIGNMENT_MEDIA_TYPE, type IssueState } from './use-issue';

/** Progress while issuing; afterwards how many were issued, where they were saved, each file again, and refusals. */
export function IssueStatus({ state }: { state: IssueState }) {
  const { t } = useI18n();
  return (
    <>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && (
          <p>
            <progress max={state.total} value={state.done} aria-label={t('officePanels.issueProgress')} />{' '}
            {t('officePanels.issueBusy', { done: state.done, total: state.total })}
          </p>
        )}
        {state.phase === 'done' && state.files.length > 0 && (
          <p className="banner banner-ok" data-testid="issue-summary">
            {t('officePanels.issueDone', { count: state.files.length })}
            {state.folder !== null &&
              ` ${t('officePanels.savedToFolder', { count: state.files.length, folder: state.folder })}`}
          </p>
        )}
      </div>
      {state.phase === 'done' && (
        <ProblemList
          problems={state.problems}
          label={state.files.length === 0 ? t('officePanels.issueProblems') : t('officePanels.issueRefused')}
        />
      )}
      {state.phase === 'done' && state.files.length > 0 && (
        <>
          <p>{t('officePanels.files')}</p>
          <ul className="issued-files">
            {state.files.map((file) => (
              <li key={file.fileName}>
                <button
                  type="button"
                  onClick={() => saveFile(file.fileName, bytesFromBase64(file.base64), ASSIGNMENT_MEDIA_TYPE)}
                >
                  {t('officePanels.download', { file: file.fileName })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
