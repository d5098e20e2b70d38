import { useI18n } from '../../../i18n/i18n';
import { EvidenceFiles } from './evidence-files';
import type { ItemFinding } from './sheet-works';
import { atText } from './work-defense';

/**
 * "Evidence and findings for this item" (issue 5 item 6), shown under an item's row of the matrix: per expert the
 * change of percent and its reason, the issues on the item and how the visit settled them, the defense questions,
 * interviews and documents linked to it, and the evidence files linked to it or to one of those issues.
 */
export function ItemFindings({
  findings,
  expertName,
}: {
  findings: readonly ItemFinding[];
  expertName: (id: string) => string;
}) {
  const { t } = useI18n();
  if (findings.length === 0) return <p className="muted">{t('stageOffice.itemFindings.none')}</p>;
  return (
    <ul className="item-findings">
      {findings.map((finding) => (
        <li key={finding.expertId}>
          <strong>{expertName(finding.expertId)}</strong>
          <ul>
            {finding.change !== null && (
              <li>
                {t('stageOffice.changes.fromTo', {
                  stage: t(`stage.${finding.change.fromStage}`),
                  from: finding.change.previousPercent,
                  to: finding.change.percent,
                })}
                {' — '}
                {finding.change.reason}
              </li>
            )}
            {finding.issues.map((issue) => (
              <li key={issue.id} className={issue.status === 'open' ? 'flag' : undefined}>
                {t('stageOffice.itemFindings.issue', {
                  kind: t(`stageOffice.issueKind.${issue.kind}`),
                  text: issue.text,
                  status: t(`stageOffice.status.${issue.status}`),
                })}
                {issue.finding.trim() !== '' && <> {t('stageOffice.itemFindings.finding', { text: issue.finding })}</>}
              </li>
            ))}
            {finding.questions.map((q) => (
              <li key={q.id}>{t('stageOffice.itemFindings.question', { question: q.question, answer: q.answer })}</li>
            ))}
            {finding.interviews.map((interview) => (
              <li key={interview.id}>
                {t('stageOffice.itemFindings.interview', {
                  role: interview.role,
                  at: atText(interview.at),
                  findings: interview.findings,
                })}
              </li>
            ))}
            {finding.documents.map((document) => (
              <li key={document.id}>
                {t('stageOffice.itemFindings.document', {
                  title: document.title,
                  number: document.number,
                  page: document.page ?? '—',
                })}
              </li>
            ))}
          </ul>
          <EvidenceFiles evidence={finding.evidence} issues={finding.allIssues} />
        </li>
      ))}
    </ul>
  );
}
