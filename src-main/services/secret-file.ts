import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { errorCode, syncFolder, writeNewSyncedFile } from './fs-durability';

/**
 * One small file of main's that holds secrets (the wrapped key file). Reads refuse oversized files
 * (hostile input is capped before reading, docs/security.md); writes are atomic and durable, so a crash
 * or a full disk leaves either the old file or the new one, never a mix — losing the key file would lose
 * the expert's identity.
 */
export interface SecretFile {
  /** The file's bytes, or `undefined` when there is no file. */
  read(): Promise<Result<Uint8Array | undefined>>;
  /** Replaces the file with `bytes` atomically (temp file, fsync, rename, fsync of the folder). */
  write(bytes: Uint8Array): Promise<Result<void>>;
}

/** A key file is about 1 KB; anything near this size is not ours. */
const defaultMaxBytes = 1024 * 1024;

export function createSecretFile(path: string, options: { readonly maxBytes?: number } = {}): SecretFile {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const name = basename(path);
  return {
    async read() {
      try {
        const bytes = await readFile(path);
        if (bytes.byteLength > maxBytes) {
          return fail('E_TOO_LARGE', `${name} is larger than ${maxBytes} bytes`, {
            size: bytes.byteLength,
            limit: maxBytes,
          });
        }
        return ok(new Uint8Array(bytes));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return ok(undefined);
        const detail = `cannot read ${name}: ${errorCode(error) ?? String(error)}`;
        return fail('E_INTERNAL', detail, { detail });
      }
    },
    async write(bytes) {
      const temp = `${path}.tmp-${randomBytes(8).toString('hex')}`;
      try {
        await writeNewSyncedFile(temp, bytes);
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        const detail = `cannot write ${name}: ${errorCode(error) ?? String(error)}`;
        return fail('E_STORAGE_WRITE', detail, { detail });
      }
      // The rename is done: the new content is in place. Syncing the folder makes the rename itself survive a
      // power cut (rename(2) is atomic but only durable once the directory entry is flushed).
      await syncFolder(dirname(path));
      return ok(undefined);
    },
  };
}
