import { ok } from '../../../src-shared/contract/result';
import { formatFingerprint } from '../../../src-shared/packages/ed25519';
import { useIdentity } from '../../components/identity-context';
import { routeHash } from '../../components/route';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { listOfficeCycles } from '../../data/office-cycle-repository';
import { useI18n } from '../../i18n/i18n';
import { OfficeDemo } from './office-demo';

/** The office workstation's first screen: who it is (name, key fingerprint) and the cycles it runs. */
export function OfficeHome() {
  const { t, lang } = useI18n();
  const { db, now } = useServices();
  const { status } = useIdentity();
  const cycles = useAsync(async () => ok(await listOfficeCycles(db, now)), [db, now]);
  return (
    <section className="page">
      <h1>{t('office.title')}</h1>
      <p>
        {status.officeName}
        {status.fingerprint !== null && (
          <>
            {' · '}
            {t('identity.fingerprint')}：
            <code className="fingerprint" data-testid="office-fingerprint">
              {formatFingerprint(status.fingerprint)}
            </code>
          </>
        )}
      </p>
      <p>{t('office.intro')}</p>
      <a className="button primary" href={routeHash({ page: 'office-cycle', cycleId: 'new', tab: 'settings' })}>
        {t('office.newCycle')}
      </a>
      {cycles.status !== 'ready' ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : cycles.value.length === 0 ? (
        <p className="panel empty-state">{t('office.noCycles')}</p>
      ) : (
        <table className="applicant-table">
          <caption>{t('office.cycles')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.cycleName')}</th>
              <th scope="col">{t('office.period')}</th>
              <th scope="col">{t('office.stages')}</th>
              <th scope="col">{t('office.revision')}</th>
            </tr>
          </thead>
          <tbody>
            {cycles.value.map((cycle) => (
              <tr key={cycle.id}>
                <td>
                  <a href={routeHash({ page: 'office-cycle', cycleId: cycle.id, tab: 'settings' })}>
                    {cycle.settings.name[lang] || cycle.settings.name['zh-CN']}
                  </a>
                </td>
                <td>
                  {cycle.settings.periodStart} – {cycle.settings.periodEnd}
                </td>
                <td>{cycle.settings.stages.map((stage) => t(`stage.${stage}`)).join(' → ')}</td>
                <td>{cycle.revision}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <OfficeDemo />
    </section>
  );
}
