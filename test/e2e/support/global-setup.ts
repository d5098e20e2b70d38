import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The e2e tests run the built app; build it when `npm test` has not just done so. */
export default function globalSetup(): void {
  if (process.env.SCOREBOOK_SKIP_BUILD === '1' && existsSync('out/main/web-host.js')) return;
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
}
