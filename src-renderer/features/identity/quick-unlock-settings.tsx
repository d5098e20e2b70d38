import { useState, type FormEvent } from 'react';
import type { QuickUnlockStatus } from '../../../src-shared/contract/platform-schemas';
import { ok, type AppError, type Result } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n/i18n';
import { CurrentPassphraseField } from './passphrase-fields';

/**
 * Quick unlock on the profile page: turn it on (the passphrase is checked against the key file first) or off. Where
 * the OS keeps no safe store (the browser host; Linux's basic_text) it says why and offers nothing.
 */
export function QuickUnlockSettings() {
  const { t } = useI18n();
  const { client } = useServices();
  const [version, setVersion] = useState(0);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const loaded = useAsync(() => client.call('identity:quick-unlock-status', {}), [client, version]);
  const [current, setCurrent] = useState<QuickUnlockStatus | undefined>(undefined);
  const state = current ?? (loaded.status === 'ready' ? loaded.value : undefined);

  const answer = (result: Result<QuickUnlockStatus>): void => {
    if (result.ok) {
      setCurrent(result.value);
      setProblem(undefined);
      setPassphrase('');
    } else {
      setProblem(result.error);
      setVersion((v) => v + 1);
    }
  };
  const enable = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    answer(await client.call('identity:quick-unlock-enable', { passphrase }));
  };

  return (
    <section className="panel identity-form" aria-labelledby="quick-unlock-title">
      <h2 id="quick-unlock-title">{t('quick.title')}</h2>
      <p>{t('quick.intro')}</p>
      {problem !== undefined && <ErrorBanner error={problem} />}
      {loaded.status === 'error' && <ErrorBanner error={loaded.error} />}
      {state === undefined ? null : !state.available ? (
        <p role="status" data-testid="quick-unlock-status">
          {t(`quick.unavailable.${state.reason ?? 'encryption-unavailable'}`)}
        </p>
      ) : state.stored ? (
        <>
          <p role="status" data-testid="quick-unlock-status">
            {t('quick.on')}
          </p>
          <button type="button" onClick={() => void client.call('identity:quick-unlock-disable', {}).then(answer)}>
            {t('quick.disable')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void enable(e)}>
          <p role="status" data-testid="quick-unlock-status">
            {t('quick.off')}
          </p>
          <CurrentPassphraseField value={passphrase} onChange={setPassphrase} />
          <button type="submit">{t('quick.enable')}</button>
        </form>
      )}
    </section>
  );
}

/** Whether the unlock screen may offer the keychain: only the desktop app asks, so the browser start stays one call. */
export function useQuickUnlockOffer(): boolean {
  const { client, transport } = useServices();
  const offer = useAsync(
    async () =>
      transport === 'electron'
        ? client.call('identity:quick-unlock-status', {})
        : ok({ available: false, stored: false }),
    [client, transport],
  );
  return offer.status === 'ready' && offer.value.available && offer.value.stored;
}
