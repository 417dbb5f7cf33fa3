// Where the electron package keeps its binary once downloaded (path.txt names it inside dist/), and which
// Electron version the project builds for. Shared by the launcher, desktop:prepare and the Electron tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
const electronDir = join(root, 'node_modules/electron');

/** The installed Electron binary, or null (package missing, or its binary never downloaded). */
export function installedElectron() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const name = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name);
    return existsSync(binary) ? binary : null;
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** The version of the electron package (the Electron the app's native modules are built for). */
export function electronVersion() {
  const manifest = join(electronDir, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
}
