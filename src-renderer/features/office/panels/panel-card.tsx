import { useId, useState } from 'react';
import type { IssuedAssignment } from '../../../../src-shared/contract/office-channels';
import type { OfficePanelRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import type { PanelsData } from './load-panels-data';
import { PanelIssuesEditor } from './panel-issues-editor';
import { panelFindings, panelNames } from './panel-rules';

/**
 * One panel of the stage: leader, experts, applicants, any conflict found since it was saved (the inbox or the
 * register may have changed), the assignments issued for it, and its actions.
 */
export function PanelCard({
  panel,
  data,
  busy,
  onEdit,
  onDelete,
  onIssue,
  onIssuesSaved,
}: {
  panel: OfficePanelRow;
  data: PanelsData;
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onIssue: () => void;
  /** After the site visit's issues to verify were saved (the page reloads its data). */
  onIssuesSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const titleId = useId();
  const [asking, setAsking] = useState(false);
  const names = panelNames(data.experts, data.applicants);
  const findings = panelFindings(panel, data.experts, data.applicants, data.declared);
  const issued = data.issued.filter((a) => a.panelId === panel.id).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  const name = panel.name;
  return (
    <article className="panel panel-card" aria-labelledby={titleId} data-testid={`panel-${name}`}>
      <h3 id={titleId}>{name}</h3>
      <p>{t('officePanels.leaderIs', { name: names.expert(panel.leaderId) })}</p>
      <div className="panel-members">
        <div>
          <h4>{t('officePanels.membersCount', { count: panel.expertIds.length })}</h4>
          <ul>
            {panel.expertIds.map((id) => (
              <li key={id}>{names.expert(id)}</li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{t('officePanels.applicantsCount', { count: panel.applicantIds.length })}</h4>
          <ul>
            {panel.applicantIds.map((id) => (
              <li key={id}>{names.applicant(id)}</li>
            ))}
          </ul>
        </div>
      </div>
      {findings.length > 0 && (
        <ul className="banner banner-warn panel-card-conflicts" aria-label={t('officePanels.conflicts')}>
          {findings.map((f) => (
            <li key={`${f.expertId}|${f.applicantId}|${f.reason}`}>
              {f.params.expert} × {f.params.applicant}: {lang === 'en' ? f.params.reasonEn : f.params.reason}
            </li>
          ))}
        </ul>
      )}
      <IssuedTable issued={issued} expertName={names.expert} />
      {panel.stage === 'site' && <PanelIssuesEditor panel={panel} data={data} onSaved={onIssuesSaved} />}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-label={t('officePanels.issueFor', { name })}
          onClick={onIssue}
        >
          {t('officePanels.issue')}
        </button>
        <button type="button" aria-label={t('officePanels.editFor', { name })} onClick={onEdit}>
          {t('officePanels.edit')}
        </button>
        {asking ? (
          <span role="group" aria-label={t('officePanels.deleteAsk', { name })} className="panel-delete-ask">
            {t('officePanels.deleteAsk', { name })}{' '}
            <button
              type="button"
              className="danger"
              onClick={() => {
                setAsking(false);
                onDelete();
              }}
            >
              {t('officePanels.deleteYes')}
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              {t('officePanels.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" aria-label={t('officePanels.deleteFor', { name })} onClick={() => setAsking(true)}>
            {t('officePanels.delete')}
          </button>
        )}
      </div>
    </article>
  );
}

function IssuedTable({
  issued,
  expertName,
}: {
  issued: readonly IssuedAssignment[];
  expertName: (id: string) => string;
}) {
  const { t } = useI18n();
  if (issued.length === 0) return <p className="muted">{t('officePanels.issuedNone')}</p>;
  return (
    <table className="applicant-table panel-issued">
      <caption>{t('officePanels.issued')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('officePanels.expert')}</th>
          <th scope="col">{t('officePanels.issuedAt')}</th>
          <th scope="col">{t('officePanels.file')}</th>
          <th scope="col">{t('officePanels.applicantCount')}</th>
        </tr>
      </thead>
      <tbody>
        {issued.map((a) => (
          <tr key={a.assignmentId}>
            <td>{expertName(a.expertId)}</td>
            <td>{a.issuedAt.slice(0, 16).replace('T', ' ')}</td>
            <td>
              <code>{a.fileName}</code>
            </td>
            <td>{a.applicantIds.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
