import { Suspense, useEffect, useState } from 'react';
import { ErrorBanner } from '../components/error-banner';
import { useAsync } from '../components/use-async';
import { lazyPage } from '../components/lazy-page';
import { ApplicantListPage } from '../features/assignments/applicant-list-page';
import { HomePage } from '../features/assignments/home-page';
import { ApplicantGate } from '../features/declarations/applicant-gate';
import { PledgeGate } from '../features/declarations/pledge-gate';
import { IdentityGate } from '../features/identity/identity-gate';
import { useIdentity } from '../components/identity-context';
import { MaterialsProvider, useMaterials } from '../features/materials/materials-context';
import { MaterialsPanel } from '../features/materials/materials-panel';
import { ScorebookPage } from '../features/scoring/scorebook-page';
import { ServicesProvider, useServices, type AppServices } from '../components/services';
import { createSharedLoads, SharedLoadsContext } from '../components/shared-loads';
import { navigate, useRoute, type Route } from '../components/route';
import { storageWarnPercent, useStorageHealth } from '../components/use-storage-health';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { RoutePreload } from './route-preload';

// Screens off the cold path to a scorebook or the applicant list load on first use, which keeps them out of
// the entry chunk every start parses. Home stays in the entry: it is the first screen of most starts.
const ProfilePage = lazyPage(() => import('../features/identity/profile-page').then((m) => m.ProfilePage));
const OutboxPage = lazyPage(() => import('../features/submission/outbox-page').then((m) => m.OutboxPage));
const SubmitPage = lazyPage(() => import('../features/submission/submit-page').then((m) => m.SubmitPage));
const StageViewPage = lazyPage(() => import('../features/scoring/stage-view-page').then((m) => m.StageViewPage));
const StageSessionPage = lazyPage(() => import('../features/sessions/session-page').then((m) => m.StageSessionPage));
// The office workstation is another app on the same shell; an expert's start never loads it.
const OfficeApp = lazyPage(() => import('../features/office/office-app').then((m) => m.OfficeApp));

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div role="group" aria-label={t('app.language')} className="lang-switch">
      <button type="button" aria-pressed={lang === 'zh-CN'} onClick={() => setLang('zh-CN')} lang="zh-CN">
        中文
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        English
      </button>
    </div>
  );
}

interface ScorebookRouteProps {
  readonly assignmentId: string;
  readonly applicantId: string;
  readonly itemId: string | undefined;
}

/**
 * The scorebook with the applicant's materials: the viewer is its own feature, and features do not import each
 * other, so the shell hands the viewer's context and panel to the page.
 */
function ScorebookWithMaterials(props: ScorebookRouteProps) {
  const materials = useMaterials();
  return (
    <ScorebookPage
      {...props}
      materials={materials.available ? materials : undefined}
      materialsPanel={<MaterialsPanel />}
    />
  );
}

/** The app behind the identity gate: a bar with the expert's name and lock button, and the routed page. */
function Routes({ route }: { route: Route }) {
  const { t } = useI18n();
  const { status, lock } = useIdentity();
  if (status.role === 'office') {
    return (
      <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
        <OfficeApp route={route} />
      </Suspense>
    );
  }
  return (
    <>
      <nav className="user-bar" aria-label={t('identity.panel')}>
        <a href="#/">{t('app.home')}</a>
        <a href="#/outbox" aria-current={route.page === 'outbox' ? 'page' : undefined}>
          {t('outbox.title')}
        </a>
        <a href="#/profile" aria-current={route.page === 'profile' ? 'page' : undefined}>
          {status.profile?.name} · {t('identity.panel')}
        </a>
        <button type="button" onClick={lock}>
          {t('identity.lockNow')}
        </button>
      </nav>
      {route.page === 'home' && <HomePage />}
      <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
        {route.page === 'profile' && <ProfilePage />}
        {route.page === 'outbox' && <OutboxPage />}
        {route.page === 'submit' && (
          <ApplicantGate assignmentId={route.assignmentId} applicantId={route.applicantId}>
            <SubmitPage assignmentId={route.assignmentId} applicantId={route.applicantId} />
          </ApplicantGate>
        )}
        {route.page === 'stages' && (
          <ApplicantGate assignmentId={route.assignmentId} applicantId={route.applicantId}>
            <StageViewPage assignmentId={route.assignmentId} applicantId={route.applicantId} />
          </ApplicantGate>
        )}
        {route.page === 'session' && (
          <ApplicantGate assignmentId={route.assignmentId} applicantId={route.applicantId}>
            <StageSessionPage assignmentId={route.assignmentId} applicantId={route.applicantId} />
          </ApplicantGate>
        )}
      </Suspense>
      {route.page === 'applicants' && (
        <PledgeGate assignmentId={route.assignmentId}>
          <ApplicantListPage assignmentId={route.assignmentId} />
        </PledgeGate>
      )}
      {route.page === 'scorebook' && (
        <ApplicantGate assignmentId={route.assignmentId} applicantId={route.applicantId}>
          <MaterialsProvider assignmentId={route.assignmentId} applicantId={route.applicantId}>
            <ScorebookWithMaterials
              assignmentId={route.assignmentId}
              applicantId={route.applicantId}
              itemId={route.itemId}
            />
          </MaterialsProvider>
        </ApplicantGate>
      )}
      {route.page === 'not-found' && (
        <section className="panel">
          <p>{t('app.notFound')}</p>
          <button type="button" onClick={() => navigate({ page: 'home' })}>
            {t('app.backHome')}
          </button>
        </section>
      )}
    </>
  );
}

function Shell() {
  const { t, lang } = useI18n();
  const { transport, client } = useServices();
  const route = useRoute();
  // One call at start proves the way to main works; a stale token says how to get the current address.
  const info = useAsync(() => client.call('app:info', {}), [client]);
  const health = useStorageHealth(typeof navigator === 'undefined' ? undefined : navigator.storage);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <header className="app-header">
        <a className="app-name" href="#/">
          {t('app.title')}
        </a>
        {transport === 'web' && (
          <span className="badge" title={t('app.webModeHint')}>
            {t('app.webMode')}
          </span>
        )}
        <LanguageSwitch />
      </header>
      {health.persisted === false && (
        <div className="banner banner-warn" role="status">
          {t('app.storageNotPersisted')}
        </div>
      )}
      {health.usedPercent !== undefined && health.usedPercent >= storageWarnPercent && (
        <div className="banner banner-warn" role="status">
          {t('app.storageNearlyFull', { percent: health.usedPercent })}
        </div>
      )}
      {info.status === 'error' && <ErrorBanner error={info.error} />}
      <main id="main" tabIndex={-1}>
        <IdentityGate preload={<RoutePreload route={route} />}>
          <Routes route={route} />
        </IdentityGate>
      </main>
      <footer className="app-footer muted">
        Scorebook {info.status === 'ready' ? info.value.version : ''} · {t('app.footer')}
      </footer>
    </>
  );
}

export function App({ services, storage }: { services: AppServices; storage: Storage }) {
  // One store of shared reads per app (per services): the gates and pages behind the identity gate and the
  // route's preload beside it find each other's answers there.
  const [loads] = useState(createSharedLoads);
  return (
    <ServicesProvider services={services}>
      <SharedLoadsContext.Provider value={loads}>
        <I18nProvider storage={storage}>
          <Shell />
        </I18nProvider>
      </SharedLoadsContext.Provider>
    </ServicesProvider>
  );
}
