import { readFile, readdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fail, ok, type Result } from '../../src-shared/contract/result';

/** Resource files are small JSON documents; anything larger is refused before reading. */
const maxResourceBytes = 5 * 1024 * 1024;

/** Reads shipped resource files (criteria, demo) from one folder, never outside it. */
export interface ResourceFiles {
  readText(relativePath: string): Promise<Result<string>>;
  list(folder: string, extension: string): Promise<Result<string[]>>;
}

export function createResourceFiles(resourcesDir: string): ResourceFiles {
  const root = resolve(resourcesDir);
  const inside = (relativePath: string): string | undefined => {
    const full = resolve(root, relativePath);
    return full.startsWith(root + sep) ? full : undefined;
  };
  return {
    async readText(relativePath) {
      const full = inside(relativePath);
      if (full === undefined)
        return fail('E_RESOURCE_READ', `outside resources: ${relativePath}`, { file: relativePath });
      try {
        const bytes = await readFile(full);
        if (bytes.byteLength > maxResourceBytes) {
          return fail('E_RESOURCE_READ', `too large: ${relativePath}`, { file: relativePath });
        }
        return ok(bytes.toString('utf8'));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return fail('E_RESOURCE_READ', `cannot read ${relativePath}: ${code ?? String(error)}`, { file: relativePath });
      }
    },
    async list(folder, extension) {
      const full = inside(folder);
      if (full === undefined) return fail('E_RESOURCE_READ', `outside resources: ${folder}`, { file: folder });
      try {
        const names = await readdir(full);
        return ok(names.filter((name) => name.endsWith(extension)).sort());
      } catch {
        return fail('E_RESOURCE_READ', `cannot list ${folder}`, { file: folder });
      }
    },
  };
}
