import { useEffect, useId, useMemo } from 'react';
import { ok } from '../../../src-shared/contract/result';
import { allItems } from '../../../src-shared/criteria/load-criteria';
import { defaultStageSetup } from '../../../src-shared/stages/stage-setup';
import { ErrorBanner } from '../../components/error-banner';
import { routeHash } from '../../components/route';
import { useServices } from '../../components/services';
import { useAssignment } from '../../components/use-assignment';
import { useAsync } from '../../components/use-async';
import { loadAssignmentPackage } from '../../data/assignment-repository';
import { ensureApplicantSheet, sheetIdOf } from '../../data/sheet-repository';
import { useI18n } from '../../i18n/i18n';
import type { Choice } from './choice-picker';
import { DefenseSection } from './defense-section';
import { mergeEvidence } from './evidence-add';
import { EvidencePanel } from './evidence-panel';
import { FileChooseButton } from './file-choose-button';
import { IssuesEditor } from './issues-editor';
import type { SessionEditing } from './session-editing';
import { withPanelIssues } from './session-records';
import { SaveIndicator } from '../../components/save-indicator';
import { SiteSection } from './site-section';
import { useEvidenceAdder } from './use-evidence-adder';
import { useStageWork } from './use-stage-work';
import './sessions.css';

/**
 * The stage session of one applicant (issue 5 items 3–5): at material review the issues to verify on site; at the
 * defense the timer, questions and rubric; at the site visit the issues settled, interviews, documents and key themes;
 * evidence at every stage. Every edit is written at once (typing after a short pause and on blur), so nothing typed
 * is lost if the app closes mid-session.
 */
export function StageSessionPage({ assignmentId, applicantId }: { assignmentId: string; applicantId: string }) {
  const { t, pick } = useI18n();
  const { db, now, newId } = useServices();
  const context = useAssignment(assignmentId, { onlyApplicantId: applicantId });
  const view = context.status === 'ready' ? context.value.view : undefined;
  const criteria = context.status === 'ready' ? context.value.criteria : undefined;
  const applicant = view?.applicants.find((a) => a.id === applicantId);
  const stage = view?.assignment.stage;
  const sheetId = sheetIdOf(assignmentId, applicantId);
  const setupLoad = useAsync(async () => {
    if (view === undefined || criteria === undefined || applicant === undefined) return ok(undefined);
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
    if (!sheet.ok) return sheet;
    const payload = (await loadAssignmentPackage(db, assignmentId, now))?.payload;
    return ok({
      locked: sheet.value.status === 'submitted',
      setup: payload?.stageSetup ?? defaultStageSetup,
      panelIssues: payload?.panelIssues ?? [],
    });
  }, [view, criteria, applicant, sheetId]);
  const setup = setupLoad.status === 'ready' ? setupLoad.value : undefined;
  const work = useStageWork(setup !== undefined && stage !== undefined ? { sheetId, stage } : undefined);
  const ready = work.status === 'ready' ? work : undefined;

  // At the site visit the panel's issues for this applicant join the expert's own (stored ones win).
  const issues = useMemo(
    () =>
      ready === undefined
        ? []
        : stage === 'site'
          ? withPanelIssues(ready.row.issues, setup?.panelIssues ?? [], applicantId)
          : ready.row.issues,
    [ready, stage, setup, applicantId],
  );
  const missingPanel = ready !== undefined && issues.length !== ready.row.issues.length;
  // Written once the row exists, so the panel's issues travel in the sheet even if none is touched; a row not stored
  // yet takes them with its first edit (the change below), leaving its creation to the stage's seeding.
  useEffect(() => {
    if (ready?.stored === true && missingPanel) ready.change(() => ({ issues }));
  }, [ready, missingPanel, issues]);

  const itemChoices = useMemo<Choice[]>(
    () =>
      criteria === undefined
        ? []
        : allItems(criteria).map((item) => ({ id: item.id, label: `${item.id} ${pick(item.name)}`, short: item.id })),
    [criteria, pick],
  );
  const issueChoices = issues.map((issue, index) => {
    const record = t('stageSessions.issue.record', { n: index + 1 });
    return { id: issue.id, label: `${record} ${issue.text.slice(0, 60)}`, short: record };
  });
  const adder = useEvidenceAdder({
    assignmentId,
    limit: setup?.setup.evidenceMaxBytes ?? defaultStageSetup.evidenceMaxBytes,
    onAdded: (evidence) => ready?.change((row) => ({ evidence: mergeEvidence(row.evidence, evidence) })),
  });
  const ids = { issues: useId(), evidence: useId() };

  // The stage work is read only once the sheet and setup are there (a missing assignment never gets that far).
  if (
    context.status === 'loading' ||
    setupLoad.status === 'loading' ||
    (setup !== undefined && work.status === 'loading')
  )
    return <p aria-busy="true">{t('app.loading')}</p>;
  if (context.status === 'error') return <ErrorBanner error={context.error} />;
  if (setupLoad.status === 'error') return <ErrorBanner error={setupLoad.error} />;
  if (work.status === 'error') return <ErrorBanner error={work.error} />;
  if (
    view === undefined ||
    applicant === undefined ||
    setup === undefined ||
    stage === undefined ||
    ready === undefined
  )
    return (
      <section className="panel">
        <p>{t('app.notFound')}</p>
        <a href="#/">{t('app.backHome')}</a>
      </section>
    );

  const editing: SessionEditing = {
    row: ready.row,
    change: (compute, options) =>
      ready.change((row) => {
        const edit = compute(row);
        return missingPanel && edit.issues === undefined ? { ...edit, issues } : edit;
      }, options),
    flush: ready.flush,
    itemChoices,
    newId,
    nowIso: () => now().toISOString(),
    attach: (issue, record) => (
      <FileChooseButton
        label={t('stageSessions.evidence.attachTo', { record })}
        disabled={adder.progress !== undefined}
        onFiles={(files) => adder.add(files, { itemIds: issue.itemIds, issueIds: [issue.id] })}
      />
    ),
  };
  return (
    <div className="page sessions">
      <div className="scorebook-bar">
        <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
          <a href="#/">{t('app.home')}</a> ›{' '}
          <a href={routeHash({ page: 'applicants', assignmentId })}>{pick(view.cycle.name)}</a> ›{' '}
          <span>{t(`stage.${stage}`)}</span>
        </nav>
        <h1>{t('stageSessions.title', { applicant: applicant.name, stage: t(`stage.${stage}`) })}</h1>
        <a className="button" href={routeHash({ page: 'scorebook', assignmentId, applicantId, itemId: undefined })}>
          {t('stageSessions.toScoring')}
        </a>
        <SaveIndicator save={ready.save} retry={ready.flush} testId="session-save-indicator" />
      </div>
      {setup.locked && (
        <p className="banner banner-warn" role="status">
          {t('stageSessions.locked')}
        </p>
      )}
      {stage !== 'material' && <p className="muted">{t('stageSessions.revisedOnScoring')}</p>}
      <fieldset className="plain" disabled={setup.locked}>
        <legend className="visually-hidden">{t(`stage.${stage}`)}</legend>
        {stage === 'material' && (
          <section className="panel" aria-labelledby={ids.issues}>
            <h2 id={ids.issues}>{t('stageSessions.issues.title')}</h2>
            <p className="muted">{t('stageSessions.issues.intro')}</p>
            <IssuesEditor
              issues={ready.row.issues}
              itemChoices={itemChoices}
              newId={newId}
              onChange={(next, typing) => editing.change(() => ({ issues: next }), { typing })}
              onBlur={ready.flush}
              attach={editing.attach}
            />
          </section>
        )}
        {stage === 'defense' && <DefenseSection editing={editing} setup={setup.setup} />}
        {stage === 'site' && <SiteSection editing={editing} issues={issues} />}
        <section className="panel" aria-labelledby={ids.evidence}>
          <h2 id={ids.evidence}>{t('stageSessions.evidence.title')}</h2>
          <EvidencePanel
            evidence={ready.row.evidence}
            itemChoices={itemChoices}
            issueChoices={issueChoices}
            limit={setup.setup.evidenceMaxBytes}
            progress={adder.progress}
            refused={adder.refused}
            onFiles={(files) => adder.add(files, { itemIds: [], issueIds: [] })}
            onChange={(next, typing) => editing.change(() => ({ evidence: next }), { typing })}
            onBlur={ready.flush}
          />
        </section>
      </fieldset>
    </div>
  );
}
