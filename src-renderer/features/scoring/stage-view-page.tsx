import { lazy, Suspense, useMemo } from 'react';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { ok } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { routeHash } from '../../components/route';
import { useServices } from '../../components/services';
import { useAssignment } from '../../components/use-assignment';
import { useAsync } from '../../components/use-async';
import { sheetIdOf } from '../../data/sheet-repository';
import { loadStageSheets } from '../../data/stage-sheets';
import { loadStageWork } from '../../data/stage-work-repository';
import { useI18n } from '../../i18n/i18n';
import { stageDelta, stageRadarData } from './stage-delta';
import { StageStepper } from './stage-stepper';
import { StageTable } from './stage-table';
import './scoring.css';

const StageRadar = lazy(() => import('./stage-radar').then((m) => ({ default: m.StageRadar })));

/**
 * The stage view (issue 5 item 1): per item the percent carried from the previous stage → this stage's, with the
 * reason, the totals before and after, and a radar overlaying the categories at every stage the expert scored.
 */
export function StageViewPage({ assignmentId, applicantId }: { assignmentId: string; applicantId: string }) {
  const { t, pick } = useI18n();
  const { db, now } = useServices();
  const context = useAssignment(assignmentId, { onlyApplicantId: applicantId });
  const view = context.status === 'ready' ? context.value.view : undefined;
  const sheetId = sheetIdOf(assignmentId, applicantId);
  const data = useAsync(async () => {
    if (view === undefined) return ok(undefined);
    const [work, sheets] = await Promise.all([
      loadStageWork(db, sheetId, now),
      loadStageSheets(db, { cycleId: view.cycle.id, applicantId, assignmentId }, view.cycle.stages),
    ]);
    if (!work.ok) return work;
    return ok({ work: work.value, sheets });
  }, [db, now, view, sheetId, applicantId, assignmentId]);
  const criteria = context.status === 'ready' ? context.value.criteria : undefined;
  const loaded = data.status === 'ready' ? data.value : undefined;
  const radar = useMemo(() => {
    if (criteria === undefined || loaded === undefined) return [];
    const names = new Map(criteria.categories.map((c) => [c.id, pick(c.name)]));
    return stageRadarData(criteria, loaded.sheets, (id) => names.get(id) ?? id);
  }, [criteria, loaded, pick]);

  if (context.status === 'loading' || data.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (context.status === 'error') return <ErrorBanner error={context.error} />;
  if (data.status === 'error') return <ErrorBanner error={data.error} />;
  const applicant = view?.applicants.find((a) => a.id === applicantId);
  if (view === undefined || criteria === undefined || applicant === undefined || loaded === undefined)
    return <ErrorBanner error={{ code: 'E_SHEET_NOT_FOUND' }} />;
  const stage = view.assignment.stage;
  const { work, sheets } = loaded;
  const current = sheets.find((s) => s.stage === stage)?.percents ?? new Map<string, number | null>();
  const from = work?.seededFrom ?? null;
  const stagesScored: Stage[] = sheets.map((s) => s.stage);
  const itemHref = (itemId: string): string => routeHash({ page: 'scorebook', assignmentId, applicantId, itemId });
  return (
    <section className="page stage-view">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <a href={routeHash({ page: 'applicants', assignmentId })}>{pick(view.cycle.name)}</a> ›{' '}
        <a href={routeHash({ page: 'scorebook', assignmentId, applicantId, itemId: undefined })}>
          {t('stageScoring.backToSheet')}
        </a>
      </nav>
      <h1>{t('stageScoring.viewTitle', { name: applicant.name })}</h1>
      <StageStepper stages={view.cycle.stages} current={stage} />
      <div className="panel">
        {work === undefined || from === null ? (
          <p>{t('stageScoring.noPrevious')}</p>
        ) : (
          <>
            <p>{t('stageScoring.viewIntro', { from: t(`stage.${from}`), to: t(`stage.${stage}`) })}</p>
            <StageTable
              criteria={criteria}
              delta={stageDelta(criteria, work.carried, current, work.reasons)}
              from={from}
              to={stage}
              itemHref={itemHref}
            />
          </>
        )}
      </div>
      <div className="panel">
        <h2>{t('stageScoring.radar')}</h2>
        {stagesScored.length === 0 ? (
          <p className="muted">{t('stageScoring.radarNone')}</p>
        ) : (
          <Suspense fallback={<p className="muted">{t('totals.chartLoading')}</p>}>
            <StageRadar
              data={radar}
              stages={stagesScored}
              stageName={(s) => t(`stage.${s}`)}
              label={t('stageScoring.radar')}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}
