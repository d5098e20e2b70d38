import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assignmentRecordSchema,
  chainHead,
  createAssignmentRecordStore,
  emptyAssignmentRecords,
  isRecused,
  withAssignment,
  type AssignmentRecord,
  type AssignmentRecordsFile,
  type ChainEntry,
} from '../../../src-main/services/assignment-records';
import { createSecretFile } from '../../../src-main/services/secret-file';
import { ok } from '../../../src-shared/contract/result';
import { defaultStageSetup } from '../../../src-shared/stages/stage-setup';

const record: AssignmentRecord = {
  assignmentId: 'assignment-1',
  cycleId: 'cycle-2026',
  stage: 'material',
  expertId: 'expert-0123456789abcdef',
  applicantIds: ['applicant-1', 'applicant-2'],
  assignmentHash: 'a'.repeat(64),
  officeReceivingKey: 'A'.repeat(43) + '=',
  pledgeTextSha256: 'b'.repeat(64),
  demo: false,
  criteriaId: 'gbt19580-2012',
  commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
  stages: ['material', 'site'],
  stageSetup: { ...defaultStageSetup, evidenceMaxBytes: 1024 },
  materials: [
    { applicantId: 'applicant-1', sha256: 'c'.repeat(64), size: 10, name: '申报材料.pdf', commercialSecret: true },
  ],
};

function declared(applicantId: string, seq: number, conflict: boolean, patch: Partial<ChainEntry> = {}): ChainEntry {
  return {
    kind: 'declaration',
    cycleId: 'cycle-2026',
    stage: 'material',
    applicantId,
    seq,
    payloadSha256: String(seq).repeat(64).slice(0, 64),
    conflict,
    signedAt: '2026-05-01T08:00:00.000Z',
    ...patch,
  };
}

function withChains(...chains: ChainEntry[]): AssignmentRecordsFile {
  return { ...emptyAssignmentRecords, assignments: [record], chains };
}

describe('assignmentRecordSchema', () => {
  it('reads a record written before criteriaId and commentRules as the shipped criteria without rules', () => {
    const old: Record<string, unknown> = { ...record };
    delete old.criteriaId;
    delete old.commentRules;
    expect(assignmentRecordSchema.parse(old)).toEqual({
      ...old,
      criteriaId: 'gbt19580-2012',
      commentRules: { strengthWithEvidenceFrom: null, ofiUpTo: null },
    });
    expect(assignmentRecordSchema.parse(record)).toEqual(record);
  });

  it('reads a record written before issue 5 as the three stages, the default setup and no materials', () => {
    const old: Record<string, unknown> = { ...record };
    delete old.stages;
    delete old.stageSetup;
    delete old.materials;
    expect(assignmentRecordSchema.parse(old)).toEqual({
      ...old,
      stages: ['material', 'defense', 'site'],
      stageSetup: defaultStageSetup,
      materials: [],
    });
    expect(assignmentRecordSchema.parse(record)).toEqual(record);
  });
});

describe('isRecused', () => {
  it('is false without a declaration, and for an unknown assignment or applicant', () => {
    expect(isRecused(withChains(), 'assignment-1', 'applicant-1')).toBe(false);
    const conflicted = withChains(declared('applicant-1', 1, true));
    expect(isRecused(conflicted, 'other', 'applicant-1')).toBe(false);
    expect(isRecused(conflicted, 'assignment-1', 'applicant-9')).toBe(false);
  });

  it('follows the latest declaration of the applicant', () => {
    expect(isRecused(withChains(declared('applicant-1', 1, false)), 'assignment-1', 'applicant-1')).toBe(false);
    expect(isRecused(withChains(declared('applicant-1', 1, true)), 'assignment-1', 'applicant-1')).toBe(true);
    const corrected = withChains(declared('applicant-1', 1, true), declared('applicant-1', 2, false));
    expect(isRecused(corrected, 'assignment-1', 'applicant-1')).toBe(false);
    const laterConflict = withChains(declared('applicant-1', 1, false), declared('applicant-1', 2, true));
    expect(isRecused(laterConflict, 'assignment-1', 'applicant-1')).toBe(true);
    expect(isRecused(laterConflict, 'assignment-1', 'applicant-2')).toBe(false);
  });

  it('counts a conflict declared in another stage of the cycle, as the office does, but not in another cycle', () => {
    const otherStage = withChains(declared('applicant-1', 1, true, { stage: 'defense' }));
    expect(isRecused(otherStage, 'assignment-1', 'applicant-1')).toBe(true);
    const otherCycle = withChains(declared('applicant-1', 1, true, { cycleId: 'cycle-2025' }));
    expect(isRecused(otherCycle, 'assignment-1', 'applicant-1')).toBe(false);
  });

  it('ignores sheets', () => {
    const sheet = withChains({ ...declared('applicant-1', 1, true), kind: 'sheet' });
    expect(isRecused(sheet, 'assignment-1', 'applicant-1')).toBe(false);
    expect(chainHead(sheet, 'declaration', 'cycle-2026', 'material', 'applicant-1')).toBeUndefined();
  });
});

describe('withAssignment', () => {
  it('adds, changes nothing for the same record, and replaces a re-issued one', () => {
    const once = withAssignment(emptyAssignmentRecords, record);
    expect(once?.assignments).toEqual([record]);
    if (once === undefined) throw new Error('expected a change');
    expect(withAssignment(once, { ...record })).toBeUndefined();
    const reissued = withAssignment(once, { ...record, applicantIds: ['applicant-3'] });
    expect(reissued?.assignments).toEqual([{ ...record, applicantIds: ['applicant-3'] }]);
  });
});

describe('the record store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scorebook-records-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes what it reads back, and refuses a corrupt file without writing', async () => {
    const path = join(dir, 'assignments.json');
    const store = createAssignmentRecordStore(createSecretFile(path), path);
    expect(await store.read()).toEqual(ok(emptyAssignmentRecords));
    const next = withChains(declared('applicant-1', 1, true));
    expect(await store.update(async () => ok({ next, value: 1 }))).toEqual(ok(1));
    expect(await store.read()).toEqual(ok(next));

    await writeFile(path, '{"format":"scorebook.assignments/1","version":2}');
    let ran = false;
    const refused = await store.update(async () => {
      ran = true;
      return ok({ next, value: 1 });
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_KEY_FILE_CORRUPT', params: { file: path } } });
    expect(ran).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('{"format":"scorebook.assignments/1","version":2}');
  });

  it('refuses to write a state that would not read back', async () => {
    const path = join(dir, 'assignments.json');
    const store = createAssignmentRecordStore(createSecretFile(path), path);
    const twice = { ...emptyAssignmentRecords, assignments: [record, record] };
    const result = await store.update(async () => ok({ next: twice, value: 1 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(await store.read()).toEqual(ok(emptyAssignmentRecords));
  });
});
