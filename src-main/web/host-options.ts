import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * IndexedDB belongs to an origin and http://127.0.0.1:5319 and :5320 are different origins,
 * so the host keeps one stable default port; a restart on it finds the same browser data.
 */
export const defaultPort = 5319;

export interface HostOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly open: boolean;
}

/** Main's files for the web host live per port, next to where Electron would keep them. */
export function defaultDataDir(port: number, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const base =
    platform === 'win32'
      ? env.APPDATA || join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(base, 'Scorebook', `web-${port}`);
}

export type ParsedOptions = { ok: true; options: HostOptions } | { ok: false; message: string };

/** Parses `--port N`, `--data-dir DIR` and `--no-open`; environment variables give defaults. */
export function parseHostOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): ParsedOptions {
  let port = env.SCOREBOOK_PORT === undefined ? defaultPort : Number(env.SCOREBOOK_PORT);
  let dataDir = env.SCOREBOOK_DATA_DIR;
  let open = true;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--port') port = Number(argv[++i]);
    else if (arg === '--data-dir') dataDir = argv[++i] ?? '';
    else if (arg === '--no-open') open = false;
    else return { ok: false, message: `未知参数 unknown option: ${arg}` };
  }
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    return { ok: false, message: `端口无效 invalid port: ${String(port)} (1024–65535)` };
  }
  if (dataDir === '') return { ok: false, message: '数据目录为空 empty --data-dir' };
  return { ok: true, options: { port, dataDir: dataDir ?? defaultDataDir(port, env, platform), open } };
}
