import { join } from 'node:path';
import { createArchiveFolder } from '../services/archive-folder';
import { createFileStore } from '../services/file-store';
import type { KeyStore } from '../services/key-store';
import { createOfficeLedgerStore } from '../services/office-ledger-store';
import { createExpertRegistryStore, maxRegistryBytes } from '../services/office-registry';
import type { ResourceFiles } from '../services/resource-files';
import { createSecretFile } from '../services/secret-file';
import type { Handlers } from './handler-types';
import { createOfficeAssignmentHandlers } from './office-assignment-handlers';
import { createOfficeDemoHandlers } from './office-demo-handlers';
import { createOfficeExpertHandlers } from './office-expert-handlers';
import { createOfficeFileHandlers } from './office-file-handlers';
import { createOfficeInboxHandlers } from './office-inbox-handlers';

/**
 * The office workstation's registry, issuing, inbox and receipts (issue 4 items 4–6). Its files under the data
 * folder:
 *   office/experts.json      the key registry (scorebook.office-experts/1), rewritten atomically per change
 *   office/enrollments/      every enrollment taken, as received
 *   office/issued/           every assignment, as signed and sealed (<packageId>.qapkg)
 *   office/ledger.jsonl      append-only: assignments issued, packages accepted (payload, receipt), files refused
 *   office/materials/        applicants' PDFs to carry in assignments, by SHA-256 (issue 5)
 *   office/attachments/      the attachments of accepted sheets (evidence photos and files), by SHA-256
 *   inbox/accepted/          every accepted package, as received (<packageId>.qapkg)
 *   inbox/rejected/          every refused file, unchanged (<SHA-256 of the file>.qapkg)
 * The registry and ledger stores hold their state in this factory's closure (one per createHandlers).
 */

type OfficeChannel = Extract<keyof Handlers, `office:${string}`>;
type BuiltHere = Exclude<OfficeChannel, 'office:pin' | 'office:sign-record' | 'office:xlsx-read' | 'office:xlsx-write'>;

export interface OfficeDeps {
  readonly keys: KeyStore;
  /** Named in E_KEY_FILE_CORRUPT. */
  readonly keyFilePath: string;
  readonly dataDir: string;
  /** The shipped resources: the criteria sheets are checked against. */
  readonly files: ResourceFiles;
  readonly now: () => number;
  readonly random: (bytes: Uint8Array) => Uint8Array;
  readonly appVersion: string;
}

export function createOfficeHandlers(deps: OfficeDeps): Pick<Handlers, BuiltHere> {
  const officeDir = join(deps.dataDir, 'office');
  const registryPath = join(officeDir, 'experts.json');
  const registry = createExpertRegistryStore(
    createSecretFile(registryPath, { maxBytes: maxRegistryBytes }),
    registryPath,
  );
  const ledger = createOfficeLedgerStore(join(officeDir, 'ledger.jsonl'));
  const materials = createFileStore(join(officeDir, 'materials'));
  const attachments = createFileStore(join(officeDir, 'attachments'));
  const { keys, keyFilePath, now, random, appVersion } = deps;
  const handlers = {
    ...createOfficeExpertHandlers({
      keys,
      keyFilePath,
      registry,
      enrollments: createArchiveFolder(join(officeDir, 'enrollments')),
      now,
    }),
    ...createOfficeAssignmentHandlers({
      keys,
      keyFilePath,
      registry,
      ledger,
      issued: createArchiveFolder(join(officeDir, 'issued')),
      materials,
      now,
      random,
      appVersion,
    }),
    ...createOfficeInboxHandlers({
      keys,
      keyFilePath,
      registry,
      ledger,
      inboxDir: join(deps.dataDir, 'inbox'),
      attachmentsDir: attachments.dir,
      files: deps.files,
      now,
      random,
      appVersion,
    }),
  };
  return {
    ...handlers,
    ...createOfficeFileHandlers({ keys, keyFilePath, materials, attachments }),
    ...createOfficeDemoHandlers({ ...deps, office: handlers }),
  };
}
