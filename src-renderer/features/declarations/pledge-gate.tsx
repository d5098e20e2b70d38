import { useState, type ReactNode } from 'react';
import { ok, type AppError } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { useAssignmentStatus } from '../../components/use-assignment-status';
import { loadAssignmentPackage } from '../../data/assignment-repository';
import { queuePackage } from '../../data/outbox-repository';
import { useI18n } from '../../i18n/i18n';

/** Nothing of a cycle opens before its pledge (保密承诺) is accepted and signed. */
export function PledgeGate({ assignmentId, children }: { assignmentId: string; children: ReactNode }) {
  const { t } = useI18n();
  const { client, db, now } = useServices();
  const { state, reload } = useAssignmentStatus(assignmentId);
  const pledged = state.status === 'ready' && state.value.pledged;
  // The signed assignment (with every applicant's profile) is read only when its pledge text is needed.
  const signed = useAsync(
    async () => ok(pledged ? undefined : await loadAssignmentPackage(db, assignmentId, now)),
    [db, assignmentId, now, pledged],
  );
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);

  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} />;
  if (state.value.pledged) return <>{children}</>;
  if (signed.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  const pledgeText = signed.status === 'ready' ? signed.value?.payload.pledgeText : undefined;

  const sign = async (): Promise<void> => {
    setBusy(true);
    const result = await client.call('packages:sign-pledge', { assignmentId });
    setBusy(false);
    const queued = result.ok
      ? await queuePackage(db, result.value, { assignmentId, applicantId: null, kind: 'pledge' }, now)
      : result;
    if (queued.ok) reload();
    else setError(queued.error);
  };

  return (
    <section className="panel pledge" aria-labelledby="pledge-title">
      <h1 id="pledge-title">{t('pledge.title')}</h1>
      <p>{t('pledge.intro')}</p>
      {pledgeText === undefined ? (
        <ErrorBanner error={{ code: 'E_NOT_ASSIGNED' }} />
      ) : (
        <blockquote className="pledge-text" lang="zh-CN">
          {pledgeText}
        </blockquote>
      )}
      {error !== undefined && <ErrorBanner error={error} />}
      <label>
        <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />{' '}
        {t('pledge.accept')}
      </label>
      <button
        type="button"
        className="primary"
        disabled={!accepted || busy || pledgeText === undefined}
        onClick={() => void sign()}
      >
        {t('pledge.sign')}
      </button>
    </section>
  );
}
