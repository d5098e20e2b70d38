import { useMemo, useState } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { saveOfficePanelIssues } from '../../../data/office-panel-repository';
import type { OfficePanelIssue, OfficePanelRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import type { PanelsData } from './load-panels-data';
import { PanelIssueEntry } from './panel-issue-entry';
import { mergeReviewIssues } from './panel-issues';
import { panelNames } from './panel-rules';

type Notice =
  | { readonly kind: 'saved' }
  | { readonly kind: 'collected'; readonly added: number }
  | { readonly kind: 'error'; readonly error: Pick<AppError, 'code' | 'params'> };

/**
 * A site-visit panel's issues to verify, per applicant (issue 5): the office adds, edits and removes them, and
 * collects the experts' own issues from the accepted material-review sheets as editable entries (each once). They are
 * saved with the panel and sent in its site-visit assignments; the list is kept on screen until saved.
 */
export function PanelIssuesEditor({
  panel,
  data,
  onSaved,
}: {
  panel: OfficePanelRow;
  data: PanelsData;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { db, now, newId } = useServices();
  const [issues, setIssues] = useState<readonly OfficePanelIssue[]>(() => panel.issues ?? []);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => panelNames(data.experts, data.applicants), [data.experts, data.applicants]);
  const dirty = JSON.stringify(issues) !== JSON.stringify(panel.issues ?? []);
  const shown = issues.filter((issue) => panel.applicantIds.includes(issue.applicantId));

  const edit = (next: readonly OfficePanelIssue[]): void => {
    setNotice(undefined);
    setIssues(next);
  };
  const collect = (): void => {
    const merged = mergeReviewIssues(issues, data.reviewIssues, panel, newId);
    setIssues(merged.issues);
    setNotice({ kind: 'collected', added: merged.added });
  };
  const save = async (): Promise<void> => {
    setBusy(true);
    const saved = await saveOfficePanelIssues(db, { panelId: panel.id, issues }, names, now);
    setBusy(false);
    if (!saved.ok) return setNotice({ kind: 'error', error: saved.error });
    setIssues(saved.value.issues ?? []);
    setNotice({ kind: 'saved' });
    onSaved();
  };

  return (
    <details className="panel-issues">
      <summary>{t('stageOffice.issues.title', { count: shown.length })}</summary>
      <p className="muted">{t('stageOffice.issues.hint')}</p>
      <button type="button" onClick={collect}>
        {t('stageOffice.issues.collect')}
      </button>
      {panel.applicantIds.map((applicantId) => {
        const name = names.applicant(applicantId);
        const own = issues.filter((issue) => issue.applicantId === applicantId);
        return (
          <section key={applicantId} className="panel-issues-applicant" aria-label={name}>
            <h4>{name}</h4>
            {own.length === 0 ? (
              <p className="muted">{t('stageOffice.issues.none')}</p>
            ) : (
              <ol>
                {own.map((issue, index) => (
                  <PanelIssueEntry
                    key={issue.id}
                    issue={issue}
                    label={t('stageOffice.issues.entry', { applicant: name, n: index + 1 })}
                    items={data.items}
                    sourceName={issue.source === null ? null : names.expert(issue.source.expertId)}
                    onChange={(next) => edit(issues.map((i) => (i.id === issue.id ? next : i)))}
                    onRemove={() => edit(issues.filter((i) => i.id !== issue.id))}
                  />
                ))}
              </ol>
            )}
            <button
              type="button"
              onClick={() =>
                edit([...issues, { id: newId(), applicantId, itemIds: [], kind: 'verify', text: '', source: null }])
              }
            >
              {t('stageOffice.issues.add', { name })}
            </button>
          </section>
        );
      })}
      <div role="status" aria-live="polite">
        {notice?.kind === 'saved' && <p className="banner banner-ok">{t('stageOffice.issues.saved')}</p>}
        {notice?.kind === 'collected' && (
          <p className="banner banner-ok">
            {notice.added === 0
              ? t('stageOffice.issues.collectedNone')
              : t('stageOffice.issues.collected', { count: notice.added })}
          </p>
        )}
      </div>
      {notice?.kind === 'error' && <ErrorBanner error={notice.error} />}
      {dirty && <p className="muted">{t('stageOffice.issues.unsaved')}</p>}
      <button type="button" className="primary" disabled={!dirty || busy} onClick={() => void save()}>
        {t('stageOffice.issues.save')}
      </button>
    </details>
  );
}
