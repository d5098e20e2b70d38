import { useAssignmentImport } from './use-assignment-import';
import { ok } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { navigate } from '../../components/route';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { listAssignments } from '../../data/assignment-repository';
import { useI18n } from '../../i18n/i18n';

export function HomePage() {
  const { t, pick } = useI18n();
  const { db, now } = useServices();
  const state = useAsync(async () => ok(await listAssignments(db, now)), [db, now]);
  const importer = useAssignmentImport((assignmentId) => navigate({ page: 'applicants', assignmentId }));
  const opening = importer.state.busy;
  const error = importer.state.error;
  const openDemo = (): Promise<void> => importer.openDemo();
  const chooseFile = (file: File | undefined): void => {
    if (file === undefined) return;
    void importer.importFile(file);
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
      {importer.state.awaitingRepin !== undefined && (
        <div className="panel" role="group" aria-label={t('home.repinTitle')}>
          <p>{t('home.repinBody')}</p>
          <button type="button" onClick={() => void importer.repin()} disabled={opening}>
            {t('home.repin')}
          </button>
        </div>
      )}
      <label className="button import-button">
        {t('home.importAssignment')}
        <input
          type="file"
          accept=".qapkg"
          className="visually-hidden"
          onChange={(e) => {
            chooseFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
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
