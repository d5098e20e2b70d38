import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { devHostPlugin } from './src-main/web/dev-host-plugin';

const root = import.meta.dirname;

/** `npm run dev:web`: the renderer with hot reload, the real handlers mounted in the same server. */
export default defineConfig({
  root: resolve(root, 'src-renderer'),
  plugins: [react(), devHostPlugin({ appRoot: root })],
  server: { host: '127.0.0.1', port: 5318, strictPort: true },
});
