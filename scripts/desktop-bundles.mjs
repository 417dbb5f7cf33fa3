// The desktop app's three bundles (main process, console core process, preload), built into its own package
// src-main/app. Everything is bundled except what that package installs (src-main/app/package.json: the
// native module rebuilt for Electron, and the updater) and Electron itself. CommonJS: the format Electron's
// main process, utilityProcess and sandboxed preloads all load without ceremony. Shared by scripts/build.mjs
// and the dependency-closure test, which checks that nothing of the server ships in the app.
export const APP_DIR = 'src-main/app';
export const APP_DIST = `${APP_DIR}/dist`;

/** `external` beyond these must be installed by the app package. */
const ALWAYS_EXTERNAL = [
  'electron',
  // ws's optional native speed-ups are never installed in the app; ws works without them.
  'bufferutil',
  'utf-8-validate',
];

const bundle = (entry, outfile, external, define) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  keepNames: true,
  sourcemap: true,
  logLevel: 'warning',
  define,
  external: [...ALWAYS_EXTERNAL, ...external],
  metafile: true,
});

export function desktopBundles(define) {
  return [
    { name: 'desktop-main', options: bundle('src-main/electron/main.ts', `${APP_DIST}/main.js`, ['electron-updater'], define) },
    { name: 'desktop-core', options: bundle('src-main/electron/core-process.ts', `${APP_DIST}/core.js`, ['better-sqlite3'], define) },
    // Sandboxed preloads may only require('electron').
    { name: 'preload', options: bundle('src-preload/preload.ts', `${APP_DIST}/preload.cjs`, [], define) },
  ];
}
