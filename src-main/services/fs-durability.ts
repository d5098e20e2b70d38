import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Main's files are the user's alone — owner read/write, folders owner-only: other local users must not even get a
 * wrapped key to attack offline, nor read packages, materials or evidence.
 */
export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

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

/**
 * Writes `bytes` to a new file at `path` — never an existing one ('wx') — creating its folder if missing, and syncs the
 * file to disk before closing it. The caller renames or links it into place and syncs the folder. Throws what the file
 * system throws.
 */
export async function writeNewSyncedFile(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: privateFolderMode });
  const handle = await open(path, 'wx', privateFileMode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
