// `npm run bench`: builds the app when the build is missing or older than its sources, then runs the
// benchmark (bench/run-bench.ts). Targets missed are reported, not failed — these machines are shared
// and noisy — so this exits non-zero only when the build or the benchmark itself crashed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(join(dirname(fileURLToPath(import.meta.url)), '..'));

const built = 'out/main/web-host.js';
/** Everything the build reads: the three source trees, the shipped resources and the build config. */
const sourceDirs = ['src-shared', 'src-main', 'src-renderer', 'resources'];
const sourceFiles = ['electron.vite.config.ts', 'package.json'];

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
  return newest;
}

function needsBuild() {
  if (!existsSync(built) || !existsSync('out/renderer/index.html')) return true;
  const sources = Math.max(...sourceDirs.map(newestIn), ...sourceFiles.map(newestIn));
  return sources > statSync(built).mtimeMs;
}

if (needsBuild()) {
  console.log('building the app (npx electron-vite build)…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('the build failed; nothing was measured');
    process.exit(build.status ?? 1);
  }
} else {
  console.log(`the build is up to date (${built})`);
}

const bench = spawnSync('npx', ['tsx', 'bench/run-bench.ts'], { stdio: 'inherit' });
if (bench.error !== undefined) console.error(bench.error);
process.exit(bench.status ?? 1);
