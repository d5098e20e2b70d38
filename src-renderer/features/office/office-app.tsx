import { Suspense } from 'react';
import { useIdentity } from '../../components/identity-context';
import { lazyPage } from '../../components/lazy-page';
import { routeHash, type Route } from '../../components/route';
import { useI18n } from '../../i18n/i18n';
import { CyclePage } from './cycle-form';
import { CycleTabs } from './cycle-tabs';
import { OfficeHome } from './office-home';

// Each page of a cycle loads on first use: the office's start parses only the home and the settings form.
const ApplicantsPage = lazyPage(async () => (await import('./applicants/applicants-page')).ApplicantsPage);
const PanelsPage = lazyPage(async () => (await import('./panels/panels-page')).PanelsPage);
const InboxPage = lazyPage(async () => (await import('./inbox/inbox-page')).InboxPage);
const ResultsPage = lazyPage(async () => (await import('./results/results-page')).ResultsPage);
const ApplicantStagePage = lazyPage(async () => (await import('./results/applicant-stage-page')).ApplicantStagePage);
const ExpertsPage = lazyPage(async () => (await import('./experts/experts-page')).ExpertsPage);

/** The office workstation behind the identity gate: its own bar (name, lock) and pages; no expert page opens here. */
export function OfficeApp({ route }: { route: Route }) {
  const { t } = useI18n();
  const { status, lock } = useIdentity();
  return (
    <>
      <nav className="user-bar" aria-label={t('office.title')}>
        <a href="#/">{t('office.title')}</a>
        <a
          href={routeHash({ page: 'office-experts' })}
          aria-current={route.page === 'office-experts' ? 'page' : undefined}
        >
          {t('officeExperts.title')}
        </a>
        <span>{status.officeName}</span>
        <button type="button" onClick={lock}>
          {t('identity.lockNow')}
        </button>
      </nav>
      <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
        <OfficePage route={route} />
      </Suspense>
    </>
  );
}

function OfficePage({ route }: { route: Route }) {
  const { t } = useI18n();
  switch (route.page) {
    case 'home':
      return <OfficeHome />;
    case 'office-experts':
      return <ExpertsPage />;
    case 'office-applicant':
      return (
        <>
          <CycleTabs cycleId={route.cycleId} current={null} />
          <ApplicantStagePage cycleId={route.cycleId} stage={route.stage} applicantId={route.applicantId} />
        </>
      );
    case 'office-cycle':
      return (
        <>
          {route.cycleId !== 'new' && <CycleTabs cycleId={route.cycleId} current={route.tab} />}
          {route.tab === 'settings' ? (
            <CyclePage cycleId={route.cycleId} />
          ) : route.tab === 'applicants' ? (
            <ApplicantsPage cycleId={route.cycleId} />
          ) : route.tab === 'panels' ? (
            <PanelsPage cycleId={route.cycleId} />
          ) : route.tab === 'inbox' ? (
            <InboxPage cycleId={route.cycleId} />
          ) : (
            <ResultsPage cycleId={route.cycleId} />
          )}
        </>
      );
    default:
      return (
        <section className="panel">
          <p>{t('app.notFound')}</p>
          <a href="#/">{t('office.title')}</a>
        </section>
      );
  }
}
