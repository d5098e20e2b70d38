import { ok, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { loadAssignmentView, type AssignmentView } from '../data/assignment-repository';
import { useAsync, type AsyncState } from './use-async';
import { useServices } from './services';

export interface AssignmentContext {
  readonly view: AssignmentView | undefined;
  readonly criteria: Criteria | undefined;
  readonly quarantined: number;
}

/** The assignment with its cycle, applicants and the cycle's criteria (asked of main through the contract). */
export function useAssignment(assignmentId: string): AsyncState<AssignmentContext> {
  const { db, client, now } = useServices();
  return useAsync(async (): Promise<Result<AssignmentContext>> => {
    const { view, quarantined } = await loadAssignmentView(db, assignmentId, now);
    if (view === undefined) return ok({ view, criteria: undefined, quarantined });
    const criteria = await client.call('criteria:get', { id: view.cycle.criteriaId });
    if (!criteria.ok) return criteria;
    return ok({ view, criteria: criteria.value, quarantined });
  }, [assignmentId, db, client, now]);
}
