import type { ChannelResponse } from '../../../../src-shared/contract/channels';
import type { ExpertRecord, IssuedAssignment } from '../../../../src-shared/contract/office-channels';
import { ok, type Result } from '../../../../src-shared/contract/result';
import type { AppServices } from '../../../components/services';
import { listOfficeApplicants } from '../../../data/office-applicant-repository';

/** Everything the inbox screen shows beside one import's results. */
export interface InboxData {
  readonly inbox: ChannelResponse<'office:inbox-list'>;
  readonly experts: readonly ExpertRecord[];
  readonly assignments: readonly IssuedAssignment[];
  /** applicant id → name, from the cycle's applicant register. */
  readonly applicantNames: ReadonlyMap<string, string>;
}

/** Loads the cycle's inbox, the key registry, the issued assignments and the applicant names; the first error wins. */
export async function loadInboxData(
  services: Pick<AppServices, 'client' | 'db' | 'now'>,
  cycleId: string,
): Promise<Result<InboxData>> {
  const { client, db, now } = services;
  const [inbox, experts, assignments, applicants] = await Promise.all([
    client.call('office:inbox-list', { cycleId }),
    client.call('office:experts-list', {}),
    client.call('office:assignments-list', { cycleId }),
    listOfficeApplicants(db, cycleId, now),
  ]);
  if (!inbox.ok) return inbox;
  if (!experts.ok) return experts;
  if (!assignments.ok) return assignments;
  return ok({
    inbox: inbox.value,
    experts: experts.value,
    assignments: assignments.value,
    applicantNames: new Map(applicants.map((row) => [row.id, row.record.name])),
  });
}
