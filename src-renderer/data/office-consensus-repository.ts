import type { Stage } from '../../src-shared/assignments/assignment-schema';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { ConsensusRecord, Recommendation } from '../../src-shared/office/office-schemas';
import type { ScorebookDb } from './database';
import {
  officeConsensusRowSchema,
  officeDecisionRowSchema,
  type OfficeConsensusRow,
  type OfficeDecisionRow,
  type OfficeSignature,
} from './office-rows';
import { keyFields, parseRows } from './quarantine';
import { storageFailure } from './storage-errors';

/**
 * The consensus records and the recommendation the office signed (Dexie tables officeConsensus and officeDecisions).
 * A row holds the current signed version and every earlier one, oldest first; version n is history[n − 1], the
 * current one is history.length + 1. Nothing is ever overwritten: a new version moves the current one to the history,
 * and needs a reason. The caller signs first (the signature binds the version number, src-shared/office/
 * signed-records.ts) and passes the version it signed; a save whose version is no longer the next one — another
 * window saved in between — is refused, so a signature never ends up under another version number.
 */

/** The row id of one applicant's consensus at one stage. */
export function consensusRowId(cycleId: string, stage: Stage, applicantId: string): string {
  return `${cycleId}|${stage}|${applicantId}`;
}

/** The version number a row's current entry has, or 0 without a row. */
export function currentVersion(row: { readonly history: readonly unknown[] } | undefined): number {
  return row === undefined ? 0 : row.history.length + 1;
}

export async function listOfficeConsensus(
  db: ScorebookDb,
  cycleId: string,
  now: () => Date,
): Promise<OfficeConsensusRow[]> {
  const raw = await db.officeConsensus.where('cycleId').equals(cycleId).toArray();
  const parsed = await parseRows(db, 'officeConsensus', raw, officeConsensusRowSchema, keyFields('id'), now);
  return parsed.rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function loadOfficeConsensus(
  db: ScorebookDb,
  cycleId: string,
  stage: Stage,
  applicantId: string,
  now: () => Date,
): Promise<OfficeConsensusRow | undefined> {
  const raw = await db.officeConsensus.get(consensusRowId(cycleId, stage, applicantId));
  if (raw === undefined) return undefined;
  const parsed = await parseRows(db, 'officeConsensus', [raw], officeConsensusRowSchema, keyFields('id'), now);
  return parsed.rows[0];
}

export interface SignedVersion<T> {
  readonly cycleId: string;
  /** The version the signature was made for: the row's current version + 1. */
  readonly version: number;
  readonly value: T;
  readonly signature: OfficeSignature;
  /** Required (not blank) from version 2 on. */
  readonly reason: string;
}

function staleVersion(expected: number, given: number): Result<never> {
  return fail('E_VERSION_STALE', `version ${given} was signed, but the next version is ${expected}`, {
    current: expected - 1,
    given,
  });
}

/** Saves a signed consensus (already validated with validateConsensus) as the next version of its row. */
export async function saveOfficeConsensus(
  db: ScorebookDb,
  input: SignedVersion<ConsensusRecord>,
  now: () => Date,
): Promise<Result<OfficeConsensusRow>> {
  const { cycleId, value: record } = input;
  try {
    return await db.transaction('rw', db.officeConsensus, db.quarantine, async () => {
      const existing = await loadOfficeConsensus(db, cycleId, record.stage, record.applicantId, now);
      const next = currentVersion(existing) + 1;
      if (input.version !== next) return staleVersion(next, input.version);
      const reason = input.reason.trim();
      if (existing !== undefined && reason === '') {
        return fail('E_REASON_REQUIRED', 'a new version of a consensus needs a reason', { version: next });
      }
      const entry = { record, signature: input.signature, reason };
      const row: OfficeConsensusRow = {
        v: 1,
        id: consensusRowId(cycleId, record.stage, record.applicantId),
        cycleId,
        stage: record.stage,
        applicantId: record.applicantId,
        current: entry,
        history: existing === undefined ? [] : [...existing.history, existing.current],
        updatedAt: now().toISOString(),
      };
      const parsed = officeConsensusRowSchema.safeParse(row);
      if (!parsed.success) {
        return fail('E_BAD_REQUEST', 'consensus row invalid', { detail: parsed.error.issues[0]?.message ?? '' });
      }
      await db.officeConsensus.put(parsed.data);
      return ok(parsed.data);
    });
  } catch (error) {
    return storageFailure(error);
  }
}

/** The recommendation of a cycle (row id = the cycle's id), or undefined before the first is signed. */
export async function loadOfficeDecision(
  db: ScorebookDb,
  cycleId: string,
  now: () => Date,
): Promise<OfficeDecisionRow | undefined> {
  const raw = await db.officeDecisions.get(cycleId);
  if (raw === undefined) return undefined;
  const parsed = await parseRows(db, 'officeDecisions', [raw], officeDecisionRowSchema, keyFields('id'), now);
  return parsed.rows[0];
}

/** Saves a signed recommendation (already checked with validateRecommendation) as the next version. */
export async function saveOfficeDecision(
  db: ScorebookDb,
  input: SignedVersion<Recommendation>,
  now: () => Date,
): Promise<Result<OfficeDecisionRow>> {
  try {
    return await db.transaction('rw', db.officeDecisions, db.quarantine, async () => {
      const existing = await loadOfficeDecision(db, input.cycleId, now);
      const next = currentVersion(existing) + 1;
      if (input.version !== next) return staleVersion(next, input.version);
      const reason = input.reason.trim();
      if (existing !== undefined && reason === '') {
        return fail('E_REASON_REQUIRED', 'a new version of the recommendation needs a reason', { version: next });
      }
      const entry = { recommendation: input.value, signature: input.signature, reason };
      const row: OfficeDecisionRow = {
        v: 1,
        id: input.cycleId,
        current: entry,
        history: existing === undefined ? [] : [...existing.history, existing.current],
        updatedAt: now().toISOString(),
      };
      const parsed = officeDecisionRowSchema.safeParse(row);
      if (!parsed.success) {
        return fail('E_BAD_REQUEST', 'decision row invalid', { detail: parsed.error.issues[0]?.message ?? '' });
      }
      await db.officeDecisions.put(parsed.data);
      return ok(parsed.data);
    });
  } catch (error) {
    return storageFailure(error);
  }
}
