import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { cspMetaPlugin, ELECTRON_CSP } from './shared/security/csp';

// Native modules stay external: they are rebuilt for Electron by `npm run rebuild:electron`.
const nativeExternals = ['better-sqlite3', 'node-hid', 'serialport', '@serialport/bindings-cpp'];

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The report worker is its own entry so reports run off the main thread in the packaged app too.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'report-worker': resolve(__dirname, 'core/services/reports/report-worker.ts'),
        },
        external: nativeExternals,
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod) into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    // The CSP as a <meta> in the built index.html: the packaged app loads it from file://, which
    // the header hook in electron/main/security.ts never sees.
    plugins: [react(), cspMetaPlugin(ELECTRON_CSP)],
  },
});
