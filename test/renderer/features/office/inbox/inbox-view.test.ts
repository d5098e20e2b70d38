import { describe, expect, it } from 'vitest';
import type { ExpertRecord, InboxPackage, IssuedAssignment } from '../../../../../src-shared/contract/office-channels';
import {
  countByKind,
  expertProgress,
  rejectionError,
} from '../../../../../src-renderer/features/office/inbox/inbox-view';

const hex = (c: string): string => c.repeat(64);
const common = (issuer: string) => ({
  packageId: '01900000-0000-7000-8000-000000000000',
  cycleId: 'cycle-1',
  issuer,
  keyId: hex('1'),
  createdAt: '2026-03-02T08:00:00Z',
  app: { name: 'Scorebook', version: '0.1.0' },
});
const chain = (stage: 'material' | 'defense', applicantId: string, seq = 1) => ({
  stage,
  applicantId,
  assignmentId: 'assign-1',
  assignmentHash: hex('2'),
  seq,
  prevHash: seq === 1 ? null : hex('3'),
});

function sheet(issuer: string, stage: 'material' | 'defense', applicantId: string, seq = 1): InboxPackage {
  return {
    packageId: `${issuer}-${stage}-${applicantId}-${seq}`,
    receivedAt: '2026-03-02T08:00:00Z',
    payloadSha256: hex('4'),
    payload: {
      schema: 'scorebook.sheet/1',
      kind: 'sheet',
      ...common(issuer),
      ...chain(stage, applicantId, seq),
      criteria: { id: 'gbt19580-2012', version: '2012' },
      items: [],
      totals: { hundredths: 0, categories: [] },
      attachments: [],
      revisionReason: seq === 1 ? null : 'fix',
    },
  };
}

function declaration(issuer: string, applicantId: string): InboxPackage {
  return {
    packageId: `${issuer}-decl-${applicantId}`,
    receivedAt: '2026-03-02T08:00:00Z',
    payloadSha256: hex('5'),
    payload: {
      schema: 'scorebook.declaration/1',
      kind: 'declaration',
      ...common(issuer),
      ...chain('material', applicantId),
      conflict: false,
      grounds: [],
      correctionReason: null,
    },
  };
}

function pledge(issuer: string): InboxPackage {
  return {
    packageId: `${issuer}-pledge`,
    receivedAt: '2026-03-02T08:00:00Z',
    payloadSha256: hex('6'),
    payload: {
      schema: 'scorebook.pledge/1',
      kind: 'pledge',
      ...common(issuer),
      pledgeTextSha256: hex('7'),
      accepted: true,
    },
  };
}

function assignment(
  expertId: string,
  stage: 'material' | 'defense',
  applicantIds: string[],
  id: string,
): IssuedAssignment {
  return {
    assignmentId: id,
    cycleId: 'cycle-1',
    stage,
    expertId,
    panelId: 'panel-1',
    applicantIds,
    packageId: `pkg-${id}`,
    payloadSha256: hex('8'),
    fileName: `${id}.qapkg`,
    issuedAt: '2026-03-01T08:00:00Z',
  };
}

function expert(expertId: string, name: string): ExpertRecord {
  return {
    expertId,
    profile: { name, workUnit: '某单位', title: '', phone: '', fields: [] },
    fingerprint: hex('9'),
    signingPublicKey: 'x',
    receivingPublicKey: 'y',
    enrollmentPackageId: 'e',
    enrolledAt: '2026-03-01T08:00:00Z',
    status: 'confirmed',
    confirmedBy: '王',
    confirmedAt: '2026-03-01T08:00:00Z',
    revokedAt: null,
    revokeReason: null,
  };
}

describe('countByKind', () => {
  it('counts the packages of each kind', () => {
    expect(
      countByKind([sheet('e1', 'material', 'a'), sheet('e1', 'material', 'b'), pledge('e1'), declaration('e2', 'a')]),
    ).toEqual({ sheet: 2, declaration: 1, pledge: 1 });
    expect(countByKind([])).toEqual({ sheet: 0, declaration: 0, pledge: 0 });
  });
});

describe('expertProgress', () => {
  const experts = [expert('e1', '张三'), expert('e2', '李四')];

  it('sets sheets in against the (stage, applicant) pairs of the expert’s assignments', () => {
    const assignments = [
      assignment('e1', 'material', ['a', 'b', 'c'], 'as1'),
      // Re-issued to the same expert for the same stage: the pairs do not count twice.
      assignment('e1', 'material', ['a', 'b', 'c'], 'as2'),
      assignment('e1', 'defense', ['a'], 'as3'),
      assignment('e2', 'material', ['a', 'b'], 'as4'),
    ];
    const packages = [
      sheet('e1', 'material', 'a'),
      sheet('e1', 'material', 'b', 2),
      pledge('e1'),
      declaration('e1', 'a'),
      declaration('e1', 'b'),
    ];
    const rows = expertProgress(experts, assignments, packages);
    const byId = new Map(rows.map((row) => [row.expertId, row]));
    expect(byId.get('e1')).toEqual({
      expertId: 'e1',
      name: '张三',
      sheetsIn: 2,
      sheetsExpected: 4,
      declarations: 2,
      pledges: 1,
      packages: 5,
    });
    expect(byId.get('e2')).toMatchObject({ name: '李四', sheetsIn: 0, sheetsExpected: 2, packages: 0 });
  });

  it('lists an expert who sent packages without an assignment, by id when the registry does not know them', () => {
    const rows = expertProgress(experts, [], [sheet('stranger', 'material', 'a')]);
    expect(rows).toEqual([
      {
        expertId: 'stranger',
        name: 'stranger',
        sheetsIn: 1,
        sheetsExpected: 0,
        declarations: 0,
        pledges: 0,
        packages: 1,
      },
    ]);
  });

  it('lists no one when nothing was issued or received', () => {
    expect(expertProgress(experts, [], [])).toEqual([]);
  });

  it('orders experts by name', () => {
    const rows = expertProgress(
      [expert('e1', 'Zed'), expert('e2', 'Amy')],
      [assignment('e1', 'material', ['a'], 'x'), assignment('e2', 'material', ['a'], 'y')],
      [],
    );
    expect(rows.map((row) => row.name)).toEqual(['Amy', 'Zed']);
  });
});

describe('rejectionError', () => {
  it('keeps a known code with its params', () => {
    expect(rejectionError('E_ROLLBACK', { seq: 1, lastSeq: 2 })).toEqual({
      code: 'E_ROLLBACK',
      params: { seq: 1, lastSeq: 2 },
    });
  });

  it('shows a code this version does not know through E_INTERNAL, naming the code', () => {
    expect(rejectionError('E_FROM_THE_FUTURE', {})).toEqual({
      code: 'E_INTERNAL',
      params: { detail: 'E_FROM_THE_FUTURE' },
    });
  });
});
