import { useI18n } from '../../i18n/i18n';
import type { Choice } from './choice-picker';
import { IssueFields, IssueItemsNote, type IssueListProps } from './issue-fields';
import { RecordItem, RecordList } from './session-fields';
import { newIssue, type IssueDraft } from './session-records';

/**
 * 待核实问题 at material review: per item, what to verify or clarify on site, with its basis in the materials. They
 * travel in the sheet and seed the site visit. `attach` renders an issue's "attach evidence" control.
 */
export function IssuesEditor({ issues, itemChoices, newId, onChange, onBlur, attach }: IssueListProps) {
  const { t } = useI18n();
  return (
    <RecordList
      records={issues}
      recordName={(n) => t('stageSessions.issue.record', { n })}
      onChange={onChange}
      empty={t('stageSessions.issues.empty')}
      addLabel={t('stageSessions.issues.add')}
      newRecord={() => newIssue(newId())}
    >
      {(issue, { record, patch, remove }) => (
        <RecordItem key={issue.id} record={record} actions={attach?.(issue, record)} onRemove={remove}>
          <IssueFields issue={issue} record={record} itemChoices={itemChoices} onChange={patch} onBlur={onBlur} />
        </RecordItem>
      )}
    </RecordList>
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
  return (
    <ol className="session-readonly">
      {issues.map((issue, index) => (
        <li key={issue.id}>
          <strong>{t('stageSessions.issue.record', { n: index + 1 })}</strong>{' '}
          <span className="badge">{t(`stageSessions.kind.${issue.kind}`)}</span>{' '}
          {issue.origin === 'panel' && <span className="badge badge-panel">{t('stageSessions.origin.panel')}</span>}{' '}
          {issue.text}
          {issue.evidence !== '' && <span className="muted"> ({issue.evidence})</span>}
          {issue.itemIds.length > 0 && <IssueItemsNote itemIds={issue.itemIds} itemChoices={itemChoices} />}
        </li>
      ))}
    </ol>
  );
}
