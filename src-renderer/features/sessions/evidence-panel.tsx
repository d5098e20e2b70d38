import { useState } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import type { Evidence } from '../../../src-shared/stages/stage-work';
import { ErrorBanner } from '../../components/error-banner';
import { useI18n } from '../../i18n/i18n';
import { ChoicePicker, type Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { EvidenceThumbnail } from './evidence-thumbnail';
import { FileChooseButton } from './file-choose-button';
import { formatBytes, removeRecord, shaPrefix, updateRecord } from './session-records';

/**
 * Photo and file evidence of the stage: chosen or dropped files (checked against the cycle's limit before they are
 * read), a progress bar while several are added, and each file as a thumbnail with its caption, SHA-256 prefix and
 * the items and issues it is linked to. Evidence linked to nothing is flagged (it cannot be submitted so).
 */
export function EvidencePanel({
  evidence,
  itemChoices,
  issueChoices,
  limit,
  progress,
  refused,
  onFiles,
  onChange,
  onBlur,
}: {
  evidence: readonly Evidence[];
  itemChoices: readonly Choice[];
  issueChoices: readonly Choice[];
  limit: number;
  progress: { readonly done: number; readonly total: number } | undefined;
  refused: readonly AppError[];
  onFiles: (files: File[]) => void;
  onChange: (next: Evidence[], typing: boolean) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);
  const busy = progress !== undefined;
  return (
    <div className="evidence-panel">
      <p className="muted">{t('stageSessions.evidence.limit', { size: formatBytes(limit) })}</p>
      <div
        className={`evidence-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const files = Array.from(event.dataTransfer.files);
          if (!busy && files.length > 0) onFiles(files);
        }}
      >
        <FileChooseButton label={t('stageSessions.evidence.choose')} disabled={busy} onFiles={onFiles} />
        <span className="muted"> {t('stageSessions.evidence.drop')}</span>
      </div>
      <div role="status" aria-live="polite">
        {progress !== undefined && (
          <p>
            <progress
              max={Math.max(1, progress.total)}
              value={progress.done}
              aria-label={t('stageSessions.evidence.progressLabel')}
            />{' '}
            {t('stageSessions.evidence.progress', { done: progress.done, total: progress.total })}
          </p>
        )}
      </div>
      {refused.map((error, index) => (
        <ErrorBanner key={index} error={error} />
      ))}
      {evidence.length === 0 && <p className="muted">{t('stageSessions.evidence.empty')}</p>}
      <ul className="evidence-list">
        {evidence.map((item, index) => {
          const record = t('stageSessions.evidence.record', { n: index + 1, name: item.name });
          const name = (field: string): string => t('stageSessions.fieldOf', { record, field });
          const patch = (change: Partial<Evidence>, typing: boolean): void =>
            onChange(updateRecord(evidence, item.id, change), typing);
          const unlinked = item.itemIds.length === 0 && item.issueIds.length === 0;
          return (
            <li key={item.id} className="evidence-card" data-sha256={item.sha256}>
              <EvidenceThumbnail sha256={item.sha256} name={item.name} mediaType={item.mediaType} />
              <div className="evidence-body">
                <p className="evidence-meta">
                  <strong>{item.name}</strong> · {formatBytes(item.size)} ·{' '}
                  <code title={item.sha256}>SHA-256 {shaPrefix(item.sha256)}…</code>
                </p>
                <label className="wide">
                  {t('stageSessions.evidence.caption')}
                  <textarea
                    aria-label={name(t('stageSessions.evidence.caption'))}
                    rows={2}
                    value={item.caption}
                    maxLength={2000}
                    onChange={(event) => patch({ caption: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                <ChoicePicker
                  label={name(t('stageSessions.items'))}
                  choices={itemChoices}
                  selected={item.itemIds}
                  onChange={(itemIds) => patch({ itemIds }, false)}
                />
                {issueChoices.length > 0 && (
                  <ChoicePicker
                    label={name(t('stageSessions.evidence.issues'))}
                    choices={issueChoices}
                    selected={item.issueIds}
                    onChange={(issueIds) => patch({ issueIds }, false)}
                  />
                )}
                {unlinked && (
                  <p className="field-error" data-testid="evidence-unlinked">
                    {t('stageSessions.evidence.unlinked')}
                  </p>
                )}
                <ConfirmRemove
                  label={t('stageSessions.removeOf', { record })}
                  question={t('stageSessions.evidence.removeQuestion', { record })}
                  onRemove={() => onChange(removeRecord(evidence, item.id), false)}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
