import { useState, type FormEvent } from 'react';
import { formatFingerprint } from '../../../../src-shared/packages/ed25519';
import { useServices } from '../../../components/services';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm, useDialogCall } from './dialog-form';
import type { ExpertFormProps } from './expert-dialog';
import { readExpertUpdate } from './expert-input';

/** The office's copy of the work unit, fields and phone (e.g. after the expert changed jobs); the enrollment stays. */
export function EditExpertForm({ expert, onDone, onCancel }: ExpertFormProps) {
  const { t, lang } = useI18n();
  const { client } = useServices();
  const [values, setValues] = useState({
    workUnit: expert.profile.workUnit,
    fields: expert.profile.fields.join(lang === 'en' ? ', ' : '、'),
    phone: expert.profile.phone,
  });
  const [invalid, setInvalid] = useState(false);
  const { error, setError, busy, run } = useDialogCall();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const request = readExpertUpdate(expert.expertId, values);
    setInvalid(request === undefined);
    setError(undefined);
    if (request === undefined) return;
    await run(
      () => client.call('office:expert-update', request),
      () => onDone(t('officeExperts.saved', { name: expert.profile.name })),
    );
  };

  return (
    <DialogForm
      onSubmit={submit}
      intro={<p>{t('officeExperts.editNote')}</p>}
      error={error}
      submitLabel={t('officeExperts.save')}
      submitDisabled={busy}
      busy={busy}
      onCancel={onCancel}
    >
      <label>
        {t('officeExperts.workUnit')}
        <input
          required
          maxLength={100}
          value={values.workUnit}
          onChange={(e) => setValues({ ...values, workUnit: e.target.value })}
        />
      </label>
      <label>
        {t('officeExperts.fieldsInput')}
        <input value={values.fields} onChange={(e) => setValues({ ...values, fields: e.target.value })} />
      </label>
      <label>
        {t('officeExperts.phone')}
        <input
          type="tel"
          maxLength={30}
          value={values.phone}
          onChange={(e) => setValues({ ...values, phone: e.target.value })}
        />
      </label>
      {invalid && (
        <p className="banner banner-warn" role="alert">
          {t('officeExperts.editInvalid')}
        </p>
      )}
    </DialogForm>
  );
}

/** Revoking needs a reason and an explicit confirmation: it cannot be undone, and it refuses the key from now on. */
export function RevokeExpertForm({ expert, onDone, onCancel }: ExpertFormProps) {
  const { t } = useI18n();
  const { client } = useServices();
  const [reason, setReason] = useState('');
  const [agreed, setAgreed] = useState(false);
  const { error, busy, run } = useDialogCall();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (reason.trim() === '' || !agreed) return;
    await run(
      () => client.call('office:expert-revoke', { expertId: expert.expertId, reason: reason.trim() }),
      () => onDone(t('officeExperts.revokedDone', { name: expert.profile.name })),
    );
  };

  return (
    <DialogForm
      onSubmit={submit}
      intro={
        <p className="banner banner-warn">
          {t('officeExperts.revokeWarning', { fingerprint: formatFingerprint(expert.fingerprint) })}
        </p>
      }
      error={error}
      submitLabel={t('officeExperts.revokeSubmit')}
      submitClassName="primary danger"
      submitDisabled={busy || !agreed || reason.trim() === ''}
      onCancel={onCancel}
    >
      <label>
        {t('officeExperts.revokeReason')}
        <textarea rows={3} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className="checkbox-label">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        {t('officeExperts.revokeAgree')}
      </label>
    </DialogForm>
  );
}
