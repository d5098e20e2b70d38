// `npm test`: every suite in order — type check, lint, format, unit, build, end-to-end — then
// one plain line `N passed, N failed` summing them all. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(command, args, env = {}) {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A whole-tree check counts as one test. */
function check(name, command, args) {
  const ok = run(command, args);
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? '✓' : '✗'} ${name}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

check('type check (src-shared without DOM/Node types)', 'npx', ['tsc', '-p', 'tsconfig.shared.json']);
check('type check (everything)', 'npx', ['tsc', '-p', 'tsconfig.json']);
check('lint (house boundaries)', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.']);

const unitOk = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${reports}/unit.json`,
]);
const unit = readJson(`${reports}/unit.json`);
if (unit !== undefined) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1);
  lines.push(`${unitOk ? '✓' : '✗'} unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  failed += 1;
  lines.push('✗ unit: no report');
}

const built = check('build (electron-vite)', 'npx', ['electron-vite', 'build']);
if (built) {
  const e2eOk = run('npx', ['playwright', 'test'], { SCOREBOOK_SKIP_BUILD: '1' });
  const e2e = readJson(`${reports}/e2e.json`);
  if (e2e !== undefined) {
    const ok = e2e.stats.expected + e2e.stats.flaky;
    const bad = e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1);
    passed += ok;
    failed += bad;
    lines.push(`${bad === 0 ? '✓' : '✗'} end-to-end: ${ok} passed, ${bad} failed, ${e2e.stats.skipped} skipped`);
  } else {
    failed += 1;
    lines.push('✗ end-to-end: no report');
  }
} else {
  failed += 1;
  lines.push('✗ end-to-end: not run (build failed)');
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${reports}/summary.txt`, `${summary}\n`);
console.log(`\n${lines.join('\n')}\n\n${summary}`);
process.exit(failed === 0 && existsSync(`${reports}/summary.txt`) ? 0 : 1);
