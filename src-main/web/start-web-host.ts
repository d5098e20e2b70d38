import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../handlers/dispatch';
import { createHandlers } from '../handlers/create-handlers';
import { secureRandom } from '../services/secure-random';
import { parseHostOptions } from './host-options';
import { createWebHostListener } from './web-host';

// Bundled to out/main/web-host.js: the renderer is built to out/renderer, resources ship at the root.
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..', '..');

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser here: the printed address is enough
    child.unref();
  } catch {
    // same: opening a browser is a convenience, never a requirement
  }
}

function main(): void {
  const parsed = parseHostOptions(process.argv.slice(2), process.env, process.platform);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  const { port, dataDir, open } = parsed.options;
  mkdirSync(dataDir, { recursive: true });
  const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const handlers = createHandlers({
    resourcesDir: join(appRoot, 'resources'),
    dataDir,
    transport: 'web',
    appVersion: version,
    now: Date.now,
    random: secureRandom,
  });
  const token = randomBytes(32).toString('base64url');
  const listener = createWebHostListener({
    port,
    token,
    dispatch: createDispatch(handlers),
    rendererDir: join(appRoot, 'out', 'renderer'),
  });
  const server = createServer((req, res) => {
    listener(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `端口 ${port} 已被占用（Scorebook 可能已在运行，地址见 ${join(dataDir, 'host.json')}）。可用 --port 指定其他端口。`,
      );
      console.error(
        `Port ${port} is in use (Scorebook may already be running; see ${join(dataDir, 'host.json')}). Use --port to choose another.`,
      );
    } else {
      console.error(`无法启动本地服务 Cannot start the local host: ${error.message}`);
    }
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${port}/#token=${token}`;
    writeFileSync(
      join(dataDir, 'host.json'),
      JSON.stringify({ url, pid: process.pid, startedAt: new Date().toISOString() }, null, 2),
    );
    console.log(
      '本机未安装 Electron 运行时，Scorebook 以浏览器模式运行：数据仍只保存在本机，请在浏览器中打开下面的地址。',
    );
    console.log(
      'The Electron runtime is not installed here, so Scorebook runs in your browser instead of a desktop window; data stays on this computer.',
    );
    console.log(`SCOREBOOK_URL ${url}`);
    console.log(`数据目录 Data folder: ${dataDir}`);
    if (open) openBrowser(url);
  });
  const stop = (): void => {
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
