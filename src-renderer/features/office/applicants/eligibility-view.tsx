import { useEffect, useRef } from 'react';
import { reasonText, ruleTitle } from '../../../../src-shared/office/eligibility-reasons';
import { ErrorBanner } from '../../../components/error-banner';
import type { OfficeApplicantRow } from '../../../data/office-rows';
import { useI18n } from '../../../i18n/i18n';
import { summariseEligibility, type JudgedOutcome } from './eligibility-summary';
import { JudgementEditor } from './judgement-editor';
import { StatusBadge } from './status-badge';

/**
 * One applicant's eligibility (Art. 9, 15, 18) at the cycle's application deadline: every rule with its status and
 * reason in the UI language, and for each rule the check leaves to a person, the office's judgement (pass or fail
 * with its reason), stored in the row's `judgements`.
 */
export function EligibilityView({
  row,
  deadline,
  onChanged,
  onClose,
}: {
  row: OfficeApplicantRow;
  deadline: string;
  onChanged: (row: OfficeApplicantRow) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The register of awards, bans and revocations (Art. 15, 18) is not kept on this workstation yet: checked empty.
  const summary = summariseEligibility(row, deadline, []);

  return (
    <section className="panel eligibility-view" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title" tabIndex={-1} ref={heading}>
        {t('officeApplicants.eligibilityOf', { name: row.record.name })}
      </h2>
      {!summary.ok ? (
        <ErrorBanner error={summary.error} />
      ) : (
        <>
          <p>
            {t('officeApplicants.eligibilityAt', { deadline })} <StatusBadge status={summary.value.verdict} />{' '}
            {t('officeApplicants.counts', {
              pass: summary.value.counts.pass,
              fail: summary.value.counts.fail,
              open: summary.value.counts['needs-judgement'],
            })}
          </p>
          <p className="muted">{t('officeApplicants.registerEmpty')}</p>
          <table className="applicant-table eligibility-table">
            <caption className="visually-hidden">{t('officeApplicants.rulesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('officeApplicants.article')}</th>
                <th scope="col">{t('officeApplicants.rule')}</th>
                <th scope="col">{t('officeApplicants.result')}</th>
                <th scope="col">{t('officeApplicants.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.value.outcomes.map((outcome) => (
                <tr key={outcome.rule} data-rule={outcome.rule}>
                  <td>{outcome.article}</td>
                  <th scope="row">{ruleTitle(outcome.rule, lang)}</th>
                  <td>
                    <OutcomeStatus outcome={outcome} />
                  </td>
                  <td>
                    {reasonText(outcome, lang)}
                    {outcome.judgement !== undefined && (
                      <p className="judgement-note">
                        {t('officeApplicants.judgementNote', { note: outcome.judgement.note })}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <JudgementList row={row} outcomes={summary.value.outcomes} onChanged={onChanged} />
        </>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('officeApplicants.backToList')}
        </button>
      </div>
    </section>
  );
}

function OutcomeStatus({ outcome }: { outcome: JudgedOutcome }) {
  const { t } = useI18n();
  if (outcome.judgement === undefined) return <StatusBadge status={outcome.status} />;
  return (
    <>
      <StatusBadge status={outcome.effective} />
      <span className="muted"> {t('officeApplicants.byJudgement')}</span>
    </>
  );
}

function JudgementList({
  row,
  outcomes,
  onChanged,
}: {
  row: OfficeApplicantRow;
  outcomes: readonly JudgedOutcome[];
  onChanged: (row: OfficeApplicantRow) => void;
}) {
  const { t } = useI18n();
  const open = outcomes.filter((outcome) => outcome.status === 'needs-judgement');
  return (
    <section aria-labelledby="judgements-title">
      <h3 id="judgements-title">{t('officeApplicants.judgements')}</h3>
      {open.length === 0 ? (
        <p className="muted">{t('officeApplicants.noJudgementNeeded')}</p>
      ) : (
        open.map((outcome) => (
          <JudgementEditor key={outcome.rule} applicantId={row.id} outcome={outcome} onChanged={onChanged} />
        ))
      )}
    </section>
  );
}
