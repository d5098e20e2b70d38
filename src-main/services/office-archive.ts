import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { bytesEqual } from '../../src-shared/packages/bytes';
import { isPlainFileName, linkUnsupported } from './archive-folder';
import { errorCode, syncFolder } from './fs-durability';

/**
 * The office inbox's file archive, written a batch at a time: each file gets its final name at once (a complete
 * temp file linked into place, so a name never shows a partial file) but is flushed to disk only in `flush`, once
 * for the whole import call — fsync per file would cost an import of thousands of packages minutes. The caller
 * flushes before it records or answers anything, so nothing is acknowledged that is not on disk.
 *
 * A name, once written, is never replaced. Writing a name that holds the same bytes is a success (an import repeated
 * after a crash); other bytes under a taken name are refused with E_STORAGE_WRITE `exists`.
 */
export interface BatchArchive {
  /** Writes `bytes` as `name` in `dir` (created if needed), not yet flushed. */
  put(dir: string, name: string, bytes: Uint8Array): Promise<Result<void>>;
  /** Flushes every file written since the last flush, then their folders. */
  flush(): Promise<Result<void>>;
}

const fileMode = 0o600;
const folderMode = 0o700;
/** Files flushed at the same time: enough for the disk to group them, few enough to keep handles low. */
const flushParallel = 16;

export function createBatchArchive(): BatchArchive {
  const written: string[] = [];
  const folders = new Set<string>();
  return {
    async put(dir, name, bytes) {
      if (!isPlainFileName(name)) return fail('E_INTERNAL', `not a plain file name: ${name}`, { detail: 'file name' });
      const target = join(dir, name);
      const temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
      // Synchronous on purpose: a small write without fsync takes microseconds, while each asynchronous call waits its
      // turn in libuv's thread pool — five per file made the archive most of an import's time on a busy machine.
      try {
        if (!folders.has(dir)) {
          mkdirSync(dir, { recursive: true, mode: folderMode });
          folders.add(dir);
        }
        writeFileSync(temp, bytes, { flag: 'wx', mode: fileMode });
        publish(temp, target);
      } catch (error) {
        const code = errorCode(error);
        const same = code === 'EEXIST' && holds(target, bytes);
        if (!same) {
          const detail = code === 'EEXIST' ? `${name} exists` : `cannot write ${name}: ${code ?? String(error)}`;
          return fail('E_STORAGE_WRITE', detail, code === 'EEXIST' ? { detail, reason: 'exists' } : { detail });
        }
      } finally {
        removeQuietly(temp);
      }
      // Also a file found in place with these bytes: an earlier call may have crashed before flushing it.
      written.push(target);
      return ok(undefined);
    },
    async flush() {
      const files = written.splice(0);
      for (let start = 0; start < files.length; start += flushParallel) {
        const synced = await Promise.all(files.slice(start, start + flushParallel).map(syncFile));
        const failed = synced.find((result) => !result.ok);
        if (failed !== undefined) return failed;
      }
      for (const dir of folders) await syncFolder(dir);
      return ok(undefined);
    },
  };
}

async function syncFile(path: string): Promise<Result<void>> {
  try {
    // 'r+': Windows flushes only a handle opened for writing; nothing is written through it.
    const handle = await open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return ok(undefined);
  } catch (error) {
    const detail = `cannot flush ${path}: ${errorCode(error) ?? String(error)}`;
    return fail('E_STORAGE_WRITE', detail, { detail });
  }
}

/** The temp name is gone once linked; a leftover is only litter, never a reason to fail the import. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // See above.
  }
}

function holds(path: string, bytes: Uint8Array): boolean {
  try {
    return bytesEqual(new Uint8Array(readFileSync(path)), bytes);
  } catch {
    return false;
  }
}

/**
 * Gives the complete temp file its final name without replacing anything: link(2) fails with EEXIST where rename
 * would overwrite. Where hard links are not supported (FAT/exFAT), an exclusive copy still never overwrites
 * (archive-folder.ts does the same for single files).
 */
function publish(temp: string, target: string): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    if (!linkUnsupported(error)) throw error;
    copyFileSync(temp, target, constants.COPYFILE_EXCL);
  }
}
