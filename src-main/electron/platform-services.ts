import type { BaseWindow, MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { PlatformServices } from '../handlers/platform';
import { createQuickUnlock, type SafeStorageLike } from '../services/quick-unlock';

/** The part of Electron's `dialog` used here (the window-modal forms). */
export interface DialogLike {
  showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface ElectronPlatformDeps {
  readonly dialog: DialogLike;
  readonly safeStorage: SafeStorageLike;
  readonly platform: NodeJS.Platform;
  readonly userDataDir: string;
  /** The app window the dialogs are modal to; null when it is closed (then nothing is asked). */
  readonly window: () => BaseWindow | null;
}

/**
 * The desktop app's native services for the handlers: a confirmation message box and a folder picker, both modal to
 * the app window, and quick unlock through safeStorage. With no window there is no one to ask, so a confirmation
 * is "no" and a folder pick is "cancelled": nothing is signed or written without a visible question.
 */
export function createElectronPlatform(deps: ElectronPlatformDeps): PlatformServices {
  return {
    async confirm({ title, message, detail, confirmLabel, cancelLabel }) {
      const window = deps.window();
      if (window === null) return false;
      const { response } = await deps.dialog.showMessageBox(window, {
        type: 'question',
        title,
        message,
        detail,
        buttons: [confirmLabel, cancelLabel],
        // Enter and Escape both choose "cancel": signing needs a deliberate click or Tab to the confirm button.
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return response === 0;
    },

    async chooseFolder(title) {
      const window = deps.window();
      if (window === null) return undefined;
      const picked = await deps.dialog.showOpenDialog(window, {
        title,
        properties: ['openDirectory', 'createDirectory'],
      });
      return picked.canceled ? undefined : picked.filePaths[0];
    },

    quickUnlock: createQuickUnlock({
      safeStorage: deps.safeStorage,
      platform: deps.platform,
      userDataDir: deps.userDataDir,
    }),
  };
}
