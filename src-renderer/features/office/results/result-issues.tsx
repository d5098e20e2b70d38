import type { SkippedSheet } from '../../../../src-shared/office/inbox-sheets';
import type { OrphanSheet, PanelIssue } from '../../../../src-shared/office/results-assembly';
import { useI18n } from '../../../i18n/i18n';

/**
 * Accepted sheets the results leave out, and panels they ignore, each with the reason: nothing the office received
 * disappears from its count without a word.
 */
export function ResultIssues({
  skipped,
  orphans,
  panelIssues,
  applicantName,
  expertName,
}: {
  skipped: readonly SkippedSheet[];
  orphans: readonly OrphanSheet[];
  panelIssues: readonly PanelIssue[];
  applicantName: (id: string) => string;
  expertName: (id: string) => string;
}) {
  const { t } = useI18n();
  const count = skipped.length + orphans.length + panelIssues.length;
  if (count === 0) return null;
  const sheetText = (s: { expertId: string; applicantId: string; stage: SkippedSheet['stage'] }): string =>
    t('officeResults.issues.sheet', {
      expert: expertName(s.expertId),
      applicant: applicantName(s.applicantId),
      stage: t(`stage.${s.stage}`),
    });
  return (
    <section className="banner banner-warn result-issues" aria-labelledby="issues-title">
      <h2 id="issues-title">{t('officeResults.issues.title', { count })}</h2>
      <ul>
        {skipped.map((s) => (
          <li key={`skipped/${s.packageId}`}>
            {t('officeResults.issues.entry', { what: sheetText(s), why: t(`officeResults.issues.${s.reason}`) })}
          </li>
        ))}
        {orphans.map((s) => (
          <li key={`orphan/${s.expertId}/${s.stage}/${s.applicantId}`}>
            {t('officeResults.issues.entry', { what: sheetText(s), why: t(`officeResults.issues.${s.reason}`) })}
          </li>
        ))}
        {panelIssues.map((p, index) => (
          <li key={`panel/${index}`}>
            {t('officeResults.issues.entry', {
              what: t('officeResults.issues.panel', {
                applicant: applicantName(p.applicantId),
                stage: t(`stage.${p.stage}`),
              }),
              why: t(`officeResults.issues.${p.problem}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
