import type { Stage } from '../../../../../src-shared/assignments/assignment-schema';
import type { InboxPackage } from '../../../../../src-shared/contract/office-channels';
import type { AttachmentRef, SheetPayload } from '../../../../../src-shared/packages/payload-schemas';
import {
  emptyStageWork,
  type Evidence,
  type IssueToVerify,
  type StageWork,
} from '../../../../../src-shared/stages/stage-work';

/** Accepted sheets with stage work (issue 5), as office:inbox-list answers them, for the office's renderer tests. */

export const hash = (c: string): string => c.repeat(64);

export function sheetPackage(
  issuer: string,
  applicantId: string,
  options: { stage?: Stage; seq?: number; cycleId?: string; work?: StageWork; attachments?: AttachmentRef[] } = {},
): InboxPackage {
  const { stage = 'material', seq = 1, cycleId = 'C' } = options;
  const payload: SheetPayload = {
    schema: 'scorebook.sheet/1',
    kind: 'sheet',
    packageId: `${issuer}/${applicantId}/${stage}/${cycleId}/${seq}`,
    cycleId,
    issuer,
    keyId: hash('a'),
    createdAt: '2026-05-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    stage,
    applicantId,
    assignmentId: 'as-1',
    assignmentHash: hash('b'),
    seq,
    prevHash: seq === 1 ? null : hash('e'),
    criteria: { id: 'gbt19580-2012', version: '2012' },
    items: [{ itemId: '4.1.1', percent: 60, strengths: [], ofis: [] }],
    totals: { hundredths: 0, categories: [] },
    attachments: options.attachments ?? [],
    revisionReason: seq === 1 ? null : '修订',
    ...(options.work === undefined ? {} : { work: options.work }),
  };
  return { packageId: payload.packageId, receivedAt: '2026-05-02T08:00:00.000Z', payloadSha256: hash('c'), payload };
}

export function issue(id: string, patch: Partial<IssueToVerify> = {}): IssueToVerify {
  return {
    id,
    origin: 'own',
    itemIds: ['4.1.1'],
    kind: 'verify',
    text: `问题 ${id}`,
    evidence: '',
    status: 'open',
    finding: '',
    ...patch,
  };
}

export function evidence(id: string, sha: string, patch: Partial<Evidence> = {}): Evidence {
  return {
    id,
    sha256: hash(sha),
    size: 2048,
    name: `${id}.jpg`,
    mediaType: 'image/jpeg',
    caption: '',
    itemIds: [],
    issueIds: [],
    ...patch,
  };
}

export function attachmentOf(e: Evidence): AttachmentRef {
  return { sha256: e.sha256, size: e.size, name: e.name, mediaType: e.mediaType };
}

export function work(stage: Stage, patch: Partial<StageWork> = {}): StageWork {
  return { ...emptyStageWork(stage, stage === 'material' ? null : 'material'), ...patch };
}
