import { describe, expect, it } from 'vitest';
import {
  consensusRowId,
  currentVersion,
  listOfficeConsensus,
  loadOfficeConsensus,
  loadOfficeDecision,
  saveOfficeConsensus,
  saveOfficeDecision,
} from '../../../src-renderer/data/office-consensus-repository';
import type { OfficeSignature } from '../../../src-renderer/data/office-rows';
import type { ConsensusRecord, Recommendation } from '../../../src-shared/office/office-schemas';
import { deletedAfterEach } from './support/opened-databases';
import { testClock } from './support/test-database';

const { open } = deletedAfterEach();

function signature(mark: string): OfficeSignature {
  return {
    sha256: mark.repeat(64),
    signature: `sig-${mark}`,
    keyId: 'f'.repeat(64),
    signedAt: '2026-06-01T08:00:00.000Z',
  };
}

function record(percent: number, applicantId = 'A1'): ConsensusRecord {
  return {
    applicantId,
    stage: 'site',
    leaderId: 'E1',
    items: [{ itemId: '4.1.2', percent, reason: percent === 50 ? '' : '现场核实了目标分解' }],
  };
}

describe('office consensus rows', () => {
  it('save version 1 without a reason and read it back by cycle, stage and applicant', async () => {
    const db = open('consensus-first');
    const clock = testClock();
    const saved = await saveOfficeConsensus(
      db,
      { cycleId: 'C', version: 1, value: record(50), signature: signature('a'), reason: '  ' },
      clock.now,
    );
    expect(saved).toMatchObject({
      ok: true,
      value: { id: 'C|site|A1', cycleId: 'C', stage: 'site', applicantId: 'A1', history: [] },
    });
    const loaded = await loadOfficeConsensus(db, 'C', 'site', 'A1', clock.now);
    expect(loaded?.current).toEqual({ record: record(50), signature: signature('a'), reason: '' });
    expect(loaded?.updatedAt).toBe(clock.iso());
    expect(currentVersion(loaded)).toBe(1);
    expect(await loadOfficeConsensus(db, 'C', 'material', 'A1', clock.now)).toBeUndefined();
  });

  it('keep every earlier version, oldest first, and need a reason for each new one', async () => {
    const db = open('consensus-versions');
    const clock = testClock();
    const base = { cycleId: 'C' } as const;
    await saveOfficeConsensus(
      db,
      { ...base, version: 1, value: record(50), signature: signature('a'), reason: '' },
      clock.now,
    );
    const noReason = await saveOfficeConsensus(
      db,
      { ...base, version: 2, value: record(60), signature: signature('b'), reason: ' ' },
      clock.now,
    );
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'E_REASON_REQUIRED', params: { version: 2 } },
    });
    clock.advance(1000);
    await saveOfficeConsensus(
      db,
      { ...base, version: 2, value: record(60), signature: signature('b'), reason: ' 补充材料 ' },
      clock.now,
    );
    await saveOfficeConsensus(
      db,
      { ...base, version: 3, value: record(65), signature: signature('c'), reason: '复议' },
      clock.now,
    );
    const row = await loadOfficeConsensus(db, 'C', 'site', 'A1', clock.now);
    expect(currentVersion(row)).toBe(3);
    expect(row?.current).toMatchObject({ record: record(65), reason: '复议' });
    expect(row?.history.map((h) => [h.record.items[0]?.percent, h.signature.signature, h.reason])).toEqual([
      [50, 'sig-a', ''],
      [60, 'sig-b', '补充材料'],
    ]);
  });

  it('refuse a version that is not the next one, and change nothing', async () => {
    const db = open('consensus-stale');
    const clock = testClock();
    const again = { cycleId: 'C', version: 1, value: record(55), signature: signature('b'), reason: 'x' };
    expect(await saveOfficeConsensus(db, { ...again, version: 2 }, clock.now)).toMatchObject({
      ok: false,
      error: { code: 'E_VERSION_STALE' },
    });
    expect(await db.officeConsensus.count()).toBe(0);
    await saveOfficeConsensus(
      db,
      { cycleId: 'C', version: 1, value: record(50), signature: signature('a'), reason: '' },
      clock.now,
    );
    // A second window signed version 1 too: it must not replace the first.
    expect(await saveOfficeConsensus(db, again, clock.now)).toMatchObject({
      ok: false,
      error: { code: 'E_VERSION_STALE' },
    });
    expect((await loadOfficeConsensus(db, 'C', 'site', 'A1', clock.now))?.current.signature).toEqual(signature('a'));
  });

  it('list one cycle only, and quarantine a malformed row instead of dropping it', async () => {
    const db = open('consensus-list');
    const clock = testClock();
    for (const [cycleId, applicantId] of [
      ['C', 'A2'],
      ['C', 'A1'],
      ['D', 'A1'],
    ] as const) {
      await saveOfficeConsensus(
        db,
        { cycleId, version: 1, value: record(50, applicantId), signature: signature('a'), reason: '' },
        clock.now,
      );
    }
    await db.officeConsensus.put({ id: 'C|site|broken', cycleId: 'C' } as never);
    const rows = await listOfficeConsensus(db, 'C', clock.now);
    expect(rows.map((r) => r.id)).toEqual([consensusRowId('C', 'site', 'A1'), consensusRowId('C', 'site', 'A2')]);
    expect(await db.quarantine.where('table').equals('officeConsensus').count()).toBe(1);
    expect(await db.officeConsensus.get('C|site|broken')).toBeUndefined();
  });
});

describe('office recommendation rows', () => {
  const first: Recommendation = { qualityAward: ['A1'], nomination: ['A2', 'A3'] };
  const second: Recommendation = { qualityAward: ['A1', 'A2'], nomination: ['A3'] };

  it('save the first version under the cycle id and keep the earlier one with each new version', async () => {
    const db = open('decision');
    const clock = testClock();
    expect(await loadOfficeDecision(db, 'C', clock.now)).toBeUndefined();
    expect(
      await saveOfficeDecision(
        db,
        { cycleId: 'C', version: 1, value: first, signature: signature('a'), reason: '' },
        clock.now,
      ),
    ).toMatchObject({ ok: true, value: { id: 'C', history: [] } });
    expect(
      await saveOfficeDecision(
        db,
        { cycleId: 'C', version: 2, value: second, signature: signature('b'), reason: '' },
        clock.now,
      ),
    ).toMatchObject({ ok: false, error: { code: 'E_REASON_REQUIRED', params: { version: 2 } } });
    expect(
      await saveOfficeDecision(
        db,
        { cycleId: 'C', version: 1, value: second, signature: signature('b'), reason: '调整' },
        clock.now,
      ),
    ).toMatchObject({ ok: false, error: { code: 'E_VERSION_STALE', params: { current: 1, given: 1 } } });
    await saveOfficeDecision(
      db,
      { cycleId: 'C', version: 2, value: second, signature: signature('b'), reason: '会议决定调整' },
      clock.now,
    );
    const row = await loadOfficeDecision(db, 'C', clock.now);
    expect(currentVersion(row)).toBe(2);
    expect(row?.current).toEqual({ recommendation: second, signature: signature('b'), reason: '会议决定调整' });
    expect(row?.history).toEqual([{ recommendation: first, signature: signature('a'), reason: '' }]);
  });

  it('refuse a row that does not fit its schema and write nothing', async () => {
    const db = open('decision-invalid');
    const clock = testClock();
    const bad = { qualityAward: [''], nomination: [] } as Recommendation;
    expect(
      await saveOfficeDecision(
        db,
        { cycleId: 'C', version: 1, value: bad, signature: signature('a'), reason: '' },
        clock.now,
      ),
    ).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(await db.officeDecisions.count()).toBe(0);
  });
});
