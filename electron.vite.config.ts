import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        // Three Node entries from one build: the Electron main process, the local web host that
        // `npm start` falls back to where the Electron runtime is missing, and the package CLI.
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          'web-host': resolve(root, 'src-main/web/start-web-host.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(root, 'src-main/electron/preload.ts') },
        // A sandboxed preload must be CommonJS even though the package is ESM.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
