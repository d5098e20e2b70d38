import { useState } from 'react';
import type { StageSetup } from '../../../../src-shared/stages/stage-setup';
import type { IssueToVerify, ItemChange } from '../../../../src-shared/stages/stage-work';
import { useI18n } from '../../../i18n/i18n';
import { EvidenceFiles } from './evidence-files';
import type { SheetWork } from './sheet-works';
import { DefenseWork } from './work-defense';
import { SiteWorkView } from './work-site';

/** Percents changed from the carried ones, each with the expert's reason (issue 5 item 1). */
export function ChangesTable({
  changes,
  itemName,
}: {
  changes: readonly ItemChange[];
  itemName: (id: string) => string;
}) {
  const { t } = useI18n();
  if (changes.length === 0) return null;
  return (
    <table className="applicant-table">
      <caption>{t('stageOffice.changes.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stageOffice.item')}</th>
          <th scope="col">{t('stageOffice.changes.percent')}</th>
          <th scope="col">{t('stageOffice.changes.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.itemId}>
            <th scope="row">{itemName(change.itemId)}</th>
            <td className="number">
              {t('stageOffice.changes.fromTo', {
                stage: t(`stage.${change.fromStage}`),
                from: change.previousPercent,
                to: change.percent,
              })}
            </td>
            <td>{change.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Issues to verify with their kind, items, status and finding (issue 5 items 3 and 5). */
export function IssuesTable({ issues }: { issues: readonly IssueToVerify[] }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="applicant-table">
        <caption>{t('stageOffice.issuesSeen.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stageOffice.issuesSeen.text')}</th>
            <th scope="col">{t('stageOffice.items')}</th>
            <th scope="col">{t('stageOffice.issuesSeen.status')}</th>
            <th scope="col">{t('stageOffice.issuesSeen.finding')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row">
                <span className="muted">
                  {t(`stageOffice.issueKind.${issue.kind}`)} · {t(`stageOffice.origin.${issue.origin}`)}
                </span>{' '}
                {issue.text}
                {issue.evidence.trim() !== '' && (
                  <span className="muted"> {t('stageOffice.issuesSeen.source', { source: issue.evidence })}</span>
                )}
              </th>
              <td>{issue.itemIds.join('、')}</td>
              <td className={issue.status === 'open' ? 'flag' : undefined}>
                {t(`stageOffice.status.${issue.status}`)}
              </td>
              <td>{issue.finding}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A one-line account of what an expert recorded, for the summary of the expert's disclosure. */
export function workSummary(sheet: SheetWork, t: ReturnType<typeof useI18n>['t']): string {
  const work = sheet.work;
  if (work === null) return t('stageOffice.work.none');
  return t('stageOffice.work.summary', {
    changes: work.changes.length,
    issues: work.issues.length,
    evidence: work.evidence.length,
  });
}

/** Everything one expert recorded at the stage beyond the scores; a sheet before issue 5 says it has none. */
export function ExpertWork({
  sheet,
  expertName,
  setup,
  itemName,
}: {
  sheet: SheetWork;
  expertName: string;
  setup: StageSetup;
  itemName: (id: string) => string;
}) {
  const { t } = useI18n();
  // Photos are read from main only once the expert's record is opened: a site visit may carry dozens of them.
  const [open, setOpen] = useState(false);
  const work = sheet.work;
  return (
    <details
      className="expert-work"
      data-testid={`work-${expertName}`}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <strong>{expertName}</strong> <span className="muted">{workSummary(sheet, t)}</span>
      </summary>
      {work === null ? (
        <p className="muted">{t('stageOffice.work.noneLong')}</p>
      ) : (
        <>
          <ChangesTable changes={work.changes} itemName={itemName} />
          <IssuesTable issues={work.issues} />
          <DefenseWork work={work} setup={setup} />
          <SiteWorkView site={work.site} />
          {work.evidence.length > 0 && (
            <section className="work-part">
              <h4>{t('stageOffice.evidence.title', { count: work.evidence.length })}</h4>
              {open && <EvidenceFiles evidence={work.evidence} issues={work.issues} />}
            </section>
          )}
        </>
      )}
    </details>
  );
}
