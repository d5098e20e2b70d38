import { useMemo } from 'react';
import { ok, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { loadAssignmentApplicants, loadAssignmentHeader, type AssignmentView } from '../data/assignment-repository';
import { percentsBySheet, sheetIdOf } from '../data/sheet-repository';
import { useServices, type AppServices } from './services';
import { useSharedLoad, type SharedLoad } from './shared-loads';
import type { AsyncState } from './use-async';

export interface AssignmentContext {
  readonly view: AssignmentView | undefined;
  readonly criteria: Criteria | undefined;
  readonly quarantined: number;
  /** Per applicant id, the percents of its sheet — only when asked for (the applicant list). */
  readonly percents: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
}

export interface AssignmentOptions {
  /** Read only this applicant (a scorebook shows one; validating 200 profiles would slow its start). */
  readonly onlyApplicantId?: string;
  /** Also read every sheet's percents, for progress and totals. */
  readonly withPercents?: boolean;
}

/**
 * The assignment with its cycle, applicants and the cycle's criteria, as one shared read: the applicant gate
 * (for the name) and the page under it use the same answer, and at start it is read beside the gate checks.
 * After the three small header reads, the criteria (asked of main through the contract), the applicants and
 * the percents are fetched in parallel, so a cold start waits for the slowest of them, not their sum.
 */
export function assignmentLoad(
  { db, client, now }: Pick<AppServices, 'db' | 'client' | 'now'>,
  assignmentId: string,
  { onlyApplicantId, withPercents = false }: AssignmentOptions = {},
): SharedLoad<AssignmentContext> {
  const load = async (): Promise<Result<AssignmentContext>> => {
    const { header, quarantined } = await loadAssignmentHeader(db, assignmentId, now);
    if (header === undefined) return ok({ view: undefined, criteria: undefined, quarantined, percents: new Map() });
    const only = onlyApplicantId === undefined ? undefined : [onlyApplicantId];
    const ids = header.assignment.applicantIds;
    const [criteria, applicants, bySheet] = await Promise.all([
      client.call('criteria:get', { id: header.cycle.criteriaId }),
      loadAssignmentApplicants(db, header, now, only),
      withPercents
        ? percentsBySheet(
            db,
            ids.map((id) => sheetIdOf(assignmentId, id)),
            now,
          )
        : undefined,
    ]);
    if (!criteria.ok) return criteria;
    const percents = new Map(ids.map((id) => [id, bySheet?.get(sheetIdOf(assignmentId, id)) ?? new Map()]));
    return ok({
      view: { ...header, applicants: applicants.applicants },
      criteria: criteria.value,
      quarantined: quarantined + applicants.quarantined,
      percents,
    });
  };
  return { key: JSON.stringify(['assignment', assignmentId, onlyApplicantId ?? null, withPercents]), load };
}

export function useAssignment(assignmentId: string, options: AssignmentOptions = {}): AsyncState<AssignmentContext> {
  const { db, client, now } = useServices();
  const { onlyApplicantId, withPercents = false } = options;
  const load = useMemo(
    () => assignmentLoad({ db, client, now }, assignmentId, { onlyApplicantId, withPercents }),
    [db, client, now, assignmentId, onlyApplicantId, withPercents],
  );
  return useSharedLoad(load).state;
}
