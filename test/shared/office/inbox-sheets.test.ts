import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import type { InboxPackage } from '../../../src-shared/contract/office-channels';
import { officeSheetsFromInbox, recusalsFromInbox } from '../../../src-shared/office/inbox-sheets';
import type { SheetPayload } from '../../../src-shared/packages/payload-schemas';

const hash = (c: string): string => c.repeat(64);

function sheet(
  issuer: string,
  applicantId: string,
  items: Readonly<Record<string, number>>,
  patch: Partial<SheetPayload> = {},
): InboxPackage {
  const payload: SheetPayload = {
    schema: 'scorebook.sheet/1',
    kind: 'sheet',
    // Not parsed here, so any unique text will do; the package id names the chain and the version.
    packageId: `${issuer}/${applicantId}/${patch.stage ?? 'material'}/${patch.cycleId ?? 'C'}/${patch.seq ?? 1}`,
    cycleId: 'C',
    issuer,
    keyId: hash('a'),
    createdAt: '2026-05-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    stage: 'material',
    applicantId,
    assignmentId: 'as-1',
    assignmentHash: hash('b'),
    seq: 1,
    prevHash: null,
    criteria: { id: 'gbt19580-2012', version: '2012' },
    items: Object.entries(items).map(([itemId, percent]) => ({ itemId, percent, strengths: [], ofis: [] })),
    totals: { hundredths: 0, categories: [] },
    attachments: [],
    revisionReason: null,
    ...patch,
  };
  return { packageId: payload.packageId, receivedAt: '2026-05-02T08:00:00.000Z', payloadSha256: hash('c'), payload };
}

function pledge(issuer: string): InboxPackage {
  return {
    packageId: `pledge/${issuer}`,
    receivedAt: '2026-05-02T08:00:00.000Z',
    payloadSha256: hash('d'),
    payload: {
      schema: 'scorebook.pledge/1',
      kind: 'pledge',
      packageId: `pledge/${issuer}`,
      cycleId: 'C',
      issuer,
      keyId: hash('a'),
      createdAt: '2026-05-01T08:00:00.000Z',
      app: { name: 'Scorebook', version: 'test' },
      pledgeTextSha256: hash('e'),
      accepted: true,
    },
  };
}

describe('officeSheetsFromInbox', () => {
  it('makes one sheet per accepted sheet package, the issuer as the expert, absent items unscored', () => {
    const { sheets, skipped } = officeSheetsFromInbox(
      [pledge('E1'), sheet('E1', 'A1', { '4.1.2': 55, '4.1.3': 0 }), sheet('E2', 'A1', {})],
      'C',
      'gbt19580-2012',
    );
    expect(skipped).toEqual([]);
    expect(sheets).toEqual([
      { expertId: 'E1', applicantId: 'A1', stage: 'material', percents: { '4.1.2': 55, '4.1.3': 0 } },
      { expertId: 'E2', applicantId: 'A1', stage: 'material', percents: {} },
    ]);
  });

  it('keeps the highest version of a chain, whatever order the versions come in, at the place of the first', () => {
    const v2 = sheet('E1', 'A1', { '4.1.2': 70 }, { seq: 2, prevHash: hash('f'), revisionReason: '复核' });
    const v1 = sheet('E1', 'A1', { '4.1.2': 40 });
    const other = sheet('E2', 'A1', { '4.1.2': 60 });
    const v3 = sheet('E1', 'A1', { '4.1.2': 75 }, { seq: 3, prevHash: hash('f'), revisionReason: '再次复核' });
    const { sheets } = officeSheetsFromInbox([v2, other, v1, v3], 'C', 'gbt19580-2012');
    expect(sheets.map((s) => [s.expertId, s.percents['4.1.2']])).toEqual([
      ['E1', 75],
      ['E2', 60],
    ]);
  });

  it('keeps chains apart by stage and applicant', () => {
    const { sheets } = officeSheetsFromInbox(
      [sheet('E1', 'A1', {}), sheet('E1', 'A2', {}), sheet('E1', 'A1', {}, { stage: 'site' })],
      'C',
      'gbt19580-2012',
    );
    expect(sheets.map((s) => `${s.applicantId}/${s.stage}`)).toEqual(['A1/material', 'A2/material', 'A1/site']);
  });

  it('skips, and lists, sheets of another cycle or another criteria', () => {
    const otherCycle = sheet('E1', 'A1', {}, { cycleId: 'D' });
    const otherCriteria = sheet('E2', 'A1', {}, { criteria: { id: 'local-2020', version: '1' } });
    const { sheets, skipped } = officeSheetsFromInbox([otherCycle, otherCriteria], 'C', 'gbt19580-2012');
    expect(sheets).toEqual([]);
    expect(skipped).toEqual([
      {
        packageId: otherCycle.payload.packageId,
        expertId: 'E1',
        applicantId: 'A1',
        stage: 'material',
        reason: 'other-cycle',
      },
      {
        packageId: otherCriteria.payload.packageId,
        expertId: 'E2',
        applicantId: 'A1',
        stage: 'material',
        reason: 'other-criteria',
      },
    ]);
  });
});

function declaration(issuer: string, applicantId: string, conflict: boolean, seq: number, stage: Stage = 'material') {
  const pkg: InboxPackage = {
    packageId: `decl/${issuer}/${applicantId}/${stage}/${seq}`,
    receivedAt: '2026-05-02T08:00:00.000Z',
    payloadSha256: hash('f'),
    payload: {
      schema: 'scorebook.declaration/1',
      kind: 'declaration',
      packageId: `decl/${issuer}/${applicantId}/${stage}/${seq}`,
      cycleId: 'C',
      issuer,
      keyId: hash('a'),
      createdAt: '2026-05-01T08:00:00.000Z',
      app: { name: 'Scorebook', version: 'test' },
      stage,
      applicantId,
      assignmentId: 'as-1',
      assignmentHash: hash('b'),
      seq,
      prevHash: seq === 1 ? null : hash('9'),
      conflict,
      grounds: conflict ? [{ ground: 'business', text: '供货关系' }] : [],
      correctionReason: seq === 1 ? null : '更正',
    },
  };
  return pkg;
}

describe('recusalsFromInbox', () => {
  it('recuses by the latest version of each declaration chain, whatever order the inbox lists them in', () => {
    const packages = [
      declaration('E5', 'A', true, 2),
      declaration('E5', 'A', false, 1),
      declaration('E4', 'A', true, 1),
      declaration('E4', 'A', false, 2),
      declaration('E3', 'B', false, 1),
      sheet('E1', 'A', { '4.1.1': 50 }),
    ];
    expect(recusalsFromInbox(packages, 'C')).toEqual([{ expertId: 'E5', applicantId: 'A' }]);
  });

  it('recuses for the whole cycle when any stage’s declaration says conflict, once, and only in that cycle', () => {
    const packages = [declaration('E2', 'A', true, 1, 'material'), declaration('E2', 'A', true, 1, 'site')];
    expect(recusalsFromInbox(packages, 'C')).toEqual([{ expertId: 'E2', applicantId: 'A' }]);
    expect(recusalsFromInbox(packages, 'other')).toEqual([]);
  });

  it('travels with the sheets of officeSheetsFromInbox', () => {
    expect(officeSheetsFromInbox([declaration('E5', 'A', true, 1)], 'C', 'gbt19580-2012').recusals).toEqual([
      { expertId: 'E5', applicantId: 'A' },
    ]);
  });
});
