import { join } from 'node:path';
import type { InboxResult } from '../../src-shared/contract/office-channels';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { buildReceipt } from '../../src-shared/packages/build-receipt';
import { packReceiptsFile, RECEIPTS_FILE_EXTENSION } from '../../src-shared/packages/receipts-file';
import { fileNamePart } from '../services/enrollment-package';
import { createFileStore } from '../services/file-store';
import type { KeyStore } from '../services/key-store';
import { createNodeUnsealer } from '../services/node-hpke';
import { createNodeSignatureVerifier, nodeSha256Hex } from '../services/node-verify';
import { createBatchArchive } from '../services/office-archive';
import { officeIdOf } from '../services/office-assignment';
import { takeFile, type SignedReceipt } from '../services/office-inbox';
import { cycleInbox, receiptsOf } from '../services/office-ledger';
import type { OfficeLedgerStore } from '../services/office-ledger-store';
import { findExpert, trustedKeys, unknownExpert, type ExpertRegistryStore } from '../services/office-registry';
import type { ResourceFiles } from '../services/resource-files';
import { loadCriteria } from './criteria-handlers';
import type { Handlers } from './handler-types';
import { unlockedOfficeKey } from './office-key';

/**
 * The office's inbox (issue 4 item 6) and its receipts. An import call verifies its files in order inside one ledger
 * change (office-inbox.ts takeFile): the archive is flushed once and the ledger appended and fsynced once per call,
 * before anything is answered, so thousands of packages in calls of a hundred stay fast and nothing acknowledged can
 * be lost. The office's receiving key is lent for the call only (KeyStore.withReceivingKey).
 */

type InboxChannel = 'office:inbox-import' | 'office:inbox-list' | 'office:receipts-export';

export interface OfficeInboxDeps {
  readonly keys: KeyStore;
  readonly keyFilePath: string;
  readonly registry: ExpertRegistryStore;
  readonly ledger: OfficeLedgerStore;
  /** `<dataDir>/inbox/`: accepted/ and rejected/ are kept under it. */
  readonly inboxDir: string;
  /** `<dataDir>/office/attachments/`: accepted sheets' attachments by SHA-256 (office:attachment-read). */
  readonly attachmentsDir: string;
  readonly files: ResourceFiles;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

export function createOfficeInboxHandlers(deps: OfficeInboxDeps): Pick<Handlers, InboxChannel> {
  /** The shipped criteria by id, each read once per call. */
  const criteriaCache = (): ((criteriaId: string) => Promise<Criteria | undefined>) => {
    const seen = new Map<string, Criteria | undefined>();
    return async (criteriaId) => {
      if (!seen.has(criteriaId)) {
        const loaded = await loadCriteria(deps.files, criteriaId);
        seen.set(criteriaId, loaded.ok ? loaded.value : undefined);
      }
      return seen.get(criteriaId);
    };
  };

  return {
    async 'office:inbox-import'({ files }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const decoded: { name: string; file: Uint8Array }[] = [];
      for (const { name, base64 } of files) {
        const file = decodeBase64Strict(base64);
        if (file === undefined) return fail('E_BAD_REQUEST', `${name}: not base64`, { detail: `${name}: base64` });
        decoded.push({ name, file });
      }
      const registry = await deps.registry.read();
      if (!registry.ok) return registry;
      const keys = trustedKeys(registry.value);
      const { fingerprint } = office.value;
      const nowMs = deps.now();
      const receipt = async (accepted: {
        cycleId: string;
        receiptFor: string;
        payloadSha256: string;
        acceptedSeq: number | null;
      }): Promise<Result<SignedReceipt>> => {
        const built = await buildReceipt({
          ...accepted,
          officeId: officeIdOf(fingerprint),
          keyId: fingerprint,
          sign: (message) => deps.keys.sign(message),
          sha256Hex: nodeSha256Hex,
          status: 'accepted',
          nowMs,
          random: deps.random,
          appVersion: deps.appVersion,
        });
        if (!built.ok) return built;
        return ok({ receiptId: built.value.payload.packageId, file: built.value.file });
      };
      return deps.ledger.change(async (draft) => {
        const lent = await deps.keys.withReceivingKey(async (privateRaw): Promise<Result<InboxResult[]>> => {
          // The unsealer holds the key for this call only and is dropped with the loan.
          const unsealer = createNodeUnsealer(privateRaw);
          if (!unsealer.ok) return unsealer;
          const archive = createBatchArchive();
          const run = {
            draft,
            keys,
            unsealer: unsealer.value,
            verifier: createNodeSignatureVerifier(),
            criteria: criteriaCache(),
            archive,
            attachments: createFileStore(deps.attachmentsDir),
            acceptedDir: join(deps.inboxDir, 'accepted'),
            rejectedDir: join(deps.inboxDir, 'rejected'),
            receipt,
            nowMs,
          };
          const results: InboxResult[] = [];
          for (const { name, file } of decoded) {
            const taken = await takeFile(run, name, file);
            if (!taken.ok) return taken;
            results.push(taken.value);
          }
          // Every archived file is on disk before the ledger line that names it is written.
          const flushed = await archive.flush();
          return flushed.ok ? ok(results) : flushed;
        });
        return lent.ok ? lent.value : lent;
      });
    },

    async 'office:inbox-list'({ cycleId }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      return deps.ledger.read((ledger) => ok(cycleInbox(ledger, cycleId)));
    },

    async 'office:receipts-export'({ cycleId, expertId }) {
      const office = await unlockedOfficeKey(deps.keys, deps.keyFilePath);
      if (!office.ok) return office;
      const registry = await deps.registry.read();
      if (!registry.ok) return registry;
      const expert = findExpert(registry.value, expertId);
      if (expert === undefined) return unknownExpert(expertId);
      const receipts = await deps.ledger.read((ledger) => ok(receiptsOf(ledger, cycleId, expertId)));
      if (!receipts.ok) return receipts;
      const fileName = `receipts-${fileNamePart(cycleId)}-${fileNamePart(expert.profile.name)}-${expert.fingerprint.slice(0, 8)}${RECEIPTS_FILE_EXTENSION}`;
      // A receipts file holds at least one receipt (§3.10): with none there is no file to give.
      if (receipts.value.length === 0) return ok({ fileName, base64: '', count: 0 });
      const files: Uint8Array[] = [];
      for (const receipt of receipts.value) {
        const bytes = decodeBase64Strict(receipt);
        if (bytes === undefined) return fail('E_INTERNAL', 'stored receipt is not base64', { detail: 'ledger' });
        files.push(bytes);
      }
      const packed = packReceiptsFile({ expertId, issuedAt: new Date(deps.now()).toISOString(), receipts: files });
      if (!packed.ok) return packed;
      return ok({ fileName, base64: encodeBase64(packed.value), count: files.length });
    },
  };
}
