import { useState, type FormEvent } from 'react';
import type { IdentityStatus } from '../../../src-shared/contract/channels';
import type { AppError } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useI18n } from '../../i18n/i18n';
import { OfficeSetupForm } from './office-setup-form';
import { PassphraseFields } from './passphrase-fields';

/** Splits "质量管理，卓越绩效、六西格玛" into fields; commas of either width and the enumeration comma separate. */
export function splitFields(text: string): string[] {
  return text
    .split(/[,，、;；]/)
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

/**
 * First run: the choice of use (expert or office workstation), then that role's setup; main makes the keys. The
 * expert's form is the default path, one click away.
 */
export function SetupForm({ onDone }: { onDone: (status: IdentityStatus) => void }) {
  const { t } = useI18n();
  const [role, setRole] = useState<'expert' | 'office' | undefined>(undefined);
  if (role === 'expert') return <ExpertSetupForm onDone={onDone} onBack={() => setRole(undefined)} />;
  if (role === 'office') return <OfficeSetupForm onDone={onDone} onBack={() => setRole(undefined)} />;
  return (
    <section className="panel identity-form" aria-labelledby="role-title">
      <h1 id="role-title">{t('role.title')}</h1>
      <p>{t('role.intro')}</p>
      <button type="button" className="primary" onClick={() => setRole('expert')}>
        {t('role.expert')}
      </button>
      <button type="button" onClick={() => setRole('office')}>
        {t('role.office')}
      </button>
    </section>
  );
}

/** The expert's profile and passphrase. */
function ExpertSetupForm({ onDone, onBack }: { onDone: (status: IdentityStatus) => void; onBack: () => void }) {
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
      <PassphraseFields
        passphrase={values.passphrase}
        repeat={values.repeat}
        onPassphrase={(passphrase) => setValues({ ...values, passphrase })}
        onRepeat={(repeat) => setValues({ ...values, repeat })}
        mismatch={mismatch}
      />
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('identity.creating') : t('identity.create')}
      </button>
      <button type="button" onClick={onBack}>
        {t('role.back')}
      </button>
    </form>
  );
}
