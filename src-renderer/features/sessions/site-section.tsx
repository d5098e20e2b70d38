import { useId } from 'react';
import type { SiteWork } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { DocumentLog } from './document-log';
import { InterviewLog } from './interview-log';
import { IssueSettleList } from './issue-settle-list';
import { typingOption, type SessionEditing } from './session-editing';
import type { IssueDraft } from './session-records';
import { ThemesEditor } from './themes-editor';

const emptySite: SiteWork = { interviews: [], documents: [], themes: [] };

/**
 * The site visit: the issues to verify (`issues` already holds the panel's), the interview and document logs and the
 * key themes. Revised percents with their reasons are on the scoring page (linked from the page header).
 */
export function SiteSection({ editing, issues }: { editing: SessionEditing; issues: readonly IssueDraft[] }) {
  const { t } = useI18n();
  const { row, change, flush } = editing;
  const site = row.site ?? emptySite;
  const ids = { issues: useId(), interviews: useId(), documents: useId(), themes: useId() };
  const editSite = (patch: Partial<SiteWork>, typing: boolean): void =>
    change((current) => ({ site: { ...(current.site ?? emptySite), ...patch } }), typingOption(typing));
  return (
    <>
      <section className="panel" aria-labelledby={ids.issues}>
        <h2 id={ids.issues}>{t('stageSessions.settle.title')}</h2>
        <IssueSettleList
          issues={issues}
          itemChoices={editing.itemChoices}
          newId={editing.newId}
          onChange={(next, typing) => change(() => ({ issues: next }), typingOption(typing))}
          onBlur={flush}
          attach={editing.attach}
        />
      </section>
      <section className="panel" aria-labelledby={ids.interviews}>
        <h2 id={ids.interviews}>{t('stageSessions.interviews.title')}</h2>
        <InterviewLog
          interviews={site.interviews}
          itemChoices={editing.itemChoices}
          newId={editing.newId}
          nowIso={editing.nowIso}
          onChange={(interviews, typing) => editSite({ interviews }, typing)}
          onBlur={flush}
        />
      </section>
      <section className="panel" aria-labelledby={ids.documents}>
        <h2 id={ids.documents}>{t('stageSessions.documents.title')}</h2>
        <DocumentLog
          documents={site.documents}
          itemChoices={editing.itemChoices}
          newId={editing.newId}
          onChange={(documents, typing) => editSite({ documents }, typing)}
          onBlur={flush}
        />
      </section>
      <section className="panel" aria-labelledby={ids.themes}>
        <h2 id={ids.themes}>{t('stageSessions.themes.title')}</h2>
        <ThemesEditor
          themes={site.themes}
          newId={editing.newId}
          onChange={(themes, typing) => editSite({ themes }, typing)}
          onBlur={flush}
        />
      </section>
    </>
  );
}
