import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { IdentityStatus } from '../../../src-shared/contract/channels';
import { ErrorBanner } from '../../components/error-banner';
import { IdentityContext } from '../../components/identity-context';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n/i18n';
import { SetupForm } from './setup-form';
import { UnlockForm } from './unlock-form';
import { useIdleLock } from './use-idle-lock';

/**
 * Nothing of the app opens before a profile exists and is unlocked: first run shows the setup,
 * later starts and idle locks show the unlock form, a damaged key file is explained (never replaced).
 */
export function IdentityGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { client, now } = useServices();
  const initial = useAsync(() => client.call('identity:status', {}), [client]);
  const [status, setStatus] = useState<IdentityStatus | undefined>(undefined);
  const [lockedByIdle, setLockedByIdle] = useState(false);
  useEffect(() => {
    if (initial.status === 'ready') setStatus(initial.value);
  }, [initial]);

  const lock = useCallback(
    (byIdle: boolean) => {
      void client.call('identity:lock', {}).then((result) => {
        if (result.ok) {
          setLockedByIdle(byIdle);
          setStatus(result.value);
        }
      });
    },
    [client],
  );
  const onIdle = useCallback(() => lock(true), [lock]);
  useIdleLock(status?.state === 'unlocked', status?.idleMinutes ?? 15, now, onIdle);

  if (initial.status === 'error') return <ErrorBanner error={initial.error} />;
  if (status === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
  if (status.state === 'none') return <SetupForm onDone={setStatus} />;
  if (status.state === 'corrupt') {
    return (
      <section className="panel identity-form" role="alert">
        <h1>{t('identity.corruptTitle')}</h1>
        <p>{t('identity.corruptBody')}</p>
      </section>
    );
  }
  if (status.state === 'locked') {
    return (
      <UnlockForm
        status={status}
        lockedByIdle={lockedByIdle}
        onDone={(next) => {
          setLockedByIdle(false);
          setStatus(next);
        }}
      />
    );
  }
  return (
    <IdentityContext.Provider value={{ status, update: setStatus, lock: () => lock(false) }}>
      {children}
    </IdentityContext.Provider>
  );
}
