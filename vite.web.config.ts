import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererInput, viewerSharedChunk } from './electron.vite.config';
import { devHostPlugin } from './src-main/web/dev-host-plugin';

const root = import.meta.dirname;

/**
 * `npm run dev:web`: the renderer with hot reload, the real handlers mounted in the same server. Both pages are
 * served (index.html and viewer.html), but the materials viewer shows no PDF here: unbundled, pdf.js's worker is a
 * module file, which the viewer's sandboxed (opaque-origin) frame may not start, and the dev server rightly answers
 * no CORS request from origin "null" — the viewer then reports E_INTERNAL. Try the viewer in the built app.
 */
export default defineConfig({
  root: resolve(root, 'src-renderer'),
  plugins: [react(), devHostPlugin({ appRoot: root })],
  server: { host: '127.0.0.1', port: 5318, strictPort: true },
  build: { rolldownOptions: { input: rendererInput, output: { codeSplitting: { groups: [viewerSharedChunk] } } } },
  worker: { format: 'iife' },
});
