import { useState } from 'react';
import type { ChannelRequest } from '../../../../src-shared/contract/channels';
import type { AppError, Result } from '../../../../src-shared/contract/result';
import { useServices } from '../../../components/services';
import { currentVersion } from '../../../data/office-consensus-repository';
import type { OfficeSignature } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';

/**
 * The state of a form that signs the next version of a record the office keeps (a consensus, the recommendation):
 * the reason a new version needs, the error to show, whether signing runs, and which version was saved last.
 */
export function useSignedVersion<Row extends { readonly history: readonly unknown[] }>(
  row: Row | undefined,
  onSaved: (row: Row) => void,
) {
  const { client } = useServices();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  const version = currentVersion(row) + 1;

  /** Has main sign `request` with the office key, then `save` keep the record with that signature as `version`. */
  const sign = async (
    request: ChannelRequest<'office:sign-record'>,
    save: (signature: OfficeSignature) => Promise<Result<Row>>,
  ): Promise<void> => {
    setBusy(true);
    const signed = await client.call('office:sign-record', request);
    const result = signed.ok ? await save(signed.value) : signed;
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setReason('');
    setSaved(version);
    onSaved(result.value);
  };

  return { reason, setReason, error, setError, busy, saved, setSaved, version, versioned: row !== undefined, sign };
}

export type SignedVersion = ReturnType<typeof useSignedVersion>;

/** The end of such a form: the reason for the new version (from version 2 on), then the sign button. */
export function SignVersionControls({
  signing,
  reasonLabel,
  signLabel,
  disabled = false,
}: {
  signing: Pick<SignedVersion, 'reason' | 'setReason' | 'busy' | 'versioned'>;
  reasonLabel: string;
  signLabel: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { reason, setReason, busy, versioned } = signing;
  return (
    <>
      {versioned && (
        <label className="version-reason">
          {reasonLabel}
          <textarea rows={2} required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <button type="submit" className="primary" disabled={busy || disabled} aria-busy={busy}>
        {busy ? t('officeResults.signing') : signLabel}
      </button>
    </>
  );
}

/** Says which version was just signed and saved, until the form changes again. */
export function SavedVersion({ saved, text }: { saved: number | undefined; text: (version: number) => string }) {
  if (saved === undefined) return null;
  return (
    <p className="banner banner-ok" role="status">
      {text(saved)}
    </p>
  );
}
