import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/**
 * The viewer page runs in a sandboxed frame with an opaque origin, so every script and stylesheet it loads is a
 * cross-origin CORS request, which the hosts answer only for files named `viewer-*` (src-main/services/content-policy.ts).
 * The modules both pages use (zod, the message protocol, page and key rules, the watermark text) therefore go into one chunk with that
 * prefix, which the app loads like any other; the viewer's own code and pdf.js are in its entry chunk `viewer-*`.
 */
export const viewerSharedChunk = {
  name: 'viewer-shared',
  test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src-renderer[\\/]viewer[\\/](viewer-protocol|viewer-layout|watermark)\.ts$/,
};

/** The renderer's pages (vite.web.config.ts uses the same). */
export const rendererInput = {
  index: resolve(root, 'src-renderer/index.html'),
  viewer: resolve(root, 'src-renderer/viewer.html'),
};

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
      rolldownOptions: {
        // Two pages: the app, and the applicant-materials viewer that the app frames in a sandbox (own chunks, so
        // the app never loads pdf.js and the viewer never loads React).
        input: rendererInput,
        output: { codeSplitting: { groups: [viewerSharedChunk] } },
      },
    },
    // pdf.js's worker is inlined as a classic script: the viewer's opaque origin cannot start a module worker.
    worker: { format: 'iife' },
  },
});
