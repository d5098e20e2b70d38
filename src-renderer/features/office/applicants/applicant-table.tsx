import { useState } from 'react';
import type { Result } from '../../../../src-shared/contract/result';
import type { RuleStatus } from '../../../../src-shared/office/eligibility-types';
import { districtById } from '../../../../src-shared/office/urumqi-districts';
import { ActionButtons } from '../../../components/action-buttons';
import { ErrorBanner } from '../../../components/error-banner';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import type { EligibilitySummary } from './eligibility-summary';
import { StatusBadge } from './status-badge';

export type RowAction = 'edit' | 'eligibility' | 'delete';

type VerdictFilter = RuleStatus | 'all';

/**
 * The cycle's applicants with their eligibility in colour and in words, filtered by name or code and by verdict.
 * Delete asks once more in the row itself, so a slip of the keyboard removes nothing.
 */
export function ApplicantTable({
  rows,
  eligibility,
  onAction,
}: {
  rows: readonly OfficeApplicantRow[];
  eligibility: ReadonlyMap<string, Result<EligibilitySummary>>;
  onAction: (action: RowAction, row: OfficeApplicantRow) => void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const needle = query.trim().toLowerCase();
  const shown = rows.filter((row) => {
    const summary = eligibility.get(row.id);
    const matchesText =
      needle === '' || row.record.name.toLowerCase().includes(needle) || row.record.uscc.toLowerCase().includes(needle);
    const matchesVerdict = verdict === 'all' || (summary?.ok === true && summary.value.verdict === verdict);
    return matchesText && matchesVerdict;
  });
  const filters: readonly VerdictFilter[] = ['all', 'pass', 'needs-judgement', 'fail'];

  return (
    <>
      <div className="applicant-filters" role="search">
        <label>
          {t('officeApplicants.search')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t('officeApplicants.filterVerdict')}
          <select value={verdict} onChange={(e) => setVerdict(filters.find((f) => f === e.target.value) ?? 'all')}>
            {filters.map((f) => (
              <option key={f} value={f}>
                {f === 'all' ? t('officeApplicants.all') : t(`officeApplicants.status.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" role="status">
          {t('officeApplicants.shown', { shown: shown.length, total: rows.length })}
        </span>
      </div>
      <table className="applicant-table office-applicants">
        <caption className="visually-hidden">{t('officeApplicants.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('officeApplicants.field.name')}</th>
            <th scope="col">{t('officeApplicants.field.uscc')}</th>
            <th scope="col">{t('officeApplicants.field.district')}</th>
            <th scope="col">{t('officeApplicants.field.foundedOn')}</th>
            <th scope="col">{t('officeApplicants.fourNewShort')}</th>
            <th scope="col">{t('officeApplicants.eligibility')}</th>
            <th scope="col">{t('officeApplicants.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const name = row.record.name;
            const summary = eligibility.get(row.id);
            return (
              <tr key={row.id}>
                <th scope="row">{name}</th>
                <td>
                  <code>{row.record.uscc}</code>
                </td>
                <td>
                  {row.record.district === null
                    ? t('officeApplicants.districtUnknown')
                    : districtById(row.record.district)[lang]}
                </td>
                <td className="nowrap">{row.record.foundedOn}</td>
                <td>{row.record.fourNew ? t('officeApplicants.yes') : t('officeApplicants.no')}</td>
                <td>
                  {summary === undefined ? null : summary.ok ? (
                    <>
                      <StatusBadge status={summary.value.verdict} />
                      <br />
                      <span className="muted">
                        {t('officeApplicants.counts', {
                          pass: summary.value.counts.pass,
                          fail: summary.value.counts.fail,
                          open: summary.value.counts['needs-judgement'],
                        })}
                      </span>
                    </>
                  ) : (
                    <ErrorBanner error={summary.error} />
                  )}
                </td>
                <td className="row-actions">
                  {confirming === row.id ? (
                    <span role="group" aria-label={t('officeApplicants.confirmDelete', { name })}>
                      <span>{t('officeApplicants.confirmDelete', { name })}</span>{' '}
                      <button
                        type="button"
                        className="primary"
                        autoFocus
                        onClick={() => {
                          setConfirming(undefined);
                          onAction('delete', row);
                        }}
                      >
                        {t('officeApplicants.deleteConfirmed')}
                      </button>
                      <button type="button" onClick={() => setConfirming(undefined)}>
                        {t('officeApplicants.cancel')}
                      </button>
                    </span>
                  ) : (
                    <ActionButtons
                      buttons={[
                        {
                          text: t('officeApplicants.edit'),
                          label: t('officeApplicants.editOf', { name }),
                          focusKey: `edit-${row.id}`,
                          onClick: () => onAction('edit', row),
                        },
                        {
                          text: t('officeApplicants.eligibilityButton'),
                          label: t('officeApplicants.eligibilityButtonOf', { name }),
                          focusKey: `eligibility-${row.id}`,
                          onClick: () => onAction('eligibility', row),
                        },
                        {
                          text: t('officeApplicants.delete'),
                          label: t('officeApplicants.deleteOf', { name }),
                          onClick: () => setConfirming(row.id),
                        },
                      ]}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
