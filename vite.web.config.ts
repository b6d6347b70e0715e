/**
 * Browser build of the renderer into dist-web/, served by the web host (core/main-web.ts) for
 * `npm run dev:web` and the Playwright journeys. Electron builds the same renderer through
 * electron.vite.config.ts; one bundle serves both because the transport is picked at runtime.
 */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { CSP } from './core/bridge/static-files';
import { cspMetaPlugin } from './shared/security/csp';

const root = resolve(import.meta.dirname, 'renderer');

export default defineConfig({
  root,
  base: './',
  // The web host's CSP as a <meta> too (the header alone is lost when the file is opened otherwise).
  plugins: [react(), cspMetaPlugin(CSP)],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    // Fonts must ship as files (CSP font-src 'self'), never be inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(root, 'index.html') },
  },
});
