// `npm start`: the desktop app where the Electron runtime is installed; otherwise the same app
// in the browser through the local web host on 127.0.0.1, saying so plainly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'out/main/web-host.js';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(built) || !existsSync('out/renderer/index.html')) return true;
  const sources = Math.max(...['src-shared', 'src-main', 'src-renderer'].map(newestSource));
  return sources > statSync(built).mtimeMs;
}

/** The Electron binary is fetched separately from the npm package; path.txt exists only once it was. */
function electronBinary() {
  const pathFile = 'node_modules/electron/path.txt';
  if (!existsSync(pathFile)) return undefined;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? 'node_modules/electron/dist';
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

if (needsBuild()) {
  console.log('正在构建应用… Building the app…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
const electron = electronBinary();
const child =
  electron !== undefined && !args.includes('--web')
    ? spawn(electron, ['.', ...args], { stdio: 'inherit' })
    : spawn(process.execPath, [built, ...args.filter((a) => a !== '--web')], { stdio: 'inherit' });
if (electron === undefined) {
  console.log(
    '（要使用桌面窗口，请设置 ELECTRON_MIRROR 后运行 npx install-electron；for the desktop window, set ELECTRON_MIRROR and run npx install-electron.）',
  );
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
