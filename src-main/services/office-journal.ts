import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { errorCode, syncFolder } from './fs-durability';

/**
 * An append-only JSON-lines file: a header line `{"format": …}`, then one JSON object per line, each ending in a line
 * feed. Lines are only ever added, never rewritten, so a crash can damage at most the last, unfinished line — which
 * was never acknowledged (the append is answered only after fsync). Reading drops such a torn tail (and cuts it off
 * the file before the next append); any complete line that does not parse makes the whole file corrupt
 * (E_KEY_FILE_CORRUPT naming it), and a corrupt file is never appended to.
 */
export interface Journal<E> {
  /** Every entry, in order; none when there is no file yet. */
  read(): Promise<Result<E[]>>;
  /**
   * Appends `entries` with one write and one fsync. On failure the file is cut back to its size before the call, so
   * the entries are either all there or none (as far as the file system lets a truncate undo a partial write).
   */
  append(entries: readonly E[]): Promise<Result<void>>;
}

const fileMode = 0o600;
const folderMode = 0o700;

export function createJournal<E>(path: string, format: string, schema: z.ZodType<E>): Journal<E> {
  const name = basename(path);
  const corrupt = (why: string): Result<never> => fail('E_KEY_FILE_CORRUPT', `${name} ${path}: ${why}`, { file: path });
  /** Bytes of complete lines on disk, once read; appends go after them. */
  let goodBytes: number | undefined;

  const read = async (): Promise<Result<E[]>> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        goodBytes = 0;
        return ok([]);
      }
      return corrupt(`cannot read: ${errorCode(error) ?? String(error)}`);
    }
    const end = bytes.lastIndexOf(0x0a) + 1;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    } catch {
      return corrupt('not UTF-8');
    }
    const lines = text === '' ? [] : text.slice(0, -1).split('\n');
    const [header, ...rest] = lines;
    if (header !== undefined && parseLine(header) !== format) return corrupt(`not a ${format} file`);
    const entries: E[] = [];
    for (const [index, line] of rest.entries()) {
      const parsed = schema.safeParse(parseJson(line));
      if (!parsed.success) return corrupt(`line ${index + 2} does not match ${format}`);
      entries.push(parsed.data);
    }
    if (end < bytes.byteLength) {
      // A torn last line from an append that never completed: cut it off so the next line starts clean.
      try {
        await truncate(path, end);
      } catch (error) {
        return corrupt(`cannot cut off an unfinished line: ${errorCode(error) ?? String(error)}`);
      }
    }
    goodBytes = end;
    return ok(entries);
  };

  return {
    read,
    async append(entries) {
      if (entries.length === 0) return ok(undefined);
      if (goodBytes === undefined) {
        const loaded = await read();
        if (!loaded.ok) return loaded;
      }
      const before = goodBytes ?? 0;
      const lines = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
      const text = before === 0 ? `${JSON.stringify({ format })}\n${lines}` : lines;
      const bytes = new TextEncoder().encode(text);
      try {
        await mkdir(dirname(path), { recursive: true, mode: folderMode });
        const handle = await open(path, 'a', fileMode);
        try {
          await handle.write(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        await truncate(path, before).catch(() => undefined);
        const detail = `cannot write ${name}: ${errorCode(error) ?? String(error)}`;
        return fail('E_STORAGE_WRITE', detail, { detail });
      }
      // A new file's directory entry must survive a power cut too.
      if (before === 0) await syncFolder(dirname(path));
      goodBytes = before + bytes.byteLength;
      return ok(undefined);
    },
  };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function parseLine(line: string): string | undefined {
  const header = parseJson(line);
  if (typeof header !== 'object' || header === null || !('format' in header)) return undefined;
  return typeof header.format === 'string' ? header.format : undefined;
}
