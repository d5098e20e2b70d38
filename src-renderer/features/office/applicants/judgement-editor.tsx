import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../src-shared/contract/result';
import { reasonText, ruleTitle } from '../../../../src-shared/office/eligibility-reasons';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { setOfficeApplicantJudgement } from '../../../data/office-applicant-repository';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import type { JudgedOutcome } from './eligibility-summary';

type Outcome = 'pass' | 'fail';

/**
 * The office's judgement on one rule the check leaves open: pass or fail, with the reason a reviewer can read later
 * (a judgement without a reason cannot be checked, so the reason is required).
 */
export function JudgementEditor({
  applicantId,
  outcome,
  onChanged,
}: {
  applicantId: string;
  outcome: JudgedOutcome;
  onChanged: (row: OfficeApplicantRow) => void;
}) {
  const { t, lang } = useI18n();
  const { db, now } = useServices();
  const id = useId();
  const [choice, setChoice] = useState<Outcome | ''>(outcome.judgement?.outcome ?? '');
  const [note, setNote] = useState(outcome.judgement?.note ?? '');
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [saved, setSaved] = useState<'recorded' | 'withdrawn' | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const ready = choice !== '' && note.trim() !== '';

  const write = async (judgement: { outcome: Outcome; note: string } | null): Promise<void> => {
    setBusy(true);
    const result = await setOfficeApplicantJudgement(db, { id: applicantId, rule: outcome.rule, judgement }, now);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setSaved(undefined);
      return;
    }
    setError(undefined);
    setSaved(judgement === null ? 'withdrawn' : 'recorded');
    if (judgement === null) {
      setChoice('');
      setNote('');
    }
    onChanged(result.value);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice !== '' && ready) void write({ outcome: choice, note });
  };

  const title = ruleTitle(outcome.rule, lang);
  return (
    <form className="judgement" onSubmit={submit} aria-label={t('officeApplicants.judgementFor', { rule: title })}>
      <fieldset>
        <legend>
          {title}（{outcome.article}）
        </legend>
        <p className="muted">{reasonText(outcome, lang)}</p>
        <div role="radiogroup" aria-label={t('officeApplicants.judgementOutcome')} className="judgement-choice">
          {(['pass', 'fail'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={`${id}-outcome`}
                value={value}
                checked={choice === value}
                onChange={() => {
                  setChoice(value);
                  setSaved(undefined);
                }}
              />
              {t(`officeApplicants.judge.${value}`)}
            </label>
          ))}
        </div>
        <label htmlFor={`${id}-note`}>{t('officeApplicants.judgementReason')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          required
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
            setSaved(undefined);
          }}
        />
        {!ready && <p className="muted">{t('officeApplicants.judgementHint')}</p>}
        {error !== undefined && <ErrorBanner error={error} />}
        {saved !== undefined && (
          <p className="banner banner-ok" role="status">
            {t(saved === 'recorded' ? 'officeApplicants.judgementSaved' : 'officeApplicants.judgementWithdrawn')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!ready || busy}>
            {t('officeApplicants.recordJudgement')}
          </button>
          {outcome.judgement !== undefined && (
            <button type="button" disabled={busy} onClick={() => void write(null)}>
              {t('officeApplicants.withdrawJudgement')}
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
