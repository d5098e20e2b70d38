import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi, type Mock } from 'vitest';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import { secureRandom } from '../../../src-main/services/secure-random';
import { createDispatch, type Dispatch } from '../../../src-main/handlers/dispatch';
import { createWebHostListener } from '../../../src-main/web/web-host';

export const indexHtml = '<!doctype html><title>Scorebook</title><script type="module" src="/assets/app.js"></script>';
export const appJs = 'console.log("scorebook");';
/** The materials viewer's page (served with its own policy, content-policy.ts). */
export const viewerHtml =
  '<!doctype html><title>viewer</title><script type="module" src="/assets/viewer-Dv1q.js"></script>';
/** A file beside the renderer folder: a traversal that escaped would serve it. */
export const secretJson = '{"secret":"outside the renderer"}';

export interface TestHost {
  readonly port: number;
  readonly token: string;
  readonly origin: string;
  /** The real dispatch over the shipped resources, wrapped in a spy. */
  readonly dispatch: Mock<Dispatch>;
  /** Anything the listener rejected with (it should never reject). */
  readonly listenerErrors: unknown[];
  readonly rendererDir: string;
  close(): Promise<void>;
}

/**
 * A real node:http server on 127.0.0.1 with the web host listener. The guard needs the port, so the
 * server listens on port 0 first and the listener is built from the port it was given.
 */
export async function startTestHost(options: { withRenderer?: boolean } = {}): Promise<TestHost> {
  const base = await mkdtemp(join(tmpdir(), 'scorebook-web-host-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), indexHtml);
  await writeFile(join(rendererDir, 'assets', 'app.js'), appJs);
  await writeFile(join(rendererDir, 'viewer.html'), viewerHtml);
  await writeFile(join(rendererDir, 'assets', 'viewer-Dv1q.js'), appJs);
  await writeFile(join(base, 'package.json'), secretJson);

  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo; // listening on TCP, so an AddressInfo, not a pipe name
  const token = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz';
  const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url));
  const real = createDispatch(
    createHandlers({
      resourcesDir,
      dataDir: join(base, 'data'),
      transport: 'web',
      appVersion: '9.9.9',
      now: Date.now,
      random: secureRandom,
    }),
  );
  const dispatch = vi.fn<Dispatch>(real);
  const listenerErrors: unknown[] = [];
  const listener = createWebHostListener({
    port,
    token,
    dispatch,
    ...(options.withRenderer === false ? {} : { rendererDir }),
  });
  server.on('request', (req, res) => {
    listener(req, res).catch((error: unknown) => {
      listenerErrors.push(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return {
    port,
    token,
    origin: `http://127.0.0.1:${port}`,
    dispatch,
    listenerErrors,
    rendererDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(base, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A request sent exactly as written: fetch would normalise `..` out of the path and cannot set
 * the Host header, both of which these tests need.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((done, failed) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', failed);
      },
    );
    req.on('error', failed);
    req.end(options.body);
  });
}
