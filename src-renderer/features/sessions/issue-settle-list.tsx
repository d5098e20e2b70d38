import type { IssueStatus } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { IssueFields, IssueItemsNote, type IssueListProps } from './issue-fields';
import { LazyIssueStatusBars } from './lazy-session-charts';
import { RecordItem, RecordList, RecordTextArea } from './session-fields';
import {
  findingMissing,
  issueProgress,
  issueStatuses,
  newIssue,
  statusCounts,
  type IssueDraft,
} from './session-records';

/**
 * The site visit works through the issues to verify — the expert's own (from material review or new here) and the
 * panel's (marked 专家组, their text as the office wrote it) — settling each as confirmed, not confirmed or a new
 * finding, with the finding written (required once settled). A count and a chart show how far it has come.
 */
export function IssueSettleList({ issues, itemChoices, newId, onChange, onBlur, attach }: IssueListProps) {
  const { t } = useI18n();
  return (
    <RecordList
      records={issues}
      recordName={(n) => t('stageSessions.issue.record', { n })}
      onChange={onChange}
      empty={t('stageSessions.settle.empty')}
      addLabel={t('stageSessions.settle.addFinding')}
      newRecord={() => newIssue(newId(), 'new-finding')}
      before={<IssueProgress issues={issues} />}
    >
      {(issue, { record, name, patch, remove }) => {
        const missing = findingMissing(issue);
        const findingId = `finding-${issue.id}`;
        return (
          <RecordItem
            key={issue.id}
            record={record}
            heading={
              <>
                {record}{' '}
                {issue.origin === 'panel' ? (
                  <span className="badge badge-panel">{t('stageSessions.origin.panel')}</span>
                ) : (
                  <span className="badge">{t('stageSessions.origin.own')}</span>
                )}
              </>
            }
            className={`session-record issue-${issue.status}`}
            status={issue.status}
            actions={attach?.(issue, record)}
            onRemove={issue.origin === 'own' ? remove : undefined}
          >
            {issue.origin === 'panel' ? (
              <p className="session-readonly">
                <span className="badge">{t(`stageSessions.kind.${issue.kind}`)}</span> {issue.text}
                <IssueItemsNote itemIds={issue.itemIds} itemChoices={itemChoices} />
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
              <RecordTextArea
                name={name}
                field={t('stageSessions.settle.finding')}
                required={issue.status !== 'open'}
                invalid={missing}
                describedBy={missing ? findingId : undefined}
                rows={2}
                value={issue.finding}
                maxLength={4000}
                onText={(finding) => patch({ finding }, true)}
                onBlur={onBlur}
              />
              {missing && (
                <p id={findingId} className="field-error">
                  {t('stageSessions.settle.findingRequired')}
                </p>
              )}
            </div>
          </RecordItem>
        );
      }}
    </RecordList>
  );
}

/** How many issues are settled, as a count, a progress bar and (once there are any) a chart by status. */
function IssueProgress({ issues }: { issues: readonly IssueDraft[] }) {
  const { t } = useI18n();
  const progress = issueProgress(issues);
  const counts = statusCounts(issues);
  return (
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
  );
}
