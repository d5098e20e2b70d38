import { Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IdentityStatus } from '../../../src-shared/contract/channels';
import { ErrorBanner } from '../../components/error-banner';
import { IdentityContext, type IdentityControls } from '../../components/identity-context';
import { lazyPage } from '../../components/lazy-page';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n/i18n';
import { UnlockForm } from './unlock-form';
import { useIdleLock } from './use-idle-lock';

// First run only, so it loads on demand. The unlock form stays in the entry: every desktop start shows it.
const SetupForm = lazyPage(() => import('./setup-form').then((m) => m.SetupForm));

/**
 * Nothing of the app opens before a profile exists and is unlocked: first run shows the setup,
 * later starts and idle locks show the unlock form, a damaged key file is explained (never replaced).
 *
 * `preload` (reads the page behind the gate will need) is mounted while main is asked and while unlocked, so
 * those reads run beside the identity check; it is unmounted — its reads let go — as soon as the identity
 * turns out locked, absent or damaged, and mounted again after an unlock.
 */
export function IdentityGate({ children, preload }: { children: ReactNode; preload?: ReactNode }) {
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
  const recheck = useCallback(() => {
    void client.call('identity:status', {}).then((result) => {
      if (result.ok) setStatus(result.value);
    });
  }, [client]);
  const onIdle = useCallback(() => lock(true), [lock]);
  useIdleLock(status?.state === 'unlocked', status?.idleMinutes ?? 15, now, onIdle);
  const controls = useMemo<IdentityControls | undefined>(
    () => (status === undefined ? undefined : { status, update: setStatus, lock: () => lock(false), recheck }),
    [status, lock, recheck],
  );

  const gated = (): ReactNode => {
    if (initial.status === 'error') return <ErrorBanner error={initial.error} />;
    if (status === undefined || controls === undefined) return <p aria-busy="true">{t('app.loading')}</p>;
    if (status.state === 'none') {
      return (
        <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
          <SetupForm onDone={setStatus} />
        </Suspense>
      );
    }
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
    return <IdentityContext.Provider value={controls}>{children}</IdentityContext.Provider>;
  };

  const open = initial.status !== 'error' && (status === undefined || status.state === 'unlocked');
  // Always first in the fragment, so it stays mounted (and its reads held) from "asking" to "unlocked".
  return (
    <>
      {open ? preload : null}
      {gated()}
    </>
  );
}
