import { useEffect, useMemo } from 'react';
import type { AssignmentStatus } from '../../src-shared/contract/channels';
import type { ContractClient } from '../host/contract-client';
import { useIdentity } from './identity-context';
import { useServices } from './services';
import { useSharedLoad, type SharedLoad } from './shared-loads';
import type { AsyncState } from './use-async';

/** Main's record of the pledge and the declarations of one assignment, as one shared read. */
export function assignmentStatusLoad(client: ContractClient, assignmentId: string): SharedLoad<AssignmentStatus> {
  return {
    key: JSON.stringify(['assignments:status', assignmentId]),
    load: () => client.call('assignments:status', { assignmentId }),
  };
}

/**
 * Main's record of the pledge and the declarations of an assignment. The pledge gate, the applicant gate and
 * the applicant list share one request (and the one started beside the identity check at start); `reload`
 * after signing something reads it again for all of them.
 */
export function useAssignmentStatus(assignmentId: string): { state: AsyncState<AssignmentStatus>; reload: () => void } {
  const { client } = useServices();
  const { recheck } = useIdentity();
  const load = useMemo(() => assignmentStatusLoad(client, assignmentId), [client, assignmentId]);
  const { state, reload } = useSharedLoad(load);
  // Locked meanwhile (by another window of the web host): that is the identity gate's to show, not an error here.
  const locked = state.status === 'error' && state.error.code === 'E_LOCKED';
  useEffect(() => {
    if (locked) recheck();
  }, [locked, recheck]);
  return { state: locked ? { status: 'loading' } : state, reload };
}

/** The latest declaration of one applicant, if any. */
export function declarationOf(status: AssignmentStatus, applicantId: string) {
  return status.declarations.find((d) => d.applicantId === applicantId);
}
