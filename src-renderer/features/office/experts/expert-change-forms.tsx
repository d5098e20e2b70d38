import { useState, type FormEvent } from 'react';
import type { ExpertRecord } from '../../../../src-shared/contract/office-channels';
import type { AppError } from '../../../../src-shared/contract/result';
import { formatFingerprint } from '../../../../src-shared/packages/ed25519';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { useI18n } from '../../../i18n/i18n';
import type { DialogDone } from './expert-dialog';
import { readExpertUpdate } from './expert-input';

type Problem = Pick<AppError, 'code' | 'params'>;

/** The office's copy of the work unit, fields and phone (e.g. after the expert changed jobs); the enrollment stays. */
export function EditExpertForm({
  expert,
  onDone,
  onCancel,
}: {
  expert: ExpertRecord;
  onDone: DialogDone;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const { client } = useServices();
  const [values, setValues] = useState({
    workUnit: expert.profile.workUnit,
    fields: expert.profile.fields.join(lang === 'en' ? ', ' : '、'),
    phone: expert.profile.phone,
  });
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const request = readExpertUpdate(expert.expertId, values);
    setInvalid(request === undefined);
    setError(undefined);
    if (request === undefined) return;
    setBusy(true);
    const answer = await client.call('office:expert-update', request);
    setBusy(false);
    if (answer.ok) onDone(t('officeExperts.saved', { name: expert.profile.name }));
    else setError(answer.error);
  };

  return (
    <form className="identity-form" onSubmit={(e) => void submit(e)}>
      <p>{t('officeExperts.editNote')}</p>
      {error !== undefined && <ErrorBanner error={error} />}
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
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {t('officeExperts.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('officeExperts.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Revoking needs a reason and an explicit confirmation: it cannot be undone, and it refuses the key from now on. */
export function RevokeExpertForm({
  expert,
  onDone,
  onCancel,
}: {
  expert: ExpertRecord;
  onDone: DialogDone;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { client } = useServices();
  const [reason, setReason] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (reason.trim() === '' || !agreed) return;
    setBusy(true);
    const answer = await client.call('office:expert-revoke', { expertId: expert.expertId, reason: reason.trim() });
    setBusy(false);
    if (answer.ok) onDone(t('officeExperts.revokedDone', { name: expert.profile.name }));
    else setError(answer.error);
  };

  return (
    <form className="identity-form" onSubmit={(e) => void submit(e)}>
      <p className="banner banner-warn">
        {t('officeExperts.revokeWarning', { fingerprint: formatFingerprint(expert.fingerprint) })}
      </p>
      {error !== undefined && <ErrorBanner error={error} />}
      <label>
        {t('officeExperts.revokeReason')}
        <textarea rows={3} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className="checkbox-label">
        <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        {t('officeExperts.revokeAgree')}
      </label>
      <div className="dialog-actions">
        <button type="submit" className="primary danger" disabled={busy || !agreed || reason.trim() === ''}>
          {t('officeExperts.revokeSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('officeExperts.cancel')}
        </button>
      </div>
    </form>
  );
}
