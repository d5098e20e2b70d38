import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The resources folder the app ships. */
export const shippedResourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
export const shippedCriteriaPath = join(shippedResourcesDir, 'criteria', 'gbt19580-2012.json');
export const shippedDemoPath = join(shippedResourcesDir, 'demo', 'demo-cycle.json');
export const miniCriteriaPath = fileURLToPath(new URL('../../fixtures/criteria/mini-100.json', import.meta.url));

/** A throw-away resources folder in the OS temp dir; `remove` deletes it with everything in it. */
export interface TempResources {
  readonly dir: string;
  /** Writes `text` to `relativePath` under the folder, creating parent folders. */
  write(relativePath: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function createTempResources(): Promise<TempResources> {
  const dir = await mkdtemp(join(tmpdir(), 'scorebook-resources-'));
  return {
    dir,
    async write(relativePath, text) {
      const full = join(dir, relativePath);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
    },
    async remove() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
