import { useEffect, useMemo, type ReactNode } from 'react';
import { allItems, findItem } from '../../../src-shared/criteria/load-criteria';
import { completeness, type ItemProgress } from '../../../src-shared/scoring/completeness';
import { computeTotals } from '../../../src-shared/scoring/totals';
import { ErrorBanner } from '../../components/error-banner';
import { followLink, navigate, routeHash, type Route } from '../../components/route';
import { useServices } from '../../components/services';
import { useAssignment } from '../../components/use-assignment';
import { useAsync } from '../../components/use-async';
import { ensureApplicantSheet, sheetIdOf } from '../../data/sheet-repository';
import { useI18n } from '../../i18n/i18n';
import { needsReason, type CarriedItem } from './carried-percent';
import { ItemOutline } from './item-outline';
import { ItemPanel } from './item-panel';
import type { MaterialsLink } from './materials-link';
import { SaveIndicator } from '../../components/save-indicator';
import { StageBar } from './stage-bar';
import { TotalsPanel } from './totals-panel';
import { useSheet } from './use-sheet';
import { combineSaves, useStageReasons } from './use-stage-reasons';
import './scoring.css';

interface ScorebookPageProps {
  readonly assignmentId: string;
  readonly applicantId: string;
  readonly itemId: string | undefined;
  /** The applicant's materials viewer (another feature), passed in by the app shell. */
  readonly materials?: MaterialsLink;
  readonly materialsPanel?: ReactNode;
}

export function ScorebookPage({ assignmentId, applicantId, itemId, materials, materialsPanel }: ScorebookPageProps) {
  const { t, pick } = useI18n();
  const { db, now, newId } = useServices();
  const context = useAssignment(assignmentId, { onlyApplicantId: applicantId });
  const view = context.status === 'ready' ? context.value.view : undefined;
  const criteria = context.status === 'ready' ? context.value.criteria : undefined;
  const applicant = view?.applicants.find((a) => a.id === applicantId);
  const sheetId = sheetIdOf(assignmentId, applicantId);
  const sheetReady = useAsync(async () => {
    if (view === undefined || criteria === undefined || applicant === undefined)
      return { ok: true as const, value: undefined };
    // Created on first open, seeded from the expert's own previous stage in the same transaction.
    const sheet = await ensureApplicantSheet(
      db,
      {
        cycleId: view.cycle.id,
        assignmentId,
        applicantId,
        stage: view.assignment.stage,
        criteriaId: criteria.id,
      },
      now,
    );
    return sheet;
  }, [view, criteria, applicant, sheetId]);
  const sheetRow = sheetReady.status === 'ready' ? sheetReady.value : undefined;
  const locked = sheetRow?.status === 'submitted';
  const sheet = useSheet(sheetRow !== undefined ? sheetId : undefined);
  const stage = view?.assignment.stage;
  const stageWork = useStageReasons(sheetRow !== undefined ? sheetId : undefined, stage);
  const work = stageWork.row;
  const save = combineSaves(sheet.save, stageWork.save);
  const flushReasons = stageWork.flush;

  const order = useMemo(() => (criteria === undefined ? [] : allItems(criteria).map((entry) => entry.id)), [criteria]);
  const currentId = itemId !== undefined && order.includes(itemId) ? itemId : order[0];
  const percents = useMemo(() => new Map([...sheet.items].map(([id, row]) => [id, row.percent])), [sheet.items]);
  const totals = useMemo(
    () => (criteria === undefined ? undefined : computeTotals(criteria, percents)),
    [criteria, percents],
  );
  const reasonMissing = useMemo(() => {
    const missing = new Set<string>();
    if (work === undefined || work.seededFrom === null) return missing;
    for (const [id, carried] of Object.entries(work.carried)) {
      if (needsReason(carried, percents.get(id) ?? null, work.reasons[id] ?? '')) missing.add(id);
    }
    return missing;
  }, [work, percents]);
  const missingComments = useMemo(() => {
    if (criteria === undefined) return 0;
    const progress = new Map<string, ItemProgress>(
      [...sheet.items].map(([id, row]) => [
        id,
        { percent: row.percent, strengthCount: row.strengths.length, ofiCount: row.ofis.length },
      ]),
    );
    return completeness(criteria, progress).missingComment.length;
  }, [criteria, sheet.items]);

  // Alt+↓ / Alt+↑ move between items from anywhere on the page, and focus lands on the new item's heading.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || currentId === undefined) return;
      const index = order.indexOf(currentId);
      const next = order[event.key === 'ArrowDown' ? index + 1 : index - 1];
      if (next === undefined) return;
      event.preventDefault();
      sheet.flush();
      flushReasons();
      navigate({ page: 'scorebook', assignmentId, applicantId, itemId: next });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [order, currentId, assignmentId, applicantId, sheet, flushReasons]);

  // Moving to an item puts focus on its heading — once the panel exists (it renders after the sheet loaded).
  useEffect(() => {
    if (itemId !== undefined && sheet.loaded) document.getElementById('item-heading')?.focus();
  }, [itemId, sheet.loaded]);

  // User Timing mark for `npm run bench`: the scorebook is usable once the sheet is on screen.
  useEffect(() => {
    if (sheet.loaded) performance.mark('scorebook:ready');
  }, [sheet.loaded]);

  if (context.status === 'loading' || sheetReady.status === 'loading' || (sheetRow !== undefined && !stageWork.loaded))
    return <p aria-busy="true">{t('app.loading')}</p>;
  if (context.status === 'error') return <ErrorBanner error={context.error} />;
  if (sheetReady.status === 'error') return <ErrorBanner error={sheetReady.error} />;
  const found = criteria !== undefined && currentId !== undefined ? findItem(criteria, currentId) : undefined;
  if (
    view === undefined ||
    criteria === undefined ||
    applicant === undefined ||
    found === undefined ||
    totals === undefined
  ) {
    return (
      <section className="panel">
        <p>{t('app.notFound')}</p>
        <a href="#/">{t('app.backHome')}</a>
      </section>
    );
  }
  const seededFrom = work?.seededFrom ?? null;
  const carriedOf = (id: string): CarriedItem | undefined =>
    work === undefined || seededFrom === null
      ? undefined
      : {
          from: seededFrom,
          percent: work.carried[id] ?? null,
          reason: work.reasons[id] ?? '',
          onReason: (reason) => stageWork.setReason(id, reason),
          onBlur: stageWork.flush,
        };
  const itemRoute = (id: string): Route => ({ page: 'scorebook', assignmentId, applicantId, itemId: id });
  const index = order.indexOf(found.item.id);
  const prev = order[index - 1];
  const next = order[index + 1];
  return (
    <div className="scorebook">
      <div className="scorebook-bar">
        <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
          <a href="#/">{t('app.home')}</a> ›{' '}
          <a href={routeHash({ page: 'applicants', assignmentId })}>{pick(view.cycle.name)}</a> ›{' '}
          <span>{t(`stage.${view.assignment.stage}`)}</span>
        </nav>
        <h1>{applicant.name}</h1>
        <a className="button" href={routeHash({ page: 'submit', assignmentId, applicantId })}>
          {t('submit.link')}
        </a>
        <SaveIndicator
          save={save}
          retry={() => {
            sheet.retry();
            stageWork.retry();
          }}
        />
      </div>
      <StageBar
        stages={view.cycle.stages}
        stage={view.assignment.stage}
        assignmentId={assignmentId}
        applicantId={applicantId}
      />
      {sheet.quarantined > 0 && (
        <div className="banner banner-warn" role="status">
          {t('app.quarantined', { count: sheet.quarantined })}
        </div>
      )}
      {locked && (
        <p className="banner banner-warn" role="status">
          {t('submit.lockedBanner')}
        </p>
      )}
      <p className="muted keyboard-hint">{t('score.keyboardHint')}</p>
      <div className="scorebook-grid">
        <ItemOutline
          criteria={criteria}
          items={sheet.items}
          currentItemId={found.item.id}
          assignmentId={assignmentId}
          applicantId={applicantId}
          needsReason={reasonMissing}
        />
        <div className="item-column">
          {sheet.loaded ? (
            <ItemPanel
              key={found.item.id}
              criteria={criteria}
              category={found.category}
              item={found.item}
              row={sheet.items.get(found.item.id)}
              applicant={applicant}
              sheetId={sheetId}
              newId={newId}
              onChange={(change, typing) => sheet.change(found.item.id, change, { typing })}
              onBlur={sheet.flush}
              locked={locked}
              carried={carriedOf(found.item.id)}
              materials={materials}
            />
          ) : (
            <p aria-busy="true">{t('app.loading')}</p>
          )}
          <div className="item-nav">
            {prev !== undefined && (
              <a className="button" href={routeHash(itemRoute(prev))} onClick={(e) => followLink(e, itemRoute(prev))}>
                ← {t('score.prev')}
              </a>
            )}
            {next !== undefined && (
              <a className="button" href={routeHash(itemRoute(next))} onClick={(e) => followLink(e, itemRoute(next))}>
                {t('score.next')} →
              </a>
            )}
          </div>
        </div>
        <TotalsPanel criteria={criteria} totals={totals} missingComments={missingComments} />
      </div>
      {materialsPanel !== undefined && (
        <section className="scorebook-materials" aria-label={t('stageScoring.materials')}>
          {materialsPanel}
        </section>
      )}
    </div>
  );
}
