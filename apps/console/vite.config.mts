// The console's build: a static single-page app in dist/apps/console, served by the gateway at /console/.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 4096 },
});
