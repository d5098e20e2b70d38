import { Suspense, lazy, useEffect, useId, useState } from 'react';
import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import type { AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { deleteOfficePanel, type PanelDraft } from '../../../data/office-panel-repository';
import type { OfficePanelRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { IssueStatus } from './issue-status';
import { loadPanelsData, type PanelsData } from './load-panels-data';
import { PanelCard } from './panel-card';
import { PanelForm } from './panel-form';
import { deleteProblem, panelWorkload, type PanelProblem } from './panel-rules';
import { ProblemList } from './problem-list';
import { useIssue } from './use-issue';
import './panels.css';

// recharts is large; the chart loads after the panels are on screen.
const PanelWorkloadChart = lazy(async () => ({
  default: (await import('./panel-workload-chart')).PanelWorkloadChart,
}));

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Pick<AppError, 'code' | 'params'> }
  | { readonly status: 'ready'; readonly data: PanelsData | undefined };

/** Days from today the deadline field starts at; the office changes it as the stage's schedule says. */
const DEFAULT_DEADLINE_DAYS = 21;

/**
 * The panels of a cycle and their assignments (issue 4 item 5). A reload keeps the board on screen (its stage, the
 * issue results) and only replaces the data under it.
 */
export function PanelsPage({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const { client, db, now } = useServices();
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void loadPanelsData({ client, db, now }, cycleId).then((result) => {
      if (live)
        setLoaded(result.ok ? { status: 'ready', data: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [client, db, now, cycleId, version]);
  const reload = (): void => setVersion((v) => v + 1);
  return (
    <section className="page panels-page">
      <h1>{t('officePanels.title')}</h1>
      <p>{t('officePanels.intro')}</p>
      {loaded.status === 'loading' ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : loaded.status === 'error' ? (
        <ErrorBanner error={loaded.error} action={{ label: t('officePanels.retry'), run: reload }} />
      ) : loaded.data === undefined ? (
        <ErrorBanner error={{ code: 'E_CYCLE', params: { cycleId } }} />
      ) : (
        <PanelsBoard data={loaded.data} reload={reload} />
      )}
    </section>
  );
}

function PanelsBoard({ data, reload }: { data: PanelsData; reload: () => void }) {
  const { t } = useI18n();
  const { db, now, newId } = useServices();
  const stages = data.cycle.settings.stages;
  const [stage, setStage] = useState<Stage>(stages[0] ?? 'material');
  const [editing, setEditing] = useState<{ draft: PanelDraft; isNew: boolean } | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [problems, setProblems] = useState<readonly PanelProblem[]>([]);
  const today = now().toISOString().slice(0, 10);
  const [deadline, setDeadline] = useState(() =>
    new Date(now().getTime() + DEFAULT_DEADLINE_DAYS * 86_400_000).toISOString().slice(0, 10),
  );
  const { state: issueState, issue } = useIssue(data, reload);
  const stageId = useId();
  const panels = data.panels.filter((p) => p.stage === stage);
  const placed = new Set(panels.flatMap((p) => p.applicantIds));
  const unplaced = data.applicants.filter((a) => !placed.has(a.id));
  const deadlineOk = /^\d{4}-\d{2}-\d{2}$/.test(deadline) && deadline >= today;
  const busy = issueState.phase === 'busy' || !deadlineOk;
  const issuedFor = (panelId: string): number => data.issued.filter((a) => a.panelId === panelId).length;

  const startNew = (): void => {
    setMessage(undefined);
    setProblems([]);
    const draft = {
      id: newId(),
      cycleId: data.cycle.id,
      stage,
      name: t('officePanels.defaultName', { n: panels.length + 1 }),
      leaderId: '',
      expertIds: [],
      applicantIds: [],
    };
    setEditing({ draft, isNew: true });
  };
  const startEdit = (panel: OfficePanelRow): void => {
    setMessage(undefined);
    setProblems([]);
    const { id, cycleId, name, leaderId, expertIds, applicantIds } = panel;
    setEditing({ draft: { id, cycleId, stage: panel.stage, name, leaderId, expertIds, applicantIds }, isNew: false });
  };
  const remove = async (panel: OfficePanelRow): Promise<void> => {
    setMessage(undefined);
    const refused = deleteProblem(panel, issuedFor(panel.id));
    if (refused !== undefined) return setProblems([refused]);
    const deleted = await deleteOfficePanel(db, panel.id);
    if (!deleted.ok) return setProblems([{ subject: panel.name, error: deleted.error }]);
    setProblems([]);
    setMessage(t('officePanels.deleted', { name: panel.name }));
    reload();
  };
  const issuePanels = (chosen: readonly OfficePanelRow[]): void => {
    setMessage(undefined);
    setProblems([]);
    void issue(chosen, deadline);
  };

  return (
    <>
      <fieldset className="stage-choice">
        <legend id={stageId}>{t('officePanels.stage')}</legend>
        {stages.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="panels-stage"
              checked={s === stage}
              onChange={() => {
                setStage(s);
                setEditing(undefined);
              }}
            />
            {t(`stage.${s}`)}
          </label>
        ))}
      </fieldset>
      {message !== undefined && (
        <p className="banner banner-ok" role="status">
          {message}
        </p>
      )}
      <ProblemList problems={problems} label={t('officePanels.problems')} />
      {editing !== undefined ? (
        <PanelForm
          key={editing.draft.id}
          initial={editing.draft}
          isNew={editing.isNew}
          issuedBefore={issuedFor(editing.draft.id) > 0}
          data={data}
          onSaved={(name) => {
            setEditing(undefined);
            setMessage(t('officePanels.saved', { name }));
            reload();
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <button type="button" className="primary" onClick={startNew}>
          {t('officePanels.newPanel')}
        </button>
      )}
      {data.applicants.length > 0 && (
        <p className="muted">
          {unplaced.length === 0
            ? t('officePanels.allAssigned')
            : t('officePanels.unassigned', { names: unplaced.map((a) => a.record.name).join('、') })}
        </p>
      )}
      {panels.length === 0 ? (
        <p className="empty-state">{t('officePanels.noPanels')}</p>
      ) : (
        <div className="panel-cards">
          <Suspense fallback={null}>
            <PanelWorkloadChart workload={panelWorkload(panels, data.issued)} />
          </Suspense>
          {panels.map((panel) => (
            <PanelCard
              key={panel.id}
              panel={panel}
              data={data}
              busy={busy}
              onEdit={() => startEdit(panel)}
              onDelete={() => void remove(panel)}
              onIssue={() => issuePanels([panel])}
              onIssuesSaved={reload}
            />
          ))}
        </div>
      )}
      <section className="panel issue-section" aria-labelledby={`${stageId}-issue`}>
        <h2 id={`${stageId}-issue`}>{t('officePanels.issueTitle')}</h2>
        <label>
          {t('officePanels.deadline')}
          <input
            type="date"
            required
            min={today}
            value={deadline}
            aria-invalid={!deadlineOk}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </label>
        {!deadlineOk && (
          <p className="banner banner-warn" role="alert">
            {t('officePanels.deadlinePast')}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy || panels.length === 0}
          onClick={() => issuePanels(panels)}
        >
          {t('officePanels.issueAll')}
        </button>
        <IssueStatus state={issueState} />
      </section>
    </>
  );
}
