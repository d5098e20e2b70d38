import type { ExpertRecord, FileRejection } from '../../src-shared/contract/office-channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import type { EnrollmentPayload } from '../../src-shared/packages/payload-schemas';
import type { ArchiveFolder } from '../services/archive-folder';
import { fileNamePart } from '../services/enrollment-package';
import type { KeyStore } from '../services/key-store';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../services/node-verify';
import { openEnrollment } from '../services/office-enrollment';
import {
  confirmed,
  enrol,
  findExpert,
  revoked,
  unknownExpert,
  withRecord,
  type ExpertRegistryStore,
} from '../services/office-registry';
import type { Handlers } from './handler-types';
import { unlockedOfficeKey } from './office-key';

/**
 * The office's expert registry (issue 4 item 4). Enrollment files are verified one by one (office-enrollment.ts): a
 * bad file is listed with its code and does not stop the others. The files taken are archived as received in
 * `<dataDir>/office/enrollments/`, then every new record is written to `office/experts.json` in one change. Each
 * channel first needs the unlocked office key (E_NO_PROFILE, E_LOCKED, E_NOT_OFFICE).
 */

type ExpertChannel =
  | 'office:experts-list'
  | 'office:experts-import'
  | 'office:expert-confirm'
  | 'office:expert-update'
  | 'office:expert-revoke';

export interface OfficeExpertDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  readonly registry: ExpertRegistryStore;
  /** `<dataDir>/office/enrollments/`: every enrollment taken, exactly as received. */
  readonly enrollments: ArchiveFolder;
  readonly now: () => number;
}

export function createOfficeExpertHandlers(deps: OfficeExpertDeps): Pick<Handlers, ExpertChannel> {
  const at = (): string => new Date(deps.now()).toISOString();

  /** Runs `change` on one expert's record and keeps what it returns. */
  const changeExpert = async (
    expertId: string,
    change: (record: ExpertRecord) => Result<ExpertRecord>,
  ): Promise<Result<ExpertRecord>> => {
    const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
    if (!office.ok) return office;
    return deps.registry.update(async (registry) => {
      const record = findExpert(registry, expertId);
      if (record === undefined) return unknownExpert(expertId);
      const next = change(record);
      if (!next.ok) return next;
      return ok({ next: next.value === record ? undefined : withRecord(registry, next.value), value: next.value });
    });
  };

  return {
    async 'office:experts-list'() {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const registry = await deps.registry.read();
      return registry.ok ? ok(registry.value.experts) : registry;
    },

    async 'office:experts-import'({ files }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const reader = { signatureVerifier: createNodeSignatureVerifier(), sha256Hex: nodeSha256Hex };
      const rejected: FileRejection[] = [];
      const verified: { name: string; file: Uint8Array; payload: EnrollmentPayload }[] = [];
      for (const { name, base64 } of files) {
        const file = decodeBase64Strict(base64);
        const opened =
          file === undefined
            ? fail<EnrollmentPayload>('E_BAD_REQUEST', 'not base64', { detail: 'base64: not canonical base64' })
            : await openEnrollment(file, reader);
        if (opened.ok && file !== undefined) verified.push({ name, file, payload: opened.value });
        else if (!opened.ok) rejected.push({ name, code: opened.error.code, params: { ...opened.error.params } });
      }
      const imported = await deps.registry.update(async (registry) => {
        let next = registry;
        const records: ExpertRecord[] = [];
        for (const { name, file, payload } of verified) {
          const enrolled = enrol(next, payload, at());
          if (!enrolled.ok) {
            rejected.push({ name, code: enrolled.error.code, params: { ...enrolled.error.params } });
            continue;
          }
          // The signed file is kept before the record that rests on it is written.
          const kept = await keep(deps.enrollments, payload, file);
          if (!kept.ok) return kept;
          next = enrolled.value.next;
          records.push(enrolled.value.record);
        }
        return ok({ next: records.length > 0 ? next : undefined, value: records });
      });
      return imported.ok ? ok({ imported: imported.value, rejected }) : imported;
    },

    async 'office:expert-confirm'({ expertId, fingerprint, confirmedBy }) {
      return changeExpert(expertId, (record) => confirmed(record, fingerprint, confirmedBy, at()));
    },

    async 'office:expert-update'({ expertId, workUnit, fields, phone }) {
      return changeExpert(expertId, (record) =>
        ok({ ...record, profile: { ...record.profile, workUnit, fields, phone } }),
      );
    },

    async 'office:expert-revoke'({ expertId, reason }) {
      return changeExpert(expertId, (record) => revoked(record, reason, at()));
    },
  };
}

/** `<expert name>-<expertId>-<first 16 hex of the file's SHA-256>.qapkg`: whose it is, and named by its content. */
async function keep(folder: ArchiveFolder, payload: EnrollmentPayload, file: Uint8Array): Promise<Result<void>> {
  const name = `${fileNamePart(payload.profile.name)}-${payload.issuer}-${nodeSha256Hex(file).slice(0, 16)}.qapkg`;
  const written = await folder.writeOnce(name, file);
  // The name is content-addressed: a file already there holds these bytes (an import whose record write failed).
  return written.ok || written.error.params?.reason === 'exists' ? ok(undefined) : written;
}
