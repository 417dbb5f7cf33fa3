// Builds every target: Node bundles with esbuild (server, console main/host, preload) and the two web
// apps with Vite (customer widget, console renderer). Output goes to dist/.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

// Dependencies stay external: native modules (better-sqlite3) and electron must be required at run time.
const node = (entry, outfile, extra = {}) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  ...extra,
});

const targets = [
  { name: 'server', kind: 'node', options: node('src-server/main.ts', 'dist/server/main.js') },
  { name: 'admin', kind: 'node', options: node('src-server/admin-cli.ts', 'dist/server/admin-cli.js') },
  { name: 'host', kind: 'node', options: node('src-main/host/main.ts', 'dist/main/host/main.js') },
  { name: 'electron', kind: 'node', options: node('src-main/electron/main.ts', 'dist/main/electron/main.js', { external: ['electron'] }) },
  // Sandboxed preloads must be CommonJS and may only require('electron').
  { name: 'preload', kind: 'node', options: node('src-preload/preload.ts', 'dist/preload/preload.cjs', { format: 'cjs', packages: undefined, external: ['electron'] }) },
  { name: 'widget', kind: 'vite', config: 'src-server/widget/vite.config.ts' },
  { name: 'renderer', kind: 'vite', config: 'src-renderer/vite.config.ts' },
];

const started = Date.now();
if (only.length === 0) await rm('dist', { recursive: true, force: true });
for (const t of targets.filter((t) => want(t.name))) {
  const entry = t.kind === 'node' ? t.options.entryPoints[0] : t.config;
  if (!existsSync(entry)) {
    console.log(`build: ${t.name.padEnd(8)} not present yet (${entry})`);
    continue;
  }
  const t0 = Date.now();
  if (t.kind === 'node') await build(t.options);
  else await viteBuild({ configFile: t.config, logLevel: 'warn' });
  console.log(`build: ${t.name.padEnd(8)} ${Date.now() - t0} ms`);
}
console.log(`build: done in ${Date.now() - started} ms`);
