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
  // A signed pledge is never withdrawn. Once seen, the cycle stays open while the shared status is read again
  // (after a declaration below is signed), so the page under the gate keeps its state instead of remounting.
  const [openFor, setOpenFor] = useState<string | undefined>(undefined);
  const pledged = (state.status === 'ready' && state.value.pledged) || openFor === assignmentId;
  if (pledged && openFor !== assignmentId) setOpenFor(assignmentId);
  // The signed assignment (with every applicant's profile) is read only when its pledge text is needed: not
  // while the status is unknown, which on a cold start would parse it for nothing when the cycle is pledged.
  const due = state.status === 'ready' && !pledged;
  const signed = useAsync(
    async () =>
      ok(due ? { pledgeText: (await loadAssignmentPackage(db, assignmentId, now))?.payload.pledgeText } : null),
    [db, assignmentId, now, due],
  );
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);

  if (pledged) return <>{children}</>;
  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} />;
  if (signed.status === 'error') return <ErrorBanner error={signed.error} />;
  // `null` is the answer from before the pledge was known to be due; the read for it starts after this render.
  if (signed.status === 'loading' || signed.value === null) return <p aria-busy="true">{t('app.loading')}</p>;
  const { pledgeText } = signed.value;

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
