import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { chromiumArgs, chromiumPath } from './chromium';

export interface KillableBrowser {
  readonly browser: Browser;
  /** SIGKILL to the whole browser: no unload handlers, no flush, like a crash or a pulled plug. */
  kill(): Promise<void>;
}

/**
 * A Chromium we start ourselves (so we hold its process) on a persistent profile, driven by
 * Playwright over the DevTools protocol.
 */
export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
  const executable = chromiumPath() ?? chromium.executablePath();
  const child: ChildProcess = spawn(
    executable,
    ['--headless', ...chromiumArgs, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${String(code)}: ${output}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The negative pid reaches Chromium's helper processes too (it was started detached, as a group leader).
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      await exited;
    },
  };
}
