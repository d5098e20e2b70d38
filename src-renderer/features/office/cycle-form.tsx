import { useState, type FormEvent } from 'react';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { ok, type AppError } from '../../../src-shared/contract/result';
import {
  changedFrozenSettings,
  checkCycleSettings,
  cycleSettingsSchema,
  defaultCycleSettings,
  type CycleSettings,
} from '../../../src-shared/office/cycle-settings';
import { ErrorBanner } from '../../components/error-banner';
import { navigate } from '../../components/route';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { createOfficeCycle, loadOfficeCycle, reviseOfficeCycle } from '../../data/office-cycle-repository';
import type { OfficeCycleRow } from '../../data/row-schemas';
import { useI18n } from '../../i18n/i18n';
import { CycleFields } from './cycle-fields';
import { normaliseStageSetup, stageSetupProblems } from './stage-setup-edit';
import './cycle-form.css';

const allStages: readonly Stage[] = ['material', 'defense', 'site'];

/** New cycle (`cycleId` = "new") or a cycle's settings, with the revision history. */
export function CyclePage({ cycleId }: { cycleId: string }) {
  const { t } = useI18n();
  const { db, now } = useServices();
  const loaded = useAsync(
    async () => ok(cycleId === 'new' ? undefined : await loadOfficeCycle(db, cycleId, now)),
    [db, cycleId, now],
  );
  if (loaded.status !== 'ready') return <p aria-busy="true">{t('app.loading')}</p>;
  if (cycleId !== 'new' && loaded.value === undefined) {
    return <ErrorBanner error={{ code: 'E_CYCLE', params: { cycleId } }} />;
  }
  return <CycleForm key={cycleId} cycle={loaded.value} />;
}

function CycleForm({ cycle }: { cycle: OfficeCycleRow | undefined }) {
  const { t } = useI18n();
  const { db, now, newId } = useServices();
  const [settings, setSettings] = useState<CycleSettings>(
    () => cycle?.settings ?? defaultCycleSettings(now().getUTCFullYear()),
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Pick<AppError, 'code' | 'params'> | undefined>(undefined);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  // What is saved: the stage setup's English names filled from the Chinese ones, so a blank one is no change.
  const prepared: CycleSettings = { ...settings, stageSetup: normaliseStageSetup(settings.stageSetup) };
  const problems = checkCycleSettings(prepared);
  const setupProblems = stageSetupProblems(prepared.stageSetup);
  const frozen = cycle === undefined ? [] : changedFrozenSettings(cycle.settings, prepared);
  const needsReason = cycle !== undefined && cycle.assignmentsIssued > 0 && frozen.length > 0;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = cycleSettingsSchema.safeParse(prepared);
    if (!parsed.success) {
      setError({ code: 'E_BAD_REQUEST', params: { detail: parsed.error.issues[0]?.path.join('.') ?? '' } });
      return;
    }
    const result =
      cycle === undefined
        ? await createOfficeCycle(db, parsed.data, newId, now)
        : await reviseOfficeCycle(db, cycle.id, parsed.data, reason, now);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setReason('');
    setSaved(result.value.revision);
    if (cycle === undefined) navigate({ page: 'office-cycle', cycleId: result.value.id, tab: 'settings' });
  };

  return (
    <section className="page">
      <nav aria-label={t('app.breadcrumb')} className="breadcrumb">
        <a href="#/">{t('office.title')}</a>
      </nav>
      <h1>{cycle === undefined ? t('office.newCycle') : t('office.cycleSettings', { revision: cycle.revision })}</h1>
      {error !== undefined && <ErrorBanner error={error} />}
      {saved !== undefined && (
        <p className="banner banner-ok" role="status">
          {t('office.saved', { revision: saved })}
        </p>
      )}
      <form className="panel identity-form" onSubmit={(e) => void submit(e)} aria-label={t('office.cycleSettingsForm')}>
        <CycleFields settings={settings} onChange={setSettings} stages={allStages} />
        {problems.length + setupProblems.length > 0 && (
          <ul className="form-problems" aria-label={t('office.problems')}>
            {problems.map((p) => (
              <li key={p.field}>{t(`office.problem.${p.problem}`)}</li>
            ))}
            {setupProblems.map((p) => (
              <li key={`${p.kind}-${p.n}`}>{t(`stageOffice.problem.${p.kind}`, { n: p.n })}</li>
            ))}
          </ul>
        )}
        {needsReason && (
          <label>
            {t('office.changeReason', { fields: frozen.map((f) => t(`office.field.${f}`)).join('、') })}
            <textarea rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
        )}
        <button type="submit" className="primary" disabled={problems.length + setupProblems.length > 0}>
          {cycle === undefined ? t('office.create') : t('office.save')}
        </button>
      </form>
      {cycle !== undefined && cycle.history.length > 0 && (
        <section className="panel">
          <h2>{t('office.history')}</h2>
          <ol>
            {cycle.history.map((entry) => (
              <li key={entry.revision}>
                {t('office.historyEntry', {
                  revision: entry.revision,
                  at: entry.savedAt.slice(0, 16).replace('T', ' '),
                })}
                {entry.reason !== '' && <> — {entry.reason}</>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}
