import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { buildPackage } from '../../src-shared/packages/build-package';
import type { DeclarationPayload, PledgePayload, SheetPayload } from '../../src-shared/packages/payload-schemas';
import { uuidV7 } from '../../src-shared/packages/uuid-v7';
import type { ArchiveFolder } from '../services/archive-folder';
import {
  findAssignment,
  type AssignmentRecord,
  type AssignmentRecordsFile,
  type AssignmentRecordStore,
} from '../services/assignment-records';
import { expertIdOf } from '../services/enrollment-package';
import type { KeyStore } from '../services/key-store';
import { nodeSha256Hex } from '../services/node-verify';
import { nodeSealTo } from '../services/node-hpke';
import { unlockedKey } from './unlocked-key';

/**
 * What the signing handlers (package-handlers.ts, sheet-handlers.ts) share: the unlocked expert, the assignment
 * record it signs under, the common payload fields, and sign → seal to the office → archive in `outbox/`.
 */

export interface PackageDeps {
  readonly keys: KeyStore;
  /** Named in E_KEY_FILE_CORRUPT. */
  readonly keyFilePath: string;
  readonly records: AssignmentRecordStore;
  /** `<dataDir>/outbox/`: every package exactly as it left. */
  readonly outbox: ArchiveFolder;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

export interface Signer {
  readonly fingerprint: string;
  readonly expertId: string;
}

export const badRequest = (detail: string): Result<never> =>
  fail('E_BAD_REQUEST', `bad request: ${detail}`, { detail });

export interface PackageSigning {
  /** The unlocked expert, or why there is none. */
  signer(): Promise<Result<Signer>>;
  /** The assignment's record, if it was imported for this expert. */
  assignmentOf(records: AssignmentRecordsFile, me: Signer, assignmentId: string): Result<AssignmentRecord>;
  /** Common payload fields; createdAt always has milliseconds, as the time format allows. */
  common(
    me: Signer,
    cycleId: string,
    nowMs: number,
  ): {
    packageId: string;
    cycleId: string;
    issuer: string;
    keyId: string;
    createdAt: string;
    app: { name: string; version: string };
  };
  /**
   * Signs, packs the blobs (a sheet's attachments, listed in its payload) beside the envelope, seals to the record's
   * office receiving key, archives as `<packageId>-<kind>.qapkg`.
   */
  sealAndKeep(
    kind: 'pledge' | 'declaration' | 'sheet',
    payload: PledgePayload | DeclarationPayload | SheetPayload,
    record: AssignmentRecord,
    blobs?: readonly Uint8Array[],
  ): Promise<Result<{ file: Uint8Array; payloadSha256: string }>>;
}

export function createPackageSigning(deps: PackageDeps): PackageSigning {
  return {
    async signer() {
      const unlocked = await unlockedKey(deps.keys, deps.keyFilePath);
      if (!unlocked.ok) return unlocked;
      const key = unlocked.value;
      if (key.role !== 'expert' || key.fingerprint === undefined) {
        return fail('E_NO_PROFILE', 'the key file holds no expert identity');
      }
      return ok({ fingerprint: key.fingerprint, expertId: expertIdOf(key.fingerprint) });
    },

    assignmentOf(records, me, assignmentId) {
      const record = findAssignment(records, assignmentId);
      if (record === undefined) return fail('E_NOT_ASSIGNED', `no imported assignment ${assignmentId}`);
      if (record.expertId !== me.expertId) {
        return fail('E_WRONG_EXPERT', `assignment ${assignmentId} is for ${record.expertId}, not ${me.expertId}`);
      }
      return ok(record);
    },

    common(me, cycleId, nowMs) {
      return {
        packageId: uuidV7(nowMs, deps.random),
        cycleId,
        issuer: me.expertId,
        keyId: me.fingerprint,
        createdAt: new Date(nowMs).toISOString(),
        app: { name: 'Scorebook', version: deps.appVersion },
      };
    },

    async sealAndKeep(kind, payload, record, blobs = []) {
      const officeKey = decodeBase64Strict(record.officeReceivingKey);
      if (officeKey?.length !== 32) {
        return fail('E_INTERNAL', `assignment ${record.assignmentId}: office receiving key is not 32 bytes`, {
          detail: 'office receiving key',
        });
      }
      const built = await buildPackage({
        kind,
        payload,
        keyId: payload.keyId,
        sign: (message) => deps.keys.sign(message),
        blobs,
        sealToPublicKey: officeKey,
        sha256Hex: nodeSha256Hex,
        seal: nodeSealTo,
      });
      if (!built.ok) return built;
      const archived = await deps.outbox.writeOnce(`${payload.packageId}-${kind}.qapkg`, built.value.file);
      if (!archived.ok) return archived;
      return ok({ file: built.value.file, payloadSha256: built.value.payloadSha256 });
    },
  };
}
