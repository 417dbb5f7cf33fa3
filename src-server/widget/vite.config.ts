// Vite build of the customer support page (React) and the one-script embed loader (no React), into dist/widget/.
import { build, defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The web tsconfig has no Node types, so the folder of this file comes from import.meta.url, not node:path.
const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const outDir = `${root}../../dist/widget`;

// src-shared declares its zod schemas at module top level; the page imports only constants and helpers from those
// modules, and marking zod's builders pure lets the bundler drop the unused schemas (and zod with them).
const zodBuilders = ['object', 'enum', 'string', 'number', 'boolean', 'array', 'union', 'discriminatedUnion', 'literal', 'unknown'];
const treeshake = {
  manualPureFunctions: ['z', ...zodBuilders.map((b) => `z.${b}`), 'z.email', 'z.uuid', 'z.url', 'z.iso.date', 'z.coerce.number'],
};

/**
 * GET /widget.js returns dist/widget/embed.js, a classic <script> on someone else's page: one self-contained IIFE
 * with a fixed name, so it is built on its own after the app (an app entry could share chunks with it).
 */
const embedLoader = (): Plugin => ({
  name: 'switchboard-embed-loader',
  apply: 'build',
  async closeBundle() {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2020',
        sourcemap: true,
        lib: { entry: `${root}src/embed.ts`, formats: ['iife'], name: 'SwitchboardWidget', fileName: () => 'embed.js' },
      },
    });
  },
});

export default defineConfig({
  root,
  // The server serves dist/widget/ under /widget/ and returns index.html for /support and /comment/:id.
  base: '/widget/',
  plugins: [react(), embedLoader()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: { treeshake },
  },
});
