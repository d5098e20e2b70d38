import { useState, type FormEvent, type ReactNode } from 'react';
import type { AppError, Result } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { useI18n } from '../../../i18n/i18n';

type Problem = Pick<AppError, 'code' | 'params'>;

/** One call to main from a dialog's form: busy while it runs, main's refusal kept to be shown. */
export function useDialogCall() {
  const [error, setError] = useState<Problem | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  /** Runs `call`; `done` follows a success, a refusal is shown in the form. */
  const run = async (call: () => Promise<Result<unknown>>, done: () => void): Promise<void> => {
    setBusy(true);
    const answer = await call();
    setBusy(false);
    if (answer.ok) done();
    else setError(answer.error);
  };
  return { error, setError, busy, run };
}

/**
 * The form inside an expert dialog: what it is about (`intro`), main's refusal, the fields, then the submit and
 * cancel buttons. `busy` is announced on the submit button when given.
 */
export function DialogForm({
  onSubmit,
  intro,
  error,
  submitLabel,
  submitClassName = 'primary',
  submitDisabled,
  busy,
  onCancel,
  children,
}: {
  onSubmit: (event: FormEvent) => Promise<void>;
  intro: ReactNode;
  error: Problem | undefined;
  submitLabel: string;
  submitClassName?: string;
  submitDisabled: boolean;
  busy?: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form className="identity-form" onSubmit={(e) => void onSubmit(e)}>
      {intro}
      {error !== undefined && <ErrorBanner error={error} />}
      {children}
      <div className="dialog-actions">
        <button type="submit" className={submitClassName} disabled={submitDisabled} aria-busy={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('officeExperts.cancel')}
        </button>
      </div>
    </form>
  );
}
