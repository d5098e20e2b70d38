import { useEffect } from 'react';
import type { Route } from '../components/route';
import { useServices, type AppServices } from '../components/services';
import { useSharedLoads, type SharedLoad } from '../components/shared-loads';
import { assignmentLoad } from '../components/use-assignment';
import { assignmentStatusLoad } from '../components/use-assignment-status';

type Services = Pick<AppServices, 'db' | 'client' | 'now'>;

/** An applicant's pages (scorebook, submit) read only that applicant; the list reads all with their percents. */
function loadsFor(
  services: Services,
  assignmentId: string | undefined,
  applicantId: string | undefined,
): SharedLoad<unknown>[] {
  if (assignmentId === undefined) return [];
  const options = applicantId === undefined ? { withPercents: true } : { onlyApplicantId: applicantId };
  return [assignmentStatusLoad(services.client, assignmentId), assignmentLoad(services, assignmentId, options)];
}

const assignmentOf = (route: Route): string | undefined => ('assignmentId' in route ? route.assignmentId : undefined);
const applicantOf = (route: Route): string | undefined => ('applicantId' in route ? route.applicantId : undefined);

/**
 * The shared reads a route's gates and page will ask for, with exactly their keys: the pledge and
 * declaration status, and the page's assignment read (Dexie rows and the criteria from main).
 * Reading them into memory before the gates open is fine — nothing renders before the gates say so.
 */
export function routeLoads(services: Services, route: Route): SharedLoad<unknown>[] {
  return loadsFor(services, assignmentOf(route), applicantOf(route));
}

/**
 * Holds the route's reads while mounted, so a cold start asks main for the identity, the assignment status
 * and the criteria at once instead of one after another; the gates and the page then find the answers.
 */
export function RoutePreload({ route }: { route: Route }) {
  const { db, client, now } = useServices();
  const loads = useSharedLoads();
  // Plain values as dependencies: moving between the items of one scorebook keeps the reads held.
  const assignmentId = assignmentOf(route);
  const applicantId = applicantOf(route);
  useEffect(() => {
    const releases = loadsFor({ db, client, now }, assignmentId, applicantId).map((load) => loads.hold(load));
    return () => {
      for (const release of releases) release();
    };
  }, [db, client, now, loads, assignmentId, applicantId]);
  return null;
}
