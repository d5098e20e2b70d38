import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ok, type AppError } from '../../../../src-shared/contract/result';
import { ErrorBanner } from '../../../components/error-banner';
import { lazyPage } from '../../../components/lazy-page';
import { useServices } from '../../../components/services';
import { useAsync } from '../../../components/use-async';
import { deleteOfficeApplicant, listOfficeApplicants } from '../../../data/office-applicant-repository';
import { loadOfficeCycle } from '../../../data/office-cycle-repository';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import type { OfficeCycleRow } from '../../../data/row-schemas';
import { useI18n } from '../../../i18n/i18n';
import type { CriteriaCategoryName } from './applicant-draft';
import { ApplicantExport } from './applicant-export';
import { ApplicantForm } from './applicant-form';
import { ApplicantImport } from './applicant-import';
import { ApplicantTable, type RowAction } from './applicant-table';
import { summariseEligibility, tallyRules, tallyVerdicts, type EligibilitySummary } from './eligibility-summary';
import { EligibilityView } from './eligibility-view';
import './applicants.css';

// recharts is large; the chart loads after the table is on screen, and says so in words if its code cannot load.
const EligibilityChart = lazyPage(async () => (await import('./eligibility-chart')).EligibilityChart);

type View =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'edit'; readonly id: string }
  | { readonly kind: 'eligibility'; readonly id: string };

/** The applicants tab of a cycle: the register, its form, import and export, and each applicant's eligibility. */
export function ApplicantsPage({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const { db, now } = useServices();
  const loaded = useAsync(async () => ok(await loadOfficeCycle(db, cycleId, now)), [db, cycleId, now]);
  if (loaded.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (loaded.status === 'error') return <ErrorBanner error={loaded.error} />;
  if (loaded.value === undefined) return <ErrorBanner error={{ code: 'E_CYCLE', params: { cycleId } }} />;
  return <ApplicantsWorkspace key={cycleId} cycle={loaded.value} />;
}

function ApplicantsWorkspace({ cycle }: { cycle: OfficeCycleRow }) {
  const { t, lang } = useI18n();
  const { db, now, client } = useServices();
  const [rows, setRows] = useState<readonly OfficeApplicantRow[] | undefined>(undefined);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [focusKey, setFocusKey] = useState<string | undefined>(undefined);
  const deadline = cycle.settings.applicationDeadline;

  const criteria = useAsync(
    () => client.call('criteria:get', { id: cycle.settings.criteriaId }),
    [client, cycle.settings.criteriaId],
  );
  const categories: readonly CriteriaCategoryName[] | undefined =
    criteria.status === 'ready' ? criteria.value.categories.map((c) => ({ id: c.id, name: c.name })) : undefined;

  const reload = useCallback(async () => {
    try {
      setRows(await listOfficeApplicants(db, cycle.id, now));
    } catch (caught) {
      const detail = caught instanceof Error ? caught.message : String(caught);
      setError({ code: 'E_INTERNAL', params: { detail } });
    }
  }, [db, cycle.id, now]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // Back on the list, focus returns to the control that left it (or to "add").
  useEffect(() => {
    if (view.kind !== 'list' || focusKey === undefined) return;
    document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
    setFocusKey(undefined);
  }, [view, focusKey, rows]);

  const eligibility = useMemo(
    () => new Map((rows ?? []).map((row) => [row.id, summariseEligibility(row, deadline, [])] as const)),
    [rows, deadline],
  );
  const summaries = [...eligibility.values()].flatMap((r): EligibilitySummary[] => (r.ok ? [r.value] : []));

  const backToList = (key: string | undefined) => {
    setView({ kind: 'list' });
    setFocusKey(key ?? 'add');
  };

  const onAction = async (action: RowAction, row: OfficeApplicantRow): Promise<void> => {
    setNotice(undefined);
    if (action === 'edit') setView({ kind: 'edit', id: row.id });
    else if (action === 'eligibility') setView({ kind: 'eligibility', id: row.id });
    else {
      const deleted = await deleteOfficeApplicant(db, row.id);
      if (!deleted.ok) {
        setError(deleted.error);
        return;
      }
      setError(undefined);
      setNotice(t('officeApplicants.deleted', { name: row.record.name }));
      setFocusKey('add');
      await reload();
    }
  };

  const current = view.kind === 'edit' || view.kind === 'eligibility' ? rows?.find((r) => r.id === view.id) : undefined;
  const cycleName = cycle.settings.name[lang] || cycle.settings.name['zh-CN'];

  let body;
  if (rows === undefined) body = <p aria-busy="true">{t('app.loading')}</p>;
  else if (view.kind === 'new' || (view.kind === 'edit' && current !== undefined)) {
    body = (
      <ApplicantForm
        cycleId={cycle.id}
        row={current}
        categories={categories}
        onSaved={(saved) => {
          setNotice(t('officeApplicants.saved', { name: saved.record.name }));
          backToList(view.kind === 'edit' ? `edit-${saved.id}` : undefined);
          void reload();
        }}
        onCancel={() => backToList(view.kind === 'edit' ? `edit-${view.id}` : undefined)}
      />
    );
  } else if (view.kind === 'eligibility' && current !== undefined) {
    body = (
      <EligibilityView
        row={current}
        deadline={deadline}
        onChanged={(changed) => setRows(rows.map((r) => (r.id === changed.id ? changed : r)))}
        onClose={() => backToList(`eligibility-${current.id}`)}
      />
    );
  } else {
    const verdicts = tallyVerdicts(summaries);
    body = (
      <>
        <div className="applicant-toolbar">
          <button
            type="button"
            className="primary"
            data-focus-key="add"
            onClick={() => {
              setNotice(undefined);
              setView({ kind: 'new' });
            }}
          >
            {t('officeApplicants.add')}
          </button>
          <ApplicantExport rows={rows} />
        </div>
        <ApplicantImport cycleId={cycle.id} registered={rows} onImported={() => void reload()} />
        {rows.length === 0 ? (
          <p className="panel empty-state">{t('officeApplicants.empty')}</p>
        ) : (
          <>
            <ApplicantTable rows={rows} eligibility={eligibility} onAction={(a, r) => void onAction(a, r)} />
            <section className="panel" aria-labelledby="eligibility-overview">
              <h2 id="eligibility-overview">{t('officeApplicants.chartTitle')}</h2>
              <p>
                {t('officeApplicants.overview', {
                  total: rows.length,
                  pass: verdicts.pass,
                  open: verdicts['needs-judgement'],
                  fail: verdicts.fail,
                })}
              </p>
              <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
                <EligibilityChart tallies={tallyRules(summaries)} />
              </Suspense>
            </section>
          </>
        )}
      </>
    );
  }

  return (
    <section className="page applicants-page">
      <h1>{t('officeApplicants.title')}</h1>
      <p className="muted">{t('officeApplicants.cycleLine', { cycle: cycleName, deadline })}</p>
      {error !== undefined && <ErrorBanner error={error} />}
      {criteria.status === 'error' && <ErrorBanner error={criteria.error} />}
      {notice !== undefined && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      {body}
    </section>
  );
}
