import type { ReactNode } from 'react';
import type { IssueStatus } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import type { Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { IssueFields } from './issue-fields';
import { LazyIssueStatusBars } from './lazy-session-charts';
import {
  addRecord,
  findingMissing,
  issueProgress,
  issueStatuses,
  newIssue,
  removeRecord,
  statusCounts,
  updateRecord,
  type IssueDraft,
} from './session-records';

/**
 * The site visit works through the issues to verify — the expert's own (from material review or new here) and the
 * panel's (marked 专家组, their text as the office wrote it) — settling each as confirmed, not confirmed or a new
 * finding, with the finding written (required once settled). A count and a chart show how far it has come.
 */
export function IssueSettleList({
  issues,
  itemChoices,
  newId,
  onChange,
  onBlur,
  attach,
}: {
  issues: readonly IssueDraft[];
  itemChoices: readonly Choice[];
  newId: () => string;
  onChange: (next: IssueDraft[], typing: boolean) => void;
  onBlur: () => void;
  attach?: (issue: IssueDraft, record: string) => ReactNode;
}) {
  const { t } = useI18n();
  const progress = issueProgress(issues);
  const counts = statusCounts(issues);
  const short = (id: string): string => itemChoices.find((choice) => choice.id === id)?.short ?? id;
  return (
    <div className="session-records">
      <div className="issue-progress">
        <p data-testid="issue-progress">
          {t('stageSessions.settle.progress', { settled: progress.settled, total: progress.total })}{' '}
          <progress
            max={Math.max(1, progress.total)}
            value={progress.settled}
            aria-label={t('stageSessions.settle.progressLabel')}
          />
        </p>
        {progress.total > 0 && (
          <LazyIssueStatusBars
            label={t('stageSessions.settle.chart')}
            data={issueStatuses.map((status) => ({ name: t(`stageSessions.status.${status}`), value: counts[status] }))}
          />
        )}
      </div>
      {issues.length === 0 && <p className="muted">{t('stageSessions.settle.empty')}</p>}
      <ol>
        {issues.map((issue, index) => {
          const record = t('stageSessions.issue.record', { n: index + 1 });
          const name = (field: string): string => t('stageSessions.fieldOf', { record, field });
          const patch = (change: Partial<IssueDraft>, typing: boolean): void =>
            onChange(updateRecord(issues, issue.id, change), typing);
          const missing = findingMissing(issue);
          const findingId = `finding-${issue.id}`;
          return (
            <li key={issue.id} className={`session-record issue-${issue.status}`} data-status={issue.status}>
              <h3>
                {record}{' '}
                {issue.origin === 'panel' ? (
                  <span className="badge badge-panel">{t('stageSessions.origin.panel')}</span>
                ) : (
                  <span className="badge">{t('stageSessions.origin.own')}</span>
                )}
              </h3>
              {issue.origin === 'panel' ? (
                <p className="session-readonly">
                  <span className="badge">{t(`stageSessions.kind.${issue.kind}`)}</span> {issue.text}
                  <span className="muted">
                    {' '}
                    ·{' '}
                    {t('stageSessions.listOf', {
                      label: t('stageSessions.items'),
                      list: issue.itemIds.map(short).join(', '),
                    })}
                  </span>
                </p>
              ) : (
                <IssueFields issue={issue} record={record} itemChoices={itemChoices} onChange={patch} onBlur={onBlur} />
              )}
              <div className="session-fields">
                <label>
                  {t('stageSessions.settle.status')}
                  <select
                    aria-label={name(t('stageSessions.settle.status'))}
                    value={issue.status}
                    onChange={(event) => patch({ status: event.target.value as IssueStatus }, false)}
                  >
                    {issueStatuses.map((status) => (
                      <option key={status} value={status}>
                        {t(`stageSessions.status.${status}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="wide">
                  {t('stageSessions.settle.finding')}
                  <textarea
                    aria-label={name(t('stageSessions.settle.finding'))}
                    aria-required={issue.status !== 'open'}
                    aria-invalid={missing}
                    aria-describedby={missing ? findingId : undefined}
                    rows={2}
                    value={issue.finding}
                    maxLength={4000}
                    onChange={(event) => patch({ finding: event.target.value }, true)}
                    onBlur={onBlur}
                  />
                </label>
                {missing && (
                  <p id={findingId} className="field-error">
                    {t('stageSessions.settle.findingRequired')}
                  </p>
                )}
              </div>
              <div className="session-record-actions">
                {attach?.(issue, record)}
                {issue.origin === 'own' && (
                  <ConfirmRemove
                    label={t('stageSessions.removeOf', { record })}
                    question={t('stageSessions.removeQuestion', { record })}
                    onRemove={() => onChange(removeRecord(issues, issue.id), false)}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange(addRecord(issues, newIssue(newId(), 'new-finding')), false)}>
        + {t('stageSessions.settle.addFinding')}
      </button>
    </div>
  );
}
