import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import type { ConflictGround } from '../../../src-shared/packages/payload-schemas';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { queuePackage } from '../../data/outbox-repository';
import { useI18n } from '../../i18n/i18n';

/** Art. 19 of the Measures: the grounds an expert can declare (the order of the issue). */
const grounds: readonly ConflictGround[] = ['employment', 'consulting', 'financial', 'relative', 'business', 'other'];

interface DeclarationFormProps {
  readonly assignmentId: string;
  readonly applicantId: string;
  /** Only the name: nothing else of the applicant is shown before the declaration. */
  readonly applicantName: string;
  /** A correction of an earlier declaration needs a reason; the first one has none. */
  readonly correction: boolean;
  readonly onSigned: () => void;
}

/** The conflict-of-interest declaration, signed and sealed to the office before the applicant's content opens. */
export function DeclarationForm({
  assignmentId,
  applicantId,
  applicantName,
  correction,
  onSigned,
}: DeclarationFormProps) {
  const { t } = useI18n();
  const { client, db, now } = useServices();
  const [answer, setAnswer] = useState<'none' | 'conflict' | undefined>(undefined);
  const [chosen, setChosen] = useState<Partial<Record<ConflictGround, string>>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const chosenGrounds = grounds.filter((g) => chosen[g] !== undefined);
  const ready =
    answer === 'none' ||
    (answer === 'conflict' && chosenGrounds.length > 0 && (chosen.other === undefined || chosen.other.trim() !== ''));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const result = await client.call('packages:sign-declaration', {
      assignmentId,
      applicantId,
      conflict: answer === 'conflict',
      grounds:
        answer === 'conflict' ? chosenGrounds.map((ground) => ({ ground, text: (chosen[ground] ?? '').trim() })) : [],
      correctionReason: correction ? reason.trim() : null,
    });
    const queued = result.ok
      ? await queuePackage(db, result.value, { assignmentId, applicantId, kind: 'declaration' }, now)
      : result;
    setBusy(false);
    if (queued.ok) onSigned();
    else setError(queued.error);
  };

  return (
    <form className="panel declaration" onSubmit={(e) => void submit(e)} aria-labelledby="declaration-title">
      <h1 id="declaration-title">{t('declaration.title', { name: applicantName })}</h1>
      <p>{t('declaration.intro')}</p>
      {error !== undefined && <ErrorBanner error={error} />}
      <fieldset>
        <legend>{t('declaration.question')}</legend>
        <label>
          <input type="radio" name="conflict" checked={answer === 'none'} onChange={() => setAnswer('none')} />{' '}
          {t('declaration.none')}
        </label>
        <label>
          <input type="radio" name="conflict" checked={answer === 'conflict'} onChange={() => setAnswer('conflict')} />{' '}
          {t('declaration.conflict')}
        </label>
      </fieldset>
      {answer === 'conflict' && (
        <fieldset>
          <legend>{t('declaration.grounds')}</legend>
          {grounds.map((ground) => (
            <div key={ground} className="ground">
              <label>
                <input
                  type="checkbox"
                  checked={chosen[ground] !== undefined}
                  onChange={(e) => {
                    const next = { ...chosen };
                    if (e.target.checked) next[ground] = '';
                    else delete next[ground];
                    setChosen(next);
                  }}
                />{' '}
                {t(`declaration.ground.${ground}`)}
              </label>
              {chosen[ground] !== undefined && (
                <input
                  type="text"
                  aria-label={`${t(`declaration.ground.${ground}`)} ${t('declaration.detail')}`}
                  placeholder={t('declaration.detail')}
                  value={chosen[ground]}
                  required={ground === 'other'}
                  onChange={(e) => setChosen({ ...chosen, [ground]: e.target.value })}
                />
              )}
            </div>
          ))}
          <p className="muted">{t('declaration.recusalWarning')}</p>
        </fieldset>
      )}
      {correction && (
        <label className="note">
          {t('declaration.correctionReason')}
          <textarea required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <button type="submit" className="primary" disabled={!ready || busy || (correction && reason.trim() === '')}>
        {t('declaration.sign')}
      </button>
    </form>
  );
}
