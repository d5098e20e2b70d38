import { useState, type FormEvent } from 'react';
import type { IdentityStatus } from '../../../src-shared/contract/channels';
import type { AppError } from '../../../src-shared/contract/result';
import { formatFingerprint } from '../../../src-shared/packages/ed25519';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { CurrentPassphraseField } from './passphrase-fields';
import { useQuickUnlockOffer } from './quick-unlock-settings';
import { useCountdown } from './use-countdown';

/** Unlock at start and after an idle lock; a wrong passphrase says how long to wait before the next try. */
export function UnlockForm({
  status,
  lockedByIdle,
  onDone,
}: {
  status: IdentityStatus;
  lockedByIdle: boolean;
  onDone: (status: IdentityStatus) => void;
}) {
  const { t } = useI18n();
  const { client, now } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [waitUntil, setWaitUntil] = useState<number | undefined>(undefined);
  const left = useCountdown(waitUntil, now);
  const offerQuick = useQuickUnlockOffer();

  const quickUnlock = async (): Promise<void> => {
    setBusy(true);
    const result = await client.call('identity:quick-unlock', {});
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    const result = await client.call('identity:unlock', { passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onDone(result.value);
      return;
    }
    setError(result.error);
    const seconds = Number(result.error.params?.seconds ?? 0);
    setWaitUntil(seconds > 0 ? now().getTime() + seconds * 1000 : undefined);
  };

  return (
    <form className="panel identity-form" onSubmit={(e) => void submit(e)} aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('identity.unlockTitle')}</h1>
      {lockedByIdle && <p role="status">{t('identity.lockedByIdle')}</p>}
      <p>{status.profile === null ? status.officeName : `${status.profile.name} · ${status.profile.workUnit}`}</p>
      {status.fingerprint !== null && (
        <p className="muted">
          {t('identity.fingerprint')}：<code className="fingerprint">{formatFingerprint(status.fingerprint)}</code>
        </p>
      )}
      <p>{t('identity.unlockIntro')}</p>
      {error !== undefined && <ErrorBanner error={error} />}
      <CurrentPassphraseField value={passphrase} onChange={setPassphrase} autoFocus />
      {left > 0 && <p role="status">{t('identity.waitSeconds', { seconds: left })}</p>}
      <button type="submit" className="primary" disabled={busy || left > 0} aria-busy={busy}>
        {busy ? t('identity.unlocking') : t('identity.unlock')}
      </button>
      {offerQuick && (
        <button type="button" disabled={busy || left > 0} onClick={() => void quickUnlock()}>
          {t('quick.unlock')}
        </button>
      )}
    </form>
  );
}
