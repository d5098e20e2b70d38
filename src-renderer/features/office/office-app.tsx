import { useIdentity } from '../../components/identity-context';
import type { Route } from '../../components/route';
import { useI18n } from '../../i18n/i18n';
import { CyclePage } from './cycle-form';
import { OfficeHome } from './office-home';

/** The office workstation behind the identity gate: its own bar (name, lock) and pages; no expert page opens here. */
export function OfficeApp({ route }: { route: Route }) {
  const { t } = useI18n();
  const { status, lock } = useIdentity();
  return (
    <>
      <nav className="user-bar" aria-label={t('office.title')}>
        <a href="#/">{t('office.title')}</a>
        <span>{status.officeName}</span>
        <button type="button" onClick={lock}>
          {t('identity.lockNow')}
        </button>
      </nav>
      {route.page === 'office-cycle' ? (
        <CyclePage cycleId={route.cycleId} />
      ) : route.page === 'home' ? (
        <OfficeHome />
      ) : (
        <section className="panel">
          <p>{t('app.notFound')}</p>
          <a href="#/">{t('office.title')}</a>
        </section>
      )}
    </>
  );
}
