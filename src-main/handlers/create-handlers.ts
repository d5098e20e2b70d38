import { join } from 'node:path';
import { ok } from '../../src-shared/contract/result';
import { createArchiveFolder } from '../services/archive-folder';
import { createAssignmentRecordStore } from '../services/assignment-records';
import { createFileStore } from '../services/file-store';
import type { KdfParams } from '../services/key-file';
import { createKeyStore } from '../services/key-store';
import { createOfficePinStore } from '../services/office-pin';
import { createResourceFiles } from '../services/resource-files';
import { createSecretFile } from '../services/secret-file';
import { createSettingsFile } from '../services/settings-file';
import { createCriteriaHandlers } from './criteria-handlers';
import { createDemoHandlers } from './demo-handlers';
import { createAssignmentHandlers } from './assignment-handlers';
import type { Handlers } from './handler-types';
import { createIdentityHandlers } from './identity-handlers';
import { createOfficeHandlers } from './office-handlers';
import { createOfficeRecordHandlers } from './office-record-handlers';
import { createPackageHandlers } from './package-handlers';
import type { PlatformServices } from './platform';
import { createPlatformHandlers } from './platform-handlers';
import { createQuickUnlockHandlers } from './quick-unlock-handlers';
import { createReceiptHandlers } from './receipt-handlers';
import { createSheetHandlers } from './sheet-handlers';
import { createStageFileHandlers } from './stage-file-handlers';

export interface HandlerDeps {
  /** Folder holding criteria/, demo/ and fonts/ (shipped with the app). */
  readonly resourcesDir: string;
  /** Folder where main keeps this installation's files: keys.json, settings.json, office-pin.json,
   * assignments.json, outbox/, inbox/, receipts/, materials/, evidence/ (and the office's under office/). */
  readonly dataDir: string;
  readonly transport: 'electron' | 'web';
  readonly appVersion: string;
  /** Wall clock in Unix milliseconds (`Date.now` in production): package times and ids, the unlock throttle. */
  readonly now: () => number;
  /** Fills and returns `bytes` with cryptographically secure random bytes (`crypto.getRandomValues`). */
  readonly random: (bytes: Uint8Array) => Uint8Array;
  /**
   * scrypt parameters for key files written from now on; kdfDefaults when absent. Only tests pass this (a small N
   * keeps them fast); production callers leave it out. Existing files always unlock with their own parameters.
   */
  readonly kdf?: KdfParams;
  /** The desktop shell's native dialogs and keychain; absent in the web host (those channels answer E_NOT_AVAILABLE). */
  readonly platform?: PlatformServices;
}

/** Builds every contract handler from its services; both transports call this once at start. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const files = createResourceFiles(deps.resourcesDir);
  const keyFilePath = join(deps.dataDir, 'keys.json');
  const keys = createKeyStore({
    file: createSecretFile(keyFilePath),
    fileName: keyFilePath,
    now: deps.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    kdf: deps.kdf,
  });
  const officePinPath = join(deps.dataDir, 'office-pin.json');
  const inboxDir = join(deps.dataDir, 'inbox');
  const outbox = createArchiveFolder(join(deps.dataDir, 'outbox'));
  const recordsPath = join(deps.dataDir, 'assignments.json');
  // The records grow by one short entry per signed package; 64 MiB is far beyond any real cycle.
  const records = createAssignmentRecordStore(
    createSecretFile(recordsPath, { maxBytes: 64 * 1024 * 1024 }),
    recordsPath,
  );
  const platform = deps.platform ?? {};
  const settings = createSettingsFile({ path: join(deps.dataDir, 'settings.json'), now: deps.now });
  const pins = createOfficePinStore(createSecretFile(officePinPath), officePinPath);
  // Issue 5: the applicants' PDFs of imported assignments and the expert's evidence files, by SHA-256.
  const materials = createFileStore(join(deps.dataDir, 'materials'));
  const evidence = createFileStore(join(deps.dataDir, 'evidence'));
  const packageDeps = {
    keys,
    keyFilePath,
    records,
    outbox,
    now: deps.now,
    random: deps.random,
    appVersion: deps.appVersion,
  };
  return {
    async 'app:info'() {
      return ok({ name: 'Scorebook', version: deps.appVersion, transport: deps.transport, dataDir: deps.dataDir });
    },
    ...createCriteriaHandlers(files),
    ...createDemoHandlers(files),
    ...createIdentityHandlers({
      keys,
      keyFilePath,
      settings,
      quickUnlock: platform.quickUnlock,
      outbox,
      now: deps.now,
      random: deps.random,
      appVersion: deps.appVersion,
    }),
    ...createAssignmentHandlers({
      keys,
      keyFilePath,
      pins,
      records,
      inbox: createArchiveFolder(inboxDir),
      inboxDir,
      materials,
      files,
      now: deps.now,
      random: deps.random,
      appVersion: deps.appVersion,
    }),
    ...createReceiptHandlers({
      keys,
      keyFilePath,
      pins,
      receipts: createArchiveFolder(join(deps.dataDir, 'receipts')),
    }),
    ...createPackageHandlers(packageDeps),
    ...createPlatformHandlers(platform),
    ...createQuickUnlockHandlers({ keys, settings, quickUnlock: platform.quickUnlock }),
    ...createSheetHandlers({ ...packageDeps, files, evidence }),
    ...createStageFileHandlers({ ...packageDeps, materials, evidence }),
    ...createOfficeHandlers({
      keys,
      keyFilePath,
      dataDir: deps.dataDir,
      files,
      now: deps.now,
      random: deps.random,
      appVersion: deps.appVersion,
    }),
    ...createOfficeRecordHandlers({ keys, keyFilePath, now: deps.now }),
  };
}
