import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

// Explicit entries for the three Electron bundles. The files arrive with the app
// (issue 4); `electron-vite build` works without the Electron binary.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve(root, 'main/electron/main.ts') } } },
  },
  preload: {
    // Sandboxed preloads must be CommonJS (package.json's "type": "module" would make it ESM).
    build: { rollupOptions: { input: { index: resolve(root, 'main/electron/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    build: { rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } } },
  },
});
