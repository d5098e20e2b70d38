import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routeLoads } from '../../../src-renderer/app/route-preload';
import type { Route } from '../../../src-renderer/components/route';
import { createSharedLoads } from '../../../src-renderer/components/shared-loads';
import { assignmentLoad } from '../../../src-renderer/components/use-assignment';
import { assignmentStatusLoad } from '../../../src-renderer/components/use-assignment-status';
import { importAssignmentBundle } from '../../../src-renderer/data/assignment-repository';
import type { ScorebookDb } from '../../../src-renderer/data/database';
import { createContractClient, type Transport } from '../../../src-renderer/host/contract-client';
import type { AssignmentBundle } from '../../../src-shared/assignments/assignment-schema';
import type { Channel } from '../../../src-shared/contract/channels';
import { first, loadDemoBundle, openTestDatabase, testClock } from '../data/support/test-database';

const criteria: unknown = JSON.parse(
  readFileSync(new URL('../../../resources/criteria/gbt19580-2012.json', import.meta.url), 'utf8'),
);

/** Main as the preload sees it: the criteria and a pledged, undeclared status; every call is counted. */
function countingTransport(): Transport & { calls: Channel[] } {
  const calls: Channel[] = [];
  const transport: Transport = async (channel) => {
    calls.push(channel);
    if (channel === 'criteria:get') return { ok: true, value: criteria };
    if (channel === 'assignments:status') return { ok: true, value: { pledged: true, declarations: [] } };
    return { ok: false, error: { code: 'E_UNKNOWN_CHANNEL', message: channel } };
  };
  return Object.assign(transport, { calls });
}

let db: ScorebookDb;
let bundle: AssignmentBundle;
const clock = testClock();

beforeEach(async () => {
  db = openTestDatabase('route-preload');
  bundle = loadDemoBundle();
  expect(await importAssignmentBundle(db, bundle, 'demo', clock.now)).toEqual({
    ok: true,
    value: bundle.assignment.id,
  });
});

afterEach(async () => {
  await db.delete();
});

describe('routeLoads', () => {
  it('names exactly the reads the gates and the page will hold, so they find the preload', () => {
    const client = createContractClient(countingTransport());
    const services = { db, client, now: clock.now };
    const keys = (route: Route) => routeLoads(services, route).map((load) => load.key);
    const status = assignmentStatusLoad(client, 'a1').key;
    const one = assignmentLoad(services, 'a1', { onlyApplicantId: 'p1' }).key;
    expect(keys({ page: 'scorebook', assignmentId: 'a1', applicantId: 'p1', itemId: '4.1.2' })).toEqual([status, one]);
    expect(keys({ page: 'submit', assignmentId: 'a1', applicantId: 'p1' })).toEqual([status, one]);
    expect(keys({ page: 'applicants', assignmentId: 'a1' })).toEqual([
      status,
      assignmentLoad(services, 'a1', { withPercents: true }).key,
    ]);
    for (const page of ['home', 'profile', 'outbox', 'not-found'] as const) expect(keys({ page })).toEqual([]);
  });

  it('asks main once for the status and the criteria however many parts of the page read them', async () => {
    const transport = countingTransport();
    const services = { db, client: createContractClient(transport), now: clock.now };
    const loads = createSharedLoads();
    const assignmentId = bundle.assignment.id;
    const applicantId = first(bundle.assignment.applicantIds, 'applicant');
    const route: Route = { page: 'scorebook', assignmentId, applicantId, itemId: undefined };
    // The preload beside the identity check, then the two gates and the scorebook as they mount.
    const preload = routeLoads(services, route).map((load) => loads.hold(load));
    const page = assignmentLoad(services, assignmentId, { onlyApplicantId: applicantId });
    const status = assignmentStatusLoad(services.client, assignmentId);
    const holders = [loads.hold(status), loads.hold(status), loads.hold(page), loads.hold(page)];
    await vi.waitFor(() => expect(loads.read(page).status).not.toBe('loading'));
    const read = loads.read(page);
    expect(read.status).toBe('ready');
    if (read.status !== 'ready') return;
    expect(read.value.view?.applicants.map((a) => a.id)).toEqual([applicantId]);
    expect(read.value.criteria?.id).toBe('gbt19580-2012');
    expect(loads.read(status)).toEqual({ status: 'ready', value: { pledged: true, declarations: [] } });
    expect([...transport.calls].sort()).toEqual(['assignments:status', 'criteria:get']);
    for (const release of [...preload, ...holders]) release();
  });
});
