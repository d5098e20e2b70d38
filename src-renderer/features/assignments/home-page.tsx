import { useState } from 'react';
import { ok, type AppError } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { navigate } from '../../components/route';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { importAssignmentBundle, listAssignments } from '../../data/assignment-repository';
import { useI18n } from '../../i18n/i18n';

export function HomePage() {
  const { t, pick } = useI18n();
  const { db, client, now } = useServices();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const state = useAsync(async () => ok(await listAssignments(db, now)), [db, now]);

  const openDemo = async (): Promise<void> => {
    setOpening(true);
    setError(undefined);
    const bundle = await client.call('demo:get', {});
    const stored = bundle.ok ? await importAssignmentBundle(db, bundle.value, 'demo', now) : bundle;
    setOpening(false);
    if (stored.ok) navigate({ page: 'applicants', assignmentId: stored.value });
    else setError(stored.error);
  };

  if (state.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} />;
  const { assignments, cycles, quarantined } = state.value;
  const cycleById = new Map(cycles.map((cycle) => [cycle.id, cycle]));
  return (
    <section className="page">
      <h1>{t('home.title')}</h1>
      {quarantined > 0 && (
        <div className="banner banner-warn" role="status">
          {t('app.quarantined', { count: quarantined })}
        </div>
      )}
      {error !== undefined && <ErrorBanner error={error} />}
      {assignments.length === 0 ? (
        <div className="panel empty-state">
          <h2>{t('home.emptyTitle')}</h2>
          <p>{t('home.emptyBody')}</p>
          <p>{t('home.demoOffer')}</p>
          <button
            type="button"
            className="primary"
            onClick={() => void openDemo()}
            disabled={opening}
            aria-busy={opening}
          >
            {opening ? t('home.openingDemo') : t('home.openDemo')}
          </button>
        </div>
      ) : (
        <ul className="card-list">
          {assignments.map((assignment) => {
            const cycle = cycleById.get(assignment.cycleId);
            return (
              <li key={assignment.id} className="panel card">
                <h2>
                  {cycle === undefined ? assignment.cycleId : pick(cycle.name)}{' '}
                  {cycle?.demo === true && <span className="badge">{t('home.demoBadge')}</span>}
                </h2>
                <dl className="facts">
                  <dt>{t('home.stage')}</dt>
                  <dd>{t(`stage.${assignment.stage}`)}</dd>
                  <dt>{t('home.deadline')}</dt>
                  <dd>{assignment.deadline}</dd>
                  <dt>{t('home.applicants')}</dt>
                  <dd>{assignment.applicantIds.length}</dd>
                </dl>
                <a className="button primary" href={`#/assignments/${encodeURIComponent(assignment.id)}`}>
                  {t('home.open')}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {assignments.length > 0 && !assignments.some((a) => a.source === 'demo') && (
        <button type="button" onClick={() => void openDemo()} disabled={opening}>
          {t('home.openDemo')}
        </button>
      )}
    </section>
  );
}
