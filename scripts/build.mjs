// Builds every target: Node bundles with esbuild (server, browser-mode host, the desktop app's main, core and
// preload) and the two web apps with Vite (customer widget, console renderer). Output goes to dist/, except the
// desktop app, which is built into its own package, src-main/app/dist/ (see README "Desktop app").
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { APP_DIST, desktopBundles } from './desktop-bundles.mjs';

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const appDist = APP_DIST;
const define = { __SWITCHBOARD_VERSION__: JSON.stringify(version) };

// Server and host: dependencies stay external (native better-sqlite3; node_modules is there at run time).
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
  define,
  ...extra,
});

const targets = [
  { name: 'server', kind: 'node', options: node('src-server/main.ts', 'dist/server/main.js') },
  { name: 'admin', kind: 'node', options: node('src-server/admin-cli.ts', 'dist/server/admin-cli.js') },
  { name: 'host', kind: 'node', options: node('src-main/host/main.ts', 'dist/main/host/main.js') },
  ...desktopBundles(define).map((b) => ({ ...b, kind: 'node' })),
  { name: 'widget', kind: 'vite', config: 'src-server/widget/vite.config.ts' },
  { name: 'renderer', kind: 'vite', config: 'src-renderer/vite.config.ts' },
  { name: 'desktop-files', kind: 'copy' },
];

/** The renderer and icons the desktop app loads, copied into its package. */
function copyDesktopFiles() {
  if (!existsSync('dist/renderer/index.html')) return false;
  cpSync('dist/renderer', `${appDist}/renderer`, { recursive: true });
  mkdirSync(`${appDist}/assets`, { recursive: true });
  cpSync('assets/icon.png', `${appDist}/assets/icon.png`);
  for (const dir of ['tray', 'overlay']) cpSync(`assets/${dir}`, `${appDist}/assets/${dir}`, { recursive: true });
  return true;
}

const started = Date.now();
if (only.length === 0) {
  await rm('dist', { recursive: true, force: true });
  await rm(appDist, { recursive: true, force: true });
}
for (const t of targets.filter((t) => want(t.name))) {
  const t0 = Date.now();
  if (t.kind === 'copy') {
    if (!copyDesktopFiles()) console.log('build: desktop-files skipped (build the renderer first)');
    else console.log(`build: ${t.name.padEnd(13)} ${Date.now() - t0} ms`);
    continue;
  }
  const entry = t.kind === 'node' ? t.options.entryPoints[0] : t.config;
  if (!existsSync(entry)) {
    console.log(`build: ${t.name.padEnd(13)} not present yet (${entry})`);
    continue;
  }
  if (t.kind === 'node') await build(t.options);
  else await viteBuild({ configFile: t.config, logLevel: 'warn' });
  console.log(`build: ${t.name.padEnd(13)} ${Date.now() - t0} ms`);
}
console.log(`build: done in ${Date.now() - started} ms`);
