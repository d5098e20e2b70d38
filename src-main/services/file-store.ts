import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { errorCode, syncFolder, writeNewSyncedFile } from './fs-durability';
import { nodeSha256Hex } from './node-verify';

/**
 * A content-addressed folder of files named by the lower-case hex SHA-256 of their bytes (issue 5): the expert's
 * `<dataDir>/materials/` (applicants' PDFs from assignments) and `<dataDir>/evidence/` (photos and files taken as
 * evidence), the office's `<dataDir>/office/materials/` and `<dataDir>/office/attachments/`.
 *
 * Because a name states its content, the same bytes twice are stored once, and a file found under a name it does
 * not hash to is damage, never a second version: `put` replaces it with the right bytes (an atomic rename of a
 * complete, flushed temp file), and `read` never hands it out. This is why, unlike the package archives
 * (archive-folder.ts), this store may replace a file.
 */
export interface FileStore {
  readonly dir: string;
  /** Stores `bytes` as `<dir>/<sha256>`, on disk before it answers; bytes already stored are not written again. */
  put(bytes: Uint8Array): Promise<Result<StoredBlob>>;
  /** The bytes stored under `sha256`, re-hashed on the way out; undefined when absent, unreadable or changed. */
  read(sha256: string): Promise<Uint8Array | undefined>;
}

export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(text: string): boolean {
  return SHA256_HEX.test(text);
}

/**
 * The decoded size of canonical padded base64 text, from its length alone (so a limit is checked before anything
 * is decoded); undefined when the length cannot be base64.
 */
export function base64DecodedSize(text: string): number | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

export function createFileStore(dir: string): FileStore {
  const holds = async (path: string, sha256: string): Promise<boolean> => {
    const bytes = await readFile(path).catch(() => undefined);
    return bytes !== undefined && nodeSha256Hex(bytes) === sha256;
  };

  return {
    dir,

    async put(bytes) {
      const sha256 = nodeSha256Hex(bytes);
      const target = join(dir, sha256);
      if (await holds(target, sha256)) return ok({ sha256, size: bytes.byteLength });
      const temp = join(dir, `.${randomBytes(8).toString('hex')}.tmp`);
      try {
        await writeNewSyncedFile(temp, bytes);
        // Replaces only a missing or damaged file (checked above): the name is the content.
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        const detail = `cannot store ${sha256}: ${errorCode(error) ?? String(error)}`;
        return fail('E_STORAGE_WRITE', detail, { detail });
      }
      await syncFolder(dir);
      return ok({ sha256, size: bytes.byteLength });
    },

    async read(sha256) {
      if (!isSha256Hex(sha256)) return undefined;
      const bytes = await readFile(join(dir, sha256)).catch(() => undefined);
      if (bytes === undefined || nodeSha256Hex(bytes) !== sha256) return undefined;
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
