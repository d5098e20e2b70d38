import type { SiteWork } from '../../../src-shared/stages/stage-work';
import { useI18n } from '../../i18n/i18n';
import { DocumentLog } from './document-log';
import { InterviewLog } from './interview-log';
import { IssueSettleList } from './issue-settle-list';
import { logProps, typingOption, type SessionEditing } from './session-editing';
import { SessionPanel } from './session-panel';
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
  const editSite = (patch: Partial<SiteWork>, typing: boolean): void =>
    change((current) => ({ site: { ...(current.site ?? emptySite), ...patch } }), typingOption(typing));
  return (
    <>
      <SessionPanel title={t('stageSessions.settle.title')}>
        <IssueSettleList
          issues={issues}
          {...logProps(editing)}
          onChange={(next, typing) => change(() => ({ issues: next }), typingOption(typing))}
          attach={editing.attach}
        />
      </SessionPanel>
      <SessionPanel title={t('stageSessions.interviews.title')}>
        <InterviewLog
          interviews={site.interviews}
          {...logProps(editing)}
          nowIso={editing.nowIso}
          onChange={(interviews, typing) => editSite({ interviews }, typing)}
        />
      </SessionPanel>
      <SessionPanel title={t('stageSessions.documents.title')}>
        <DocumentLog
          documents={site.documents}
          {...logProps(editing)}
          onChange={(documents, typing) => editSite({ documents }, typing)}
        />
      </SessionPanel>
      <SessionPanel title={t('stageSessions.themes.title')}>
        <ThemesEditor
          themes={site.themes}
          newId={editing.newId}
          onChange={(themes, typing) => editSite({ themes }, typing)}
          onBlur={flush}
        />
      </SessionPanel>
    </>
  );
}
