import { useState, type FormEvent } from 'react';
import type { IdentityStatus } from '../../../src-shared/contract/channels';
import type { AppError } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { PassphraseFields } from './passphrase-fields';

/** The office workstation's first run: the office's name and passphrase; main makes the office's key pairs. */
export function OfficeSetupForm({ onDone, onBack }: { onDone: (status: IdentityStatus) => void; onBack: () => void }) {
  const { t } = useI18n();
  const { client } = useServices();
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMismatch(passphrase !== repeat);
    if (passphrase !== repeat) return;
    setBusy(true);
    const result = await client.call('identity:create-office', { name: name.trim(), passphrase });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <form className="panel identity-form" onSubmit={(e) => void submit(e)} aria-labelledby="office-setup-title">
      <h1 id="office-setup-title">{t('role.officeSetupTitle')}</h1>
      {error !== undefined && <ErrorBanner error={error} />}
      <label>
        {t('role.officeName')}
        <input
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="organization"
        />
      </label>
      <PassphraseFields
        passphrase={passphrase}
        repeat={repeat}
        onPassphrase={setPassphrase}
        onRepeat={setRepeat}
        mismatch={mismatch}
      />
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('identity.creating') : t('role.officeCreate')}
      </button>
      <button type="button" onClick={onBack}>
        {t('role.back')}
      </button>
    </form>
  );
}
