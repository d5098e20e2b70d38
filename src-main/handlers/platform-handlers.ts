import { fail, ok } from '../../src-shared/contract/result';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { writeFilesToFolder } from '../services/folder-export';
import type { Handlers } from './handler-types';
import type { PlatformServices } from './platform';

/** The native dialog and the folder export; without the desktop shell, E_NOT_AVAILABLE naming the feature. */
export function createPlatformHandlers(
  platform: PlatformServices,
): Pick<Handlers, 'dialog:confirm' | 'files:save-to-folder'> {
  return {
    async 'dialog:confirm'(request) {
      if (platform.confirm === undefined) return fail('E_NOT_AVAILABLE', 'no native dialog', { feature: 'dialog' });
      return ok({ confirmed: await platform.confirm(request) });
    },

    async 'files:save-to-folder'({ title, files }) {
      if (platform.chooseFolder === undefined) {
        return fail('E_NOT_AVAILABLE', 'no native folder picker', { feature: 'folder' });
      }
      const decoded: { fileName: string; bytes: Uint8Array }[] = [];
      for (const file of files) {
        const bytes = decodeBase64Strict(file.base64);
        if (bytes === undefined) return fail('E_BAD_REQUEST', 'base64: not canonical', { detail: file.fileName });
        decoded.push({ fileName: file.fileName, bytes });
      }
      const folder = await platform.chooseFolder(title);
      if (folder === undefined) return ok({ folder: null, written: [] });
      const written = await writeFilesToFolder(folder, decoded);
      return written.ok ? ok({ folder, written: written.value }) : written;
    },
  };
}
