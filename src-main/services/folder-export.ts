import { open, readFile } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { bytesEqual } from '../../src-shared/packages/bytes';
import { isPlainFileName } from './archive-folder';
import { errorCode, syncFolder } from './fs-durability';

/** Tries `name`, then `name (2).ext` … up to this many, before giving up on a crowded folder. */
const maxAlternatives = 100;

function alternative(name: string, n: number): string {
  const ext = extname(name);
  return n === 1 ? name : `${basename(name, ext)} (${n})${ext}`;
}

/**
 * Writes files into a folder the expert chose (a USB stick, say). A file is never replaced: when its name is taken by
 * the same bytes it counts as written (exporting twice is harmless); by other bytes, the file goes under the next free
 * `name (n).ext`. Each file is flushed before the next; the folder is synced at the end. Answers the names used.
 */
export async function writeFilesToFolder(
  folder: string,
  files: readonly { readonly fileName: string; readonly bytes: Uint8Array }[],
): Promise<Result<string[]>> {
  const written: string[] = [];
  for (const { fileName, bytes } of files) {
    if (!isPlainFileName(fileName))
      return fail('E_BAD_REQUEST', `not a plain file name: ${fileName}`, { detail: fileName });
    let used: string | undefined;
    for (let n = 1; n <= maxAlternatives && used === undefined; n += 1) {
      const name = alternative(fileName, n);
      const target = join(folder, name);
      try {
        const handle = await open(target, 'wx', 0o644);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        used = name;
      } catch (error) {
        const code = errorCode(error);
        if (code !== 'EEXIST') {
          const detail = `cannot write ${target}: ${code ?? String(error)}`;
          return fail('E_STORAGE_WRITE', detail, { detail });
        }
        const existing = await readFile(target).catch(() => undefined);
        if (existing !== undefined && bytesEqual(new Uint8Array(existing), bytes)) used = name;
      }
    }
    if (used === undefined) {
      const detail = `no free name for ${fileName} in ${folder}`;
      return fail('E_STORAGE_WRITE', detail, { detail });
    }
    written.push(used);
  }
  await syncFolder(folder);
  return ok(written);
}
