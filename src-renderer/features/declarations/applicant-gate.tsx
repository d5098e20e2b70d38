import { useState, type ReactNode } from 'react';
import { ok } from '../../../src-shared/contract/result';
import { ErrorBanner } from '../../components/error-banner';
import { routeHash } from '../../components/route';
import { useServices } from '../../components/services';
import { useAsync } from '../../components/use-async';
import { declarationOf, useAssignmentStatus } from '../../components/use-assignment-status';
import { loadAssignmentApplicants, loadAssignmentHeader } from '../../data/assignment-repository';
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
  const { db, now } = useServices();
  const { state, reload } = useAssignmentStatus(assignmentId);
  // Only the applicant's name is needed here: one row, not the whole signed assignment.
  const named = useAsync(async () => {
    const { header } = await loadAssignmentHeader(db, assignmentId, now);
    if (header === undefined || !header.assignment.applicantIds.includes(applicantId)) return ok(undefined);
    const { applicants } = await loadAssignmentApplicants(db, header, now, [applicantId]);
    return ok(applicants[0]?.name);
  }, [db, assignmentId, applicantId, now]);
  const [correcting, setCorrecting] = useState(false);
  if (state.status === 'loading' || named.status === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.status === 'error') return <ErrorBanner error={state.error} />;
  const name = named.status === 'ready' ? named.value : undefined;
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
  return <>{children}</>;
}
