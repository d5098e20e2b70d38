import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import {
  chainHead,
  isRecused,
  type AssignmentRecord,
  type AssignmentRecordsFile,
} from '../services/assignment-records';
import { base64DecodedSize, type FileStore } from '../services/file-store';
import type { Handlers } from './handler-types';
import { badRequest, createPackageSigning, type PackageDeps } from './package-signing';

/**
 * The expert's files of issue 5: the applicants' PDFs an imported assignment carried (kept at import in
 * `<dataDir>/materials/`) and the photos and files taken as evidence (`<dataDir>/evidence/`), both by SHA-256
 * (file-store.ts). Every channel needs the unlocked expert (E_NO_PROFILE / E_KEY_FILE_CORRUPT / E_LOCKED): these
 * are confidential files (Art. 19 of the Measures), as the packages are.
 *
 * - materials:read serves only a material the named assignment lists (E_NOT_ASSIGNED otherwise), and only as the
 *   applicant's other content is shown: after a declaration about the applicant in the assignment's stage
 *   (E_BAD_REQUEST `declare first`) and never to an expert recused from it (E_RECUSED) — the renderer's gate, kept
 *   here too. A file gone or changed on disk is E_MATERIAL_MISSING.
 * - evidence:add takes at most the assignment's `stageSetup.evidenceMaxBytes`, judged from the base64 length before
 *   anything is decoded or written (E_EVIDENCE_TOO_LARGE with name, size and limit).
 * - evidence:read re-hashes the file on the way out (E_EVIDENCE_MISSING when gone or changed).
 */

type StageFileChannel = 'materials:read' | 'evidence:add' | 'evidence:read';

export interface StageFileDeps extends PackageDeps {
  readonly materials: FileStore;
  readonly evidence: FileStore;
}

export function createStageFileHandlers(deps: StageFileDeps): Pick<Handlers, StageFileChannel> {
  // The signing handlers' signer and assignment lookup (E_NOT_ASSIGNED, E_WRONG_EXPERT); nothing is signed here.
  const { signer, assignmentOf } = createPackageSigning(deps);

  /** The unlocked expert's record of `assignmentId` with all the records, or why there is none. */
  const assignment = async (
    assignmentId: string,
  ): Promise<Result<{ records: AssignmentRecordsFile; record: AssignmentRecord }>> => {
    const me = await signer();
    if (!me.ok) return me;
    const records = await deps.records.read();
    if (!records.ok) return records;
    const record = assignmentOf(records.value, me.value, assignmentId);
    return record.ok ? ok({ records: records.value, record: record.value }) : record;
  };

  return {
    async 'materials:read'({ assignmentId, sha256 }) {
      const found = await assignment(assignmentId);
      if (!found.ok) return found;
      const { records, record } = found.value;
      const material = record.materials.find((m) => m.sha256 === sha256);
      if (material === undefined) return fail('E_NOT_ASSIGNED', `assignment ${assignmentId} carries no ${sha256}`);
      const { applicantId } = material;
      if (isRecused(records, assignmentId, applicantId)) {
        return fail('E_RECUSED', `recused from ${applicantId} in cycle ${record.cycleId}`);
      }
      if (chainHead(records, 'declaration', record.cycleId, record.stage, applicantId) === undefined) {
        return badRequest('declare first');
      }
      const bytes = await deps.materials.read(sha256);
      if (bytes === undefined) {
        return fail('E_MATERIAL_MISSING', `material ${sha256} missing or changed`, { name: material.name, sha256 });
      }
      return ok({ base64: encodeBase64(bytes) });
    },

    async 'evidence:add'({ assignmentId, name, mediaType, base64 }) {
      const found = await assignment(assignmentId);
      if (!found.ok) return found;
      const size = base64DecodedSize(base64);
      if (size === undefined) return badRequest('base64: not canonical base64');
      const limit = found.value.record.stageSetup.evidenceMaxBytes;
      if (size > limit) {
        return fail('E_EVIDENCE_TOO_LARGE', `evidence ${name}: ${size} bytes, over ${limit}`, { name, size, limit });
      }
      const bytes = decodeBase64Strict(base64);
      if (bytes === undefined) return badRequest('base64: not canonical base64');
      const stored = await deps.evidence.put(bytes);
      if (!stored.ok) return stored;
      return ok({ sha256: stored.value.sha256, size: stored.value.size, name, mediaType });
    },

    async 'evidence:read'({ sha256 }) {
      const me = await signer();
      if (!me.ok) return me;
      const bytes = await deps.evidence.read(sha256);
      if (bytes === undefined) return fail('E_EVIDENCE_MISSING', `evidence ${sha256} missing or changed`, { sha256 });
      return ok({ base64: encodeBase64(bytes) });
    },
  };
}
