import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { errorCode, syncFolder, writeNewSyncedFile } from './fs-durability';

/**
 * An append-only folder of package files (the outbox of exported packages; later the office's inbox): the exact
 * bytes that left or arrived are kept for audit (docs/architecture.md, "Who owns what"). A file, once written,
 * is never replaced: writing a name that exists fails, and the existing file is untouched.
 */
export interface ArchiveFolder {
  /** Writes `bytes` as `name` in the folder, unless a file of that name exists (E_STORAGE_WRITE, `exists`). */
  writeOnce(name: string, bytes: Uint8Array): Promise<Result<void>>;
}

/** A plain file name: no separators, no `.`/`..`, no control characters, within the 255-byte limit of most systems. */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\p{Cc}]/u.test(name) &&
    new TextEncoder().encode(name).byteLength <= 255
  );
}

export function createArchiveFolder(dir: string): ArchiveFolder {
  return {
    async writeOnce(name, bytes) {
      if (!isPlainFileName(name)) return fail('E_INTERNAL', `not a plain file name: ${name}`, { detail: 'file name' });
      const target = join(dir, name);
      const temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
      try {
        await writeNewSyncedFile(temp, bytes);
        await publish(temp, target);
      } catch (error) {
        const code = errorCode(error);
        const detail = code === 'EEXIST' ? `${name} exists` : `cannot write ${name}: ${code ?? String(error)}`;
        return fail('E_STORAGE_WRITE', detail, code === 'EEXIST' ? { detail, reason: 'exists' } : { detail });
      } finally {
        await unlink(temp).catch(() => undefined);
      }
      await syncFolder(dir);
      return ok(undefined);
    },
  };
}

/**
 * Gives the complete temp file its final name without replacing anything: link(2) is atomic and fails with EEXIST
 * (rename would overwrite). Where hard links are not supported (FAT/exFAT volumes), an exclusive copy still never
 * overwrites, though a crash mid-copy may leave a partial file under the final name.
 */
async function publish(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    if (!linkUnsupported(error)) throw error;
    await copyFile(temp, target, constants.COPYFILE_EXCL);
  }
}

/** Whether link(2) failed because the volume has no hard links (FAT/exFAT), so an exclusive copy must do instead. */
export function linkUnsupported(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS';
}
