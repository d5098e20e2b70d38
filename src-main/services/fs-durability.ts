import { open } from 'node:fs/promises';

/**
 * Flushes a directory entry after a rename or link. Windows cannot open a directory as a file (EISDIR) or sync it
 * (EPERM), and some file systems refuse fsync on a directory (EINVAL, fsync(2)); there the file system journals the
 * entry itself. No failure here is reported, whatever its code: the new file is already in place and readable, and
 * telling the caller "not written" would be false.
 */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // See above: EISDIR, EPERM, EINVAL are expected on some platforms; anything else changes nothing.
  }
}

/** The `code` of a Node file-system error (ENOENT, EEXIST, …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
