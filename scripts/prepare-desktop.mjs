// `npm run desktop:prepare` (and `npm start` before it opens Electron): installs the desktop app's own
// dependencies (src-main/app, exactly as its lockfile says) and rebuilds their native modules for Electron's
// ABI — the server keeps the project's node_modules, built for Node. Done once: a stamp in the app's
// node_modules records for which Electron, platform, architecture and lockfile, and a later run with the same
// stamp only says so.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronVersion, root } from './electron-binary.mjs';

const appDir = join(root, 'src-main/app');
const stampFile = join(appDir, 'node_modules', '.switchboard-prepared.json');

const electron = electronVersion();
if (!electron) {
  console.error('desktop: the electron package is not installed (run npm install first)');
  process.exit(1);
}
const lockHash = createHash('sha256').update(readFileSync(join(appDir, 'package-lock.json'))).digest('hex').slice(0, 16);
const stamp = { electron, platform: process.platform, arch: process.arch, lockHash };
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (current === JSON.stringify(stamp)) {
  console.log(`desktop: app dependencies ready for Electron ${electron} (${process.platform}-${process.arch})`);
  process.exit(0);
}

const started = Date.now();
console.log(`desktop: installing the app's dependencies and building its native modules for Electron ${electron} (first time only, about a minute)…`);
// --ignore-scripts: nothing is compiled for Node here; the rebuild below builds for Electron.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const install = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: appDir, stdio: 'inherit', shell: process.platform === 'win32' });
if (install.status !== 0) {
  console.error('desktop: npm ci in src-main/app failed');
  process.exit(install.status ?? 1);
}
const { rebuild } = await import('@electron/rebuild');
let last = '';
const rebuilder = rebuild({ buildPath: appDir, electronVersion: electron, arch: process.arch, force: true });
rebuilder.lifecycle.on('module-found', (name) => {
  if (name !== last) console.log(`desktop: building ${name} for Electron ${electron}…`);
  last = name;
});
try {
  await rebuilder;
} catch (e) {
  console.error(`desktop: rebuilding native modules for Electron failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
writeFileSync(stampFile, JSON.stringify(stamp));
console.log(`desktop: ready in ${Math.round((Date.now() - started) / 1000)} s`);
