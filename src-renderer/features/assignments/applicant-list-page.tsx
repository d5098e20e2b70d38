import { useEffect } from 'react';
import { ok } from '../../../src-shared/contract/result';
import { formatFingerprint } from '../../../src-shared/packages/ed25519';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { loadAssignmentPackage } from '../../data/assignment-repository';
import { formatPoints } from '../../../src-shared/scoring/percent';
import { computeTotals } from '../../../src-shared/scoring/totals';
import { ErrorBanner } from '../../components/error-banner';
import { routeHash } from '../../components/route';
import { useAssignment } from '../../components/use-assignment';
import { declarationOf, useAssignmentStatus } from '../../components/use-assignment-status';
import { useI18n } from '../../i18n/i18n';

export function ApplicantListPage({ assignmentId }: { assignmentId: string }) {
  const { t, pick } = useI18n();
  const { db, now } = useServices();
  const context = useAssignment(assignmentId, { withPercents: true });
  const status = useAssignmentStatus(assignmentId).state;
  const declarations = status.status === 'ready' ? status.value : undefined;
  const signed = useAsync(async () => ok(await loadAssignmentPackage(db, assignmentId, now)), [db, assignmentId, now]);
  const office = signed.status === 'ready' ? signed.value : undefined;
  const view = context.status === 'ready' ? context.value.view : undefined;

  // User Timing mark for `npm run bench`: the list is complete once every applicant's progress is shown.
  useEffect(() => {
    if (view !== undefined) performance.mark('applicants:ready');
  }, [view]);

  if (context.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (context.status === 'error') return <ErrorBanner error={context.error} />;
  const { criteria, percents } = context.value;
  if (view === undefined || criteria === undefined) {
    return (
      <section className="panel">
        <p>{t('app.notFound')}</p>
        <a href="#/">{t('app.backHome')}</a>
      </section>
    );
  }
  return (
    <section className="page">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <a href="#/">{t('app.home')}</a> › <span>{pick(view.cycle.name)}</span>
      </nav>
      <h1>
        {t('applicants.title')} · {t(`stage.${view.assignment.stage}`)}{' '}
        {view.cycle.demo && <span className="badge">{t('home.demoBadge')}</span>}
      </h1>
      <p>
        {t('home.expert')}：{view.expert.name}（{view.expert.workUnit}） · {t('home.deadline')}：
        {view.assignment.deadline}
      </p>
      {office !== undefined && (
        <p className="muted" data-testid="office-key">
          {t('applicants.office', {
            name: office.payload.office.name,
            fingerprint: formatFingerprint(office.officeFingerprint),
          })}{' '}
          {office.pinned === 'demo' ? t('applicants.officeDemo') : t('applicants.officePinned')}
        </p>
      )}
      <table className="applicant-table">
        <thead>
          <tr>
            <th scope="col">{t('applicants.name')}</th>
            <th scope="col">{t('applicants.district')}</th>
            <th scope="col">{t('applicants.industry')}</th>
            <th scope="col">{t('applicants.progress')}</th>
            <th scope="col">{t('applicants.total')}</th>
          </tr>
        </thead>
        <tbody>
          {view.applicants.map((applicant) => {
            const totals = computeTotals(criteria, percents.get(applicant.id) ?? new Map());
            const href = routeHash({ page: 'scorebook', assignmentId, applicantId: applicant.id, itemId: undefined });
            const declaration = declarations === undefined ? undefined : declarationOf(declarations, applicant.id);
            // Before a declaration only the name shows (Art. 19); after a conflict, only the name and the recusal.
            if (declaration === undefined || declaration.conflict) {
              return (
                <tr key={applicant.id} data-testid={`row-${applicant.id}`}>
                  <th scope="row">{applicant.name}</th>
                  <td colSpan={4}>
                    {declaration === undefined ? (
                      <a className="button" href={href}>
                        {t('applicants.declare')}
                      </a>
                    ) : (
                      <span className="badge">{t('applicants.recused')}</span>
                    )}
                  </td>
                </tr>
              );
            }
            return (
              <tr key={applicant.id}>
                <th scope="row">
                  <a href={href}>{applicant.name}</a>
                  <div className="muted">
                    {t('applicants.uscc')} {applicant.uscc} · {t('applicants.founded', { year: applicant.foundedYear })}{' '}
                    · {t(`size.${applicant.size}`)} · {t('applicants.employees', { count: applicant.employees })}
                    {applicant.fourNew && ` · ${t('applicants.fourNew')}`}
                  </div>
                </th>
                <td>{applicant.district}</td>
                <td>{applicant.industry}</td>
                <td>
                  <progress
                    max={totals.itemCount}
                    value={totals.scoredItems}
                    aria-label={`${applicant.name} ${t('applicants.progress')}`}
                  />{' '}
                  <span data-testid={`progress-${applicant.id}`}>
                    {t('applicants.itemsScored', { scored: totals.scoredItems, count: totals.itemCount })}
                  </span>
                </td>
                <td data-testid={`total-${applicant.id}`}>
                  {t('totals.of', { points: formatPoints(totals.hundredths), max: formatPoints(totals.maxHundredths) })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
