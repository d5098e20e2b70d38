import type { ConfirmRequest } from '../../src-shared/contract/platform-schemas';
import type { QuickUnlock } from '../services/quick-unlock';

/**
 * What the desktop shell lends the handlers: a native confirmation dialog, a native folder picker and the OS
 * keychain. The Electron entry builds these from `dialog` and `safeStorage` (electron/platform-services.ts); the web
 * host has none of them, and the handlers answer E_NOT_AVAILABLE.
 */
export interface PlatformServices {
  readonly confirm?: (request: ConfirmRequest) => Promise<boolean>;
  /** The chosen folder's path, or undefined when the expert cancelled. */
  readonly chooseFolder?: (title: string) => Promise<string | undefined>;
  readonly quickUnlock?: QuickUnlock;
}
