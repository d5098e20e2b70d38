import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { Choice } from './choice-picker';
import { ConfirmRemove } from './confirm-remove';
import { IssueFields } from './issue-fields';
import { addRecord, newIssue, removeRecord, updateRecord, type IssueDraft } from './session-records';

/**
 * 待核实问题 at material review: per item, what to verify or clarify on site, with its basis in the materials. They
 * travel in the sheet and seed the site visit. `attach` renders an issue's "attach evidence" control.
 */
export function IssuesEditor({
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
  return (
    <div className="session-records">
      {issues.length === 0 && <p className="muted">{t('stageSessions.issues.empty')}</p>}
      <ol>
        {issues.map((issue, index) => {
          const record = t('stageSessions.issue.record', { n: index + 1 });
          return (
            <li key={issue.id} className="session-record">
              <h3>{record}</h3>
              <IssueFields
                issue={issue}
                record={record}
                itemChoices={itemChoices}
                onChange={(patch, typing) => onChange(updateRecord(issues, issue.id, patch), typing)}
                onBlur={onBlur}
              />
              <div className="session-record-actions">
                {attach?.(issue, record)}
                <ConfirmRemove
                  label={t('stageSessions.removeOf', { record })}
                  question={t('stageSessions.removeQuestion', { record })}
                  onRemove={() => onChange(removeRecord(issues, issue.id), false)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange(addRecord(issues, newIssue(newId())), false)}>
        + {t('stageSessions.issues.add')}
      </button>
    </div>
  );
}

/** At the defense the issues carried from material review are shown as they are, to ask about. */
export function IssuesReadOnly({
  issues,
  itemChoices,
}: {
  issues: readonly IssueDraft[];
  itemChoices: readonly Choice[];
}) {
  const { t } = useI18n();
  if (issues.length === 0) return <p className="muted">{t('stageSessions.issues.noneCarried')}</p>;
  const short = (id: string): string => itemChoices.find((choice) => choice.id === id)?.short ?? id;
  return (
    <ol className="session-readonly">
      {issues.map((issue, index) => (
        <li key={issue.id}>
          <strong>{t('stageSessions.issue.record', { n: index + 1 })}</strong>{' '}
          <span className="badge">{t(`stageSessions.kind.${issue.kind}`)}</span>{' '}
          {issue.origin === 'panel' && <span className="badge badge-panel">{t('stageSessions.origin.panel')}</span>}{' '}
          {issue.text}
          {issue.evidence !== '' && <span className="muted"> ({issue.evidence})</span>}
          {issue.itemIds.length > 0 && (
            <span className="muted">
              {' '}
              ·{' '}
              {t('stageSessions.listOf', {
                label: t('stageSessions.items'),
                list: issue.itemIds.map(short).join(', '),
              })}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
