import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { createDispatch } from '../handlers/dispatch';
import { createHandlers } from '../handlers/create-handlers';
import { secureRandom } from '../services/secure-random';
import { defaultDataDir } from './host-options';
import { createWebHostListener } from './web-host';

/**
 * Development only: mounts the real handlers (same guard, same dispatch) into Vite's server,
 * so the renderer under hot reload talks to the same contract as in `npm start`.
 */
export function devHostPlugin({ appRoot }: { appRoot: string }): Plugin {
  return {
    name: 'scorebook-dev-host',
    configureServer(server) {
      const port = server.config.server.port ?? 5318;
      const dataDir = defaultDataDir(port, process.env, process.platform);
      mkdirSync(dataDir, { recursive: true });
      const token = randomBytes(32).toString('base64url');
      const handlers = createHandlers({
        resourcesDir: join(appRoot, 'resources'),
        dataDir,
        transport: 'web',
        appVersion: 'dev',
        now: Date.now,
        random: secureRandom,
      });
      const listener = createWebHostListener({ port, token, dispatch: createDispatch(handlers) });
      server.middlewares.use((req, res, next) => {
        listener(req, res, next).catch(next);
      });
      server.httpServer?.once('listening', () => {
        console.log(`SCOREBOOK_URL http://127.0.0.1:${port}/#token=${token}`);
      });
    },
  };
}
