import { useState, type FormEvent } from 'react';
import type { IdentityStatus } from '../../../src-shared/contract/channels';
import type { AppError } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';

/** Splits "质量管理，卓越绩效、六西格玛" into fields; commas of either width and the enumeration comma separate. */
export function splitFields(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

/** First run: the expert's profile and passphrase; main makes the keys. */
export function SetupForm({ onDone }: { onDone: (status: IdentityStatus) => void }) {
  const { t } = useI18n();
  const { client } = useServices();
  const [values, setValues] = useState({
    name: '',
    workUnit: '',
    title: '',
    phone: '',
    fields: '',
    passphrase: '',
    repeat: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [mismatch, setMismatch] = useState(false);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues({ ...values, [name]: e.target.value });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (values.passphrase !== values.repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    const result = await client.call('identity:create', {
      profile: {
        name: values.name.trim(),
        workUnit: values.workUnit.trim(),
        title: values.title.trim(),
        phone: values.phone.trim(),
        fields: splitFields(values.fields),
      },
      passphrase: values.passphrase,
    });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <form className="panel identity-form" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
      <h1 id="setup-title">{t('identity.setupTitle')}</h1>
      <p>{t('identity.setupIntro')}</p>
      {error !== undefined && <ErrorBanner error={error} />}
      <label>
        {t('identity.name')}
        <input required maxLength={50} value={values.name} onChange={set('name')} autoComplete="name" />
      </label>
      <label>
        {t('identity.workUnit')}
        <input
          required
          maxLength={100}
          value={values.workUnit}
          onChange={set('workUnit')}
          autoComplete="organization"
        />
      </label>
      <label>
        {t('identity.title')}
        <input maxLength={50} value={values.title} onChange={set('title')} />
      </label>
      <label>
        {t('identity.phone')}
        <input
          maxLength={30}
          inputMode="tel"
          pattern="[0-9 +\-]*"
          value={values.phone}
          onChange={set('phone')}
          autoComplete="tel"
        />
      </label>
      <label>
        {t('identity.fields')}
        <input value={values.fields} onChange={set('fields')} />
      </label>
      <label>
        {t('identity.passphrase')}
        <input
          type="password"
          required
          minLength={10}
          value={values.passphrase}
          onChange={set('passphrase')}
          autoComplete="new-password"
          aria-describedby="passphrase-hint"
        />
      </label>
      <label>
        {t('identity.passphraseRepeat')}
        <input
          type="password"
          required
          minLength={10}
          value={values.repeat}
          onChange={set('repeat')}
          autoComplete="new-password"
        />
      </label>
      <p id="passphrase-hint" className="muted">
        {t('identity.passphraseHint')}
      </p>
      {mismatch && (
        <p role="alert" className="banner banner-error">
          {t('identity.passphraseMismatch')}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('identity.creating') : t('identity.create')}
      </button>
    </form>
  );
}
