import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The reader: a static bundle the api serves under / (apps/api/src/http/web-app.ts). No inline scripts, so the
// api's Content-Security-Policy (helmet's default, script-src 'self') holds.
const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  cacheDir: `${workspace}/node_modules/.vite/web`,
  plugins: [react()],
  resolve: { alias: { '@baoxun/api-client': `${workspace}/libs/api-client/src` } },
  build: {
    outDir: `${workspace}/dist/apps/web`,
    emptyOutDir: true,
    reportCompressedSize: false,
    sourcemap: false,
    target: 'es2022',
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000', '/metrics': 'http://127.0.0.1:3000' } },
});
