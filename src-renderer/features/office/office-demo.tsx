import { useId, useState } from 'react';
import type { Applicant, Cycle } from '../../../src-shared/assignments/assignment-schema';
import type { InboxResult } from '../../../src-shared/contract/office-channels';
import { ok, type AppError, type Result } from '../../../src-shared/contract/result';
import { toExpertProfile } from '../../../src-shared/office/applicant-profile';
import type { ApplicantRecord } from '../../../src-shared/office/applicant-schema';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import { demoCycleName, toDemoApplicantRecord } from '../../../src-shared/office/demo-office';
import { ErrorBanner } from '../../components/error-banner';
import { navigate, routeHash } from '../../components/route';
import { useServices, type AppServices } from '../../components/services';
import { addOfficeApplicants, saveOfficeApplicant } from '../../data/office-applicant-repository';
import { countAssignmentsIssued, createOfficeCycle } from '../../data/office-cycle-repository';
import { saveOfficePanel } from '../../data/office-panel-repository';
import { useI18n } from '../../i18n/i18n';
import './office-demo.css';

/**
 * The office's demo (issue 4: "the demo offers both roles"): one button on the office's home loads a fictional cycle
 * — the embedded demo's applicants registered here, then main's office:demo-load registers five fictional experts,
 * issues their assignments for a material review panel and takes their signed packages in through the real inbox —
 * so the inbox, matrix, spreads, consensus and results screens show real data at once. The cycle's name says 示例
 * (demo) and 虚构 (fictional); main refuses a cycle without it.
 */

const steps = ['bundle', 'cycle', 'applicants', 'experts', 'panel'] as const;
export type Step = (typeof steps)[number];

type DemoState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy'; readonly step: Step }
  | { readonly phase: 'done'; readonly cycleId: string; readonly inbox: readonly InboxResult[] }
  | { readonly phase: 'failed'; readonly error: AppError; readonly cycleId: string | null };

/** An ISO date `days` after `from`: the demo assignments' deadline. */
function dateAfter(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface Loaded {
  readonly cycleId: string;
  readonly inbox: readonly InboxResult[];
}

/**
 * Runs the demo's steps in order, reporting each; stops at the first failure. `created` is called once the cycle row
 * exists, so a failure after it can point at the cycle (it is the office's to look at; nothing is undone).
 */
export async function loadDemo(
  services: Pick<AppServices, 'client' | 'db' | 'now' | 'newId'>,
  panelName: string,
  report: (step: Step) => void,
  created: (cycleId: string) => void,
): Promise<Result<Loaded>> {
  const { client, db, now, newId } = services;
  report('bundle');
  const bundle = await client.call('demo:get', {});
  if (!bundle.ok) return bundle;
  const year = now().getFullYear();
  const records: ApplicantRecord[] = [];
  for (const [index, applicant] of bundle.value.applicants.entries()) {
    const record = toDemoApplicantRecord(applicant, index, year);
    if (!record.ok) return record;
    records.push(record.value);
  }

  report('cycle');
  const settings = { ...defaultCycleSettings(year), name: demoCycleName(year) };
  const cycleRow = await createOfficeCycle(db, settings, newId, now);
  if (!cycleRow.ok) return cycleRow;
  const cycleId = cycleRow.value.id;
  created(cycleId);

  report('applicants');
  const rows = await addOfficeApplicants(db, cycleId, records, newId, now);
  if (!rows.ok) return rows;
  const profiles: Applicant[] = [];
  for (const row of rows.value) {
    // The register keeps the application's summaries too: they are what experts score from.
    const summaries = bundle.value.applicants.find((a) => a.uscc === row.record.uscc)?.summaries ?? [];
    const draft = { record: row.record, summaries, judgements: row.judgements };
    const saved = await saveOfficeApplicant(db, { id: row.id, cycleId, draft }, now);
    if (!saved.ok) return saved;
    const profile = toExpertProfile(saved.value.record, { id: row.id, summaries });
    if (!profile.ok) return profile;
    profiles.push(profile.value);
  }

  report('experts');
  const cycle: Cycle = {
    id: cycleId,
    name: settings.name,
    year,
    measuresVersion: settings.measuresVersion,
    criteriaId: settings.criteriaId,
    stages: settings.stages,
    // The office key signs real cycles only; what marks this one is its name.
    demo: false,
  };
  const panelId = newId();
  const loaded = await client.call('office:demo-load', {
    cycle,
    commentRules: settings.commentRules,
    pledgeText: settings.pledgeText,
    stage: 'material',
    deadline: dateAfter(now(), 30),
    panelId,
    applicants: profiles,
  });
  if (!loaded.ok) return loaded;

  report('panel');
  const { experts, issued, inbox } = loaded.value;
  const expertName = new Map(experts.map((e) => [e.expertId, e.profile.name]));
  const applicantName = new Map(profiles.map((p) => [p.id, p.name]));
  const panel = await saveOfficePanel(
    db,
    {
      id: panelId,
      cycleId,
      stage: 'material',
      name: panelName,
      leaderId: experts[0]?.expertId ?? '',
      expertIds: experts.map((e) => e.expertId),
      applicantIds: profiles.map((p) => p.id),
    },
    { expert: (id) => expertName.get(id) ?? id, applicant: (id) => applicantName.get(id) ?? id },
    now,
  );
  if (!panel.ok) return panel;
  const counted = await countAssignmentsIssued(db, cycleId, issued, now);
  if (!counted.ok) return counted;
  return ok({ cycleId, inbox });
}

/** The demo's button on the office's home, with the step it is at, then the inbox (or what went wrong). */
export function OfficeDemo() {
  const { t } = useI18n();
  const services = useServices();
  const titleId = useId();
  const progressId = useId();
  const [state, setState] = useState<DemoState>({ phase: 'idle' });

  const run = async (): Promise<void> => {
    // Set by the callback once the cycle row exists (an object, so the read below sees the write).
    const created: { cycleId: string | null } = { cycleId: null };
    const loaded = await loadDemo(
      services,
      t('officeDemo.panelName'),
      (step) => setState({ phase: 'busy', step }),
      (cycleId) => {
        created.cycleId = cycleId;
      },
    );
    if (!loaded.ok) {
      setState({ phase: 'failed', error: loaded.error, cycleId: created.cycleId });
      return;
    }
    const { cycleId, inbox } = loaded.value;
    setState({ phase: 'done', cycleId, inbox });
    // Everything accepted: straight to the inbox, which shows it. Otherwise stay and say what was refused.
    if (inbox.every((result) => result.outcome !== 'rejected')) {
      navigate({ page: 'office-cycle', cycleId, tab: 'inbox' });
    }
  };

  const busy = state.phase === 'busy';
  return (
    <section className="panel office-demo" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('officeDemo.title')}</h2>
      <p>{t('officeDemo.intro')}</p>
      <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {t('officeDemo.load')}
      </button>
      <div role="status" aria-live="polite">
        {state.phase === 'busy' && (
          <p className="office-demo-progress">
            <label htmlFor={progressId}>{t('officeDemo.progress')}</label>{' '}
            <progress id={progressId} max={steps.length} value={steps.indexOf(state.step)} />{' '}
            <span data-testid="office-demo-step">
              {t('officeDemo.progressText', {
                step: steps.indexOf(state.step) + 1,
                total: steps.length,
                what: t(`officeDemo.step.${state.step}`),
              })}
            </span>
          </p>
        )}
        {state.phase === 'done' && (
          <p className="banner banner-ok">
            {t('officeDemo.done', {
              accepted: state.inbox.filter((r) => r.outcome === 'accepted').length,
              rejected: state.inbox.filter((r) => r.outcome === 'rejected').length,
            })}{' '}
            <a href={routeHash({ page: 'office-cycle', cycleId: state.cycleId, tab: 'inbox' })}>
              {t('officeDemo.openInbox')}
            </a>
          </p>
        )}
      </div>
      {state.phase === 'failed' && (
        <>
          {state.cycleId !== null && (
            <p>
              {t('officeDemo.failedAfterCycle')}{' '}
              <a href={routeHash({ page: 'office-cycle', cycleId: state.cycleId, tab: 'settings' })}>
                {t('officeDemo.openCycle')}
              </a>
            </p>
          )}
          <ErrorBanner error={state.error} action={{ label: t('officeDemo.retry'), run: () => void run() }} />
        </>
      )}
    </section>
  );
}
