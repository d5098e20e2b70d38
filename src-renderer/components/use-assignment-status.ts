import { useCallback, useState } from 'react';
import type { AssignmentStatus } from '../../src-shared/contract/channels';
import { useAsync, type AsyncState } from './use-async';
import { useServices } from './services';

/** Main's record of the pledge and the declarations of an assignment; `reload` after signing something. */
export function useAssignmentStatus(assignmentId: string): { state: AsyncState<AssignmentStatus>; reload: () => void } {
  const { client } = useServices();
  const [version, setVersion] = useState(0);
  const state = useAsync(() => client.call('assignments:status', { assignmentId }), [client, assignmentId, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
}

/** The latest declaration of one applicant, if any. */
export function declarationOf(status: AssignmentStatus, applicantId: string) {
  return status.declarations.find((d) => d.applicantId === applicantId);
}
