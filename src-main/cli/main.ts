import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Criteria } from '../../src-shared/criteria/criteria-schema';
import { parseCriteriaJson } from '../../src-shared/criteria/load-criteria';
import { runCli } from './scorebook-cli';

// Bundled to out/main/cli.js; the criteria ship in resources/ at the package root.
const criteriaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'criteria');

async function loadCriteria(): Promise<Criteria[]> {
  const names = await readdir(criteriaDir).catch(() => [] as string[]);
  const loaded = await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map(async (n) => parseCriteriaJson(await readFile(join(criteriaDir, n), 'utf8'), n)),
  );
  return loaded.flatMap((r) => (r.ok ? [r.value] : []));
}

const code = await runCli(process.argv.slice(2), {
  readFile: async (path) =>
    readFile(path).then(
      (b) => new Uint8Array(b),
      () => undefined,
    ),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  loadCriteria,
});
process.exit(code);
