import { useState, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/error-banner';
import { routeHash } from '../../components/route';
import { useAssignment } from '../../components/use-assignment';
import { declarationOf, useAssignmentStatus } from '../../components/use-assignment-status';
import { useI18n } from '../../i18n/i18n';
import { DeclarationForm } from './declaration-form';
import { PledgeGate } from './pledge-gate';

/**
 * Nothing of an applicant opens before the expert declared no conflict: the pledge first, then the declaration
 * (showing only the applicant's name, as the assignment list does). A declared conflict keeps the applicant
 * closed for this expert, also by direct address; a correction is a new signed version with a reason.
 */
export function ApplicantGate({
  assignmentId,
  applicantId,
  children,
}: {
  assignmentId: string;
  applicantId: string;
  children: ReactNode;
}) {
  return (
    <PledgeGate assignmentId={assignmentId}>
      <DeclaredOnly assignmentId={assignmentId} applicantId={applicantId}>
        {children}
      </DeclaredOnly>
    </PledgeGate>
  );
}

function DeclaredOnly({
  assignmentId,
  applicantId,
  children,
}: {
  assignmentId: string;
  applicantId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { state, reload } = useAssignmentStatus(assignmentId);
  // The same shared read as the scorebook and submit pages under this gate (only this applicant's row), so the
  // page finds it done — it may be in memory before the declaration; nothing of it renders before.
  const context = useAssignment(assignmentId, { onlyApplicantId: applicantId });
  const [correcting, setCorrecting] = useState(false);
  if (state.status === 'loading' || context.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} />;
  if (context.status === 'error') return <ErrorBanner error={context.error} />;
  const name = context.value.view?.applicants.find((a) => a.id === applicantId)?.name;
  if (name === undefined) return <ErrorBanner error={{ code: 'E_NOT_ASSIGNED' }} />;
  const declaration = declarationOf(state.value, applicantId);
  const back = <a href={routeHash({ page: 'applicants', assignmentId })}>{t('score.backToList')}</a>;
  if (declaration === undefined || correcting) {
    return (
      <>
        <DeclarationForm
          assignmentId={assignmentId}
          applicantId={applicantId}
          applicantName={name}
          correction={declaration !== undefined}
          onSigned={() => {
            setCorrecting(false);
            reload();
          }}
        />
        {back}
      </>
    );
  }
  if (declaration.conflict) {
    return (
      <section className="panel" role="status">
        <h1>{t('declaration.recusedTitle', { name })}</h1>
        <p>{t('declaration.recusedBody')}</p>
        <button type="button" onClick={() => setCorrecting(true)}>
          {t('declaration.correct')}
        </button>{' '}
        {back}
      </section>
    );
  }
  // A conflict found after declaring none (a new fact, a late recollection) must still recuse: the correction stays
  // one click away on every page of the applicant, before and after a sheet is submitted.
  return (
    <>
      <p className="declaration-note">
        {t('declaration.noConflictNote', { seq: declaration.seq })}{' '}
        <button type="button" className="link-button" onClick={() => setCorrecting(true)}>
          {t('declaration.correct')}
        </button>
      </p>
      {children}
    </>
  );
}
