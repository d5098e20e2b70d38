import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ExpertRecord } from '../../../../src-shared/contract/office-channels';
import { formatFingerprint } from '../../../../src-shared/packages/ed25519';
import { useServices } from '../../../components/services';
import { useI18n } from '../../../i18n/i18n';
import { DialogForm, useDialogCall } from './dialog-form';
import { readFingerprint } from './expert-input';

/**
 * A modal dialog that opens when mounted and reports when it closes (Escape, the cancel button or a finished action),
 * so the page only decides which expert and which action it shows.
 */
export function ExpertDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby={titleId} className="panel expert-dialog" onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** The 64 hex digits in 16 groups of four, each group its own element so it can be read and compared one by one. */
export function FingerprintGroups({ fingerprint, label }: { fingerprint: string; label: string }) {
  const groups = formatFingerprint(fingerprint).split(' ');
  return (
    <code className="fingerprint fingerprint-groups" aria-label={label} data-testid="registered-fingerprint">
      {/* The spaces between groups keep the text readable when copied or read aloud; the grid ignores them. */}
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 && ' '}
          <span>{group}</span>
        </Fragment>
      ))}
    </code>
  );
}

export type DialogDone = (message: string) => void;

/** What each action's form in the dialog gets: the expert, what to report when done, and how to cancel. */
export interface ExpertFormProps {
  readonly expert: ExpertRecord;
  readonly onDone: DialogDone;
  readonly onCancel: () => void;
}

/**
 * Confirming an expert: a person reads the fingerprint with the expert (by phone, in person) and types what the
 * expert read; main compares it with the registered one and refuses a mismatch (E_FINGERPRINT_MISMATCH).
 */
export function ConfirmExpertForm({ expert, onDone, onCancel }: ExpertFormProps) {
  const { t } = useI18n();
  const { client } = useServices();
  const [heard, setHeard] = useState('');
  const [confirmer, setConfirmer] = useState('');
  const [formatProblem, setFormatProblem] = useState(false);
  const { error, setError, busy, run } = useDialogCall();
  const name = expert.profile.name;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const fingerprint = readFingerprint(heard);
    setFormatProblem(fingerprint === undefined);
    setError(undefined);
    if (fingerprint === undefined) return;
    await run(
      () =>
        client.call('office:expert-confirm', { expertId: expert.expertId, fingerprint, confirmedBy: confirmer.trim() }),
      () => onDone(t('officeExperts.confirmed', { name })),
    );
  };

  return (
    <DialogForm
      onSubmit={submit}
      intro={
        <>
          <p>{t('officeExperts.confirmHow')}</p>
          <p>{t('officeExperts.registered')}</p>
          <FingerprintGroups fingerprint={expert.fingerprint} label={t('officeExperts.registered')} />
        </>
      }
      error={error}
      submitLabel={t('officeExperts.confirmSubmit')}
      submitDisabled={busy || confirmer.trim() === ''}
      busy={busy}
      onCancel={onCancel}
    >
      <label>
        {t('officeExperts.heard')}
        <textarea
          rows={3}
          required
          spellCheck={false}
          autoComplete="off"
          className="fingerprint"
          value={heard}
          aria-invalid={formatProblem}
          onChange={(e) => setHeard(e.target.value)}
        />
      </label>
      {formatProblem && (
        <p className="banner banner-warn" role="alert">
          {t('officeExperts.heardFormat')}
        </p>
      )}
      <label>
        {t('officeExperts.confirmer')}
        <input required maxLength={50} value={confirmer} onChange={(e) => setConfirmer(e.target.value)} />
      </label>
    </DialogForm>
  );
}
