import { useMemo, useState, type FormEvent } from 'react';
import type { Criteria } from '../../../../src-shared/criteria/criteria-schema';
import { allItems } from '../../../../src-shared/criteria/load-criteria';
import type { StageAggregation } from '../../../../src-shared/office/aggregate-stage';
import {
  checkConsensus,
  seedConsensus,
  validateConsensus,
  type ConsensusIssue,
  type ConsensusSeed,
} from '../../../../src-shared/office/consensus';
import type { ConsensusRecord, Panel } from '../../../../src-shared/office/office-schemas';
import { consensusToSign } from '../../../../src-shared/office/signed-records';
import { formatPoints } from '../../../../src-shared/scoring/percent';
import { ErrorBanner } from '../../../components/error-banner';
import { useServices } from '../../../components/services';
import { currentVersion, saveOfficeConsensus } from '../../../data/office-consensus-repository';
import type { OfficeConsensusRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { ConsensusHistory } from './consensus-history';
import { SavedVersion, SignVersionControls, useSignedVersion } from './signed-version';

type Draft = Readonly<Record<string, { readonly percent: number | null; readonly reason: string }>>;

/** Where the form starts: the current signed version when there is one, else the seeds (panel means on the grid). */
function initialDraft(seeds: readonly ConsensusSeed[], row: OfficeConsensusRow | undefined): Draft {
  if (row !== undefined) {
    return Object.fromEntries(
      row.current.record.items.map((i) => [i.itemId, { percent: i.percent, reason: i.reason }]),
    );
  }
  return Object.fromEntries(seeds.map((s) => [s.itemId, { percent: s.seed, reason: '' }]));
}

/** The record the draft stands for: items in criteria order; an item without a percent is left out (missing-item). */
function recordOf(aggregation: StageAggregation, draft: Draft): ConsensusRecord {
  return {
    applicantId: aggregation.applicantId,
    stage: aggregation.stage,
    leaderId: aggregation.leaderId,
    items: aggregation.itemIds.flatMap((itemId) => {
      const entry = draft[itemId];
      return entry === undefined || entry.percent === null
        ? []
        : [{ itemId, percent: entry.percent, reason: entry.reason }];
    }),
  };
}

/**
 * The consensus (合议) the panel's leader records: one percent per item, seeded from the panel mean, a reason for
 * every change from the seed, checked live by the shared rules, then signed by the office key and kept with every
 * earlier version (a new version needs its own reason).
 */
export function ConsensusForm({
  cycleId,
  criteria,
  aggregation,
  panel,
  row,
  expertName,
  onSaved,
}: {
  cycleId: string;
  criteria: Criteria;
  aggregation: StageAggregation;
  panel: Panel;
  row: OfficeConsensusRow | undefined;
  expertName: (id: string) => string;
  onSaved: (row: OfficeConsensusRow) => void;
}) {
  const { t, pick } = useI18n();
  const { db, now } = useServices();
  const seeds = useMemo(() => seedConsensus(aggregation, criteria.percentStep), [aggregation, criteria]);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(seeds, row));
  const signing = useSignedVersion(row, onSaved);
  const { reason, error, setError, version } = signing;
  const names = useMemo(() => new Map(allItems(criteria).map((item) => [item.id, pick(item.name)])), [criteria, pick]);
  const record = recordOf(aggregation, draft);
  const issues = checkConsensus(criteria, panel, seeds, record);
  const itemIssues = new Map<string, ConsensusIssue>();
  for (const issue of issues) if (issue.itemId !== undefined) itemIssues.set(issue.itemId, issue);
  // Unknown or repeated items cannot come from this form's rows, but would still be listed rather than lost.
  const general = issues.filter((issue) => issue.itemId === undefined || !aggregation.itemIds.includes(issue.itemId));
  const stale = row === undefined ? [] : checkConsensus(criteria, panel, seeds, row.current.record);
  const grid = Array.from({ length: Math.floor(100 / criteria.percentStep) + 1 }, (_, i) => i * criteria.percentStep);

  const change = (itemId: string, patch: { percent?: number | null; reason?: string }): void => {
    setDraft((d) => ({ ...d, [itemId]: { percent: null, reason: '', ...d[itemId], ...patch } }));
    signing.setSaved(undefined);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const valid = validateConsensus(criteria, panel, seeds, record);
    if (!valid.ok) return setError(valid.error);
    if (row !== undefined && reason.trim() === '') {
      return setError({ code: 'E_REASON_REQUIRED', params: { version } });
    }
    await signing.sign(
      { recordType: 'consensus', record: consensusToSign(cycleId, version, reason, valid.value) },
      (signature) => saveOfficeConsensus(db, { cycleId, version, value: valid.value, signature, reason }, now),
    );
  };

  return (
    <section className="panel" aria-labelledby="consensus-title">
      <h2 id="consensus-title">
        {row === undefined
          ? t('officeResults.consensus.title')
          : t('officeResults.consensus.titleVersion', { version: currentVersion(row) })}
      </h2>
      <p>
        {aggregation.leaderId === ''
          ? t('officeResults.consensus.noLeader')
          : t('officeResults.consensus.leader', { name: expertName(aggregation.leaderId) })}
      </p>
      <p className="muted">{t('officeResults.consensus.intro', { step: criteria.percentStep })}</p>
      {stale.length > 0 && (
        <p className="banner banner-warn" role="status">
          {t('officeResults.consensus.stale', { count: stale.length })}
        </p>
      )}
      {error !== undefined && <ErrorBanner error={error} />}
      <SavedVersion saved={signing.saved} text={(saved) => t('officeResults.consensus.saved', { version: saved })} />
      <form onSubmit={(e) => void submit(e)} aria-label={t('officeResults.consensus.form')}>
        <div className="table-scroll">
          <table className="applicant-table consensus-table">
            <thead>
              <tr>
                <th scope="col">{t('officeResults.matrix.item')}</th>
                <th scope="col">{t('officeResults.consensus.mean')}</th>
                <th scope="col">{t('officeResults.consensus.seed')}</th>
                <th scope="col">{t('officeResults.consensus.percent')}</th>
                <th scope="col">{t('officeResults.consensus.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {seeds.map((seed) => {
                const entry = draft[seed.itemId];
                const issue = itemIssues.get(seed.itemId);
                const changed = entry?.percent !== undefined && entry.percent !== null && entry.percent !== seed.seed;
                const problemId = `consensus-problem-${seed.itemId}`;
                return (
                  <tr key={seed.itemId} className={seed.needsConsensus ? 'needs-consensus' : undefined}>
                    <th scope="row">
                      {seed.itemId} {names.get(seed.itemId)}
                      {seed.needsConsensus && <strong className="flag"> {t('officeResults.matrix.flagged')}</strong>}
                    </th>
                    <td className="number">
                      {seed.meanPercentHundredths === null ? '—' : `${formatPoints(seed.meanPercentHundredths)}%`}
                    </td>
                    <td className="number">
                      {seed.seed === null ? t('officeResults.consensus.noSeed') : `${seed.seed}%`}
                    </td>
                    <td>
                      <select
                        aria-label={t('officeResults.consensus.percentOf', { item: seed.itemId })}
                        value={entry?.percent ?? ''}
                        aria-invalid={issue !== undefined && issue.problem !== 'reason-required'}
                        aria-describedby={issue === undefined ? undefined : problemId}
                        onChange={(e) =>
                          change(seed.itemId, { percent: e.target.value === '' ? null : Number(e.target.value) })
                        }
                      >
                        <option value="">{t('officeResults.consensus.choose')}</option>
                        {grid.map((p) => (
                          <option key={p} value={p}>
                            {p}%
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="text"
                        maxLength={2000}
                        aria-label={t('officeResults.consensus.reasonOf', { item: seed.itemId })}
                        required={changed}
                        aria-invalid={issue?.problem === 'reason-required'}
                        aria-describedby={issue === undefined ? undefined : problemId}
                        value={entry?.reason ?? ''}
                        onChange={(e) => change(seed.itemId, { reason: e.target.value })}
                      />
                      {issue !== undefined && (
                        <span id={problemId} className="field-problem">
                          {t(`officeResults.consensus.problem.${issue.problem}`)}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {general.length > 0 && (
          <ul className="form-problems" aria-label={t('officeResults.consensus.problems')}>
            {general.map((issue) => (
              <li key={`${issue.problem}/${issue.itemId ?? ''}`}>
                {issue.itemId === undefined ? '' : `${issue.itemId}: `}
                {t(`officeResults.consensus.problem.${issue.problem}`)}
              </li>
            ))}
          </ul>
        )}
        <p role="status" className="muted">
          {issues.length === 0
            ? t('officeResults.consensus.ready')
            : t('officeResults.consensus.issueCount', { count: issues.length })}
        </p>
        <SignVersionControls
          signing={signing}
          reasonLabel={t('officeResults.consensus.versionReason', { version })}
          signLabel={t('officeResults.consensus.sign', { version })}
        />
      </form>
      {row !== undefined && <ConsensusHistory row={row} itemName={(id) => names.get(id) ?? id} />}
    </section>
  );
}
