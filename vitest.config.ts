import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The Electron binary cannot be downloaded on our machines; every unit test of the
    // Electron binding runs against this double instead (see docs/architecture.md).
    alias: { electron: fileURLToPath(new URL('./test/doubles/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    server: { deps: { inline: ['electron-store'] } },
  },
});
