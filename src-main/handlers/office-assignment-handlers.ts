import { fail, ok } from '../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { buildPackage } from '../../src-shared/packages/build-package';
import { utf8Encode } from '../../src-shared/packages/bytes';
import type { ArchiveFolder } from '../services/archive-folder';
import { materialBlobs } from '../services/assignment-materials';
import type { FileStore } from '../services/file-store';
import type { KeyStore } from '../services/key-store';
import { nodeSha256Hex } from '../services/node-verify';
import { assignmentFileName, assignmentPayloadFor, firstConflict } from '../services/office-assignment';
import { declaredConflicts, issuedView, type IssuedEntry } from '../services/office-ledger';
import type { OfficeLedgerStore } from '../services/office-ledger-store';
import { findExpert, revokedKey, unknownExpert, type ExpertRegistryStore } from '../services/office-registry';
import type { Handlers } from './handler-types';
import { unlockedOfficeKey } from './office-key';

/**
 * Issuing assignments (issue 4 item 5): the office signs one expert's assignment for one stage with its key and
 * seals it to the expert's receiving key from the registry. Refused: an expert not in the registry
 * (E_EXPERT_UNKNOWN), not yet confirmed (E_EXPERT_UNCONFIRMED), or revoked (E_KEY_REVOKED); an applicant the expert
 * conflicts with (E_CONFLICT: declared in this cycle, the work unit, declared in an earlier cycle about the same
 * credit code). The signed file is archived in `<dataDir>/office/issued/<packageId>.qapkg` and recorded in the
 * ledger with its payload hash and pledge-text hash, which the inbox later checks packages against.
 *
 * Issue 5: the applicants' PDFs the assignment lists travel as the container's blobs, read from
 * `<dataDir>/office/materials/` where office:material-add put them (E_MATERIAL_MISSING naming one it lacks).
 */

export interface OfficeAssignmentDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  readonly registry: ExpertRegistryStore;
  readonly ledger: OfficeLedgerStore;
  /** `<dataDir>/office/issued/`: every assignment exactly as signed and sealed. */
  readonly issued: ArchiveFolder;
  /** `<dataDir>/office/materials/`: the PDFs office:material-add stored, by SHA-256. */
  readonly materials: FileStore;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

export function createOfficeAssignmentHandlers(
  deps: OfficeAssignmentDeps,
): Pick<Handlers, 'office:assignment-issue' | 'office:assignments-list'> {
  return {
    async 'office:assignment-issue'(request) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const { status, fingerprint, signingPublicKey } = office.value;
      if (status.receivingPublicKey === undefined || status.profile === undefined) {
        return fail('E_INTERNAL', 'office key without receiving key or profile', { detail: 'office key' });
      }
      const registry = await deps.registry.read();
      if (!registry.ok) return registry;
      const expert = findExpert(registry.value, request.expertId);
      if (expert === undefined) return unknownExpert(request.expertId);
      if (expert.status === 'revoked') return revokedKey(expert);
      if (expert.status === 'pending') {
        return fail('E_EXPERT_UNCONFIRMED', `${expert.expertId} not confirmed`, { name: expert.profile.name });
      }
      const expertKey = decodeBase64Strict(expert.receivingPublicKey);
      if (expertKey?.length !== 32) {
        return fail('E_INTERNAL', `${expert.expertId}: receiving key is not 32 bytes`, { detail: 'receiving key' });
      }
      const nowMs = deps.now();
      const payload = assignmentPayloadFor(
        request,
        expert,
        {
          name: status.profile.name,
          fingerprint,
          signingPublicKey,
          receivingPublicKey: status.receivingPublicKey,
        },
        { nowMs, random: deps.random, appVersion: deps.appVersion },
      );
      if (!payload.ok) return payload;
      const blobs = await materialBlobs(deps.materials, payload.value.materials ?? []);
      if (!blobs.ok) return blobs;
      return deps.ledger.change(async (draft) => {
        // Conflicts are read inside the change: a declaration accepted a moment ago counts.
        const conflict = firstConflict(expert, request, declaredConflicts(draft.ledger));
        if (!conflict.ok) return conflict;
        const built = await buildPackage({
          kind: 'assignment',
          payload: payload.value,
          keyId: fingerprint,
          sign: (message) => deps.keys.sign(message),
          blobs: blobs.value,
          sealToPublicKey: expertKey,
          sha256Hex: nodeSha256Hex,
        });
        if (!built.ok) return built;
        const kept = await deps.issued.writeOnce(`${payload.value.packageId}.qapkg`, built.value.file);
        if (!kept.ok) return kept;
        const { assignment } = payload.value;
        const entry: IssuedEntry = {
          type: 'issued',
          assignmentId: assignment.id,
          cycleId: assignment.cycleId,
          stage: assignment.stage,
          expertId: expert.expertId,
          panelId: request.panelId,
          applicantIds: assignment.applicantIds,
          packageId: payload.value.packageId,
          payloadSha256: built.value.payloadSha256,
          fileName: assignmentFileName(payload.value, expert),
          issuedAt: new Date(nowMs).toISOString(),
          pledgeTextSha256: nodeSha256Hex(utf8Encode(request.pledgeText)),
          criteriaId: request.cycle.criteriaId,
          applicants: request.applicants.map(({ id, name, uscc }) => ({ id, name, uscc })),
        };
        draft.add(entry);
        return ok({ ...issuedView(entry), base64: encodeBase64(built.value.file) });
      });
    },

    async 'office:assignments-list'({ cycleId }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      return deps.ledger.read((ledger) =>
        ok(ledger.issued.filter((entry) => entry.cycleId === cycleId).map(issuedView)),
      );
    },
  };
}
