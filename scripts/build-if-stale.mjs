// Builds (scripts/build.mjs) when an output is missing or older than the newest source: `npm start` and
// `npm run cluster` stay one command without rebuilding on every start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './electron-binary.mjs';

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Build output inside the sources (the desktop app's package) is not a source.
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `outputs`: paths relative to the repository that must exist and be newer than every source. */
export function buildIfStale(outputs, who = 'start') {
  const files = outputs.map((p) => join(root, p));
  const missing = files.some((p) => !existsSync(p));
  const builtAt = missing ? 0 : Math.min(...files.map((p) => statSync(p).mtimeMs));
  const sourcesAt = Math.max(...['src-shared', 'src-server', 'src-main', 'src-preload', 'src-renderer'].map((d) => newestMtime(join(root, d))));
  if (!missing && builtAt >= sourcesAt) return;
  console.log(missing ? `${who}: dist/ is missing, building…` : `${who}: sources changed since the last build, rebuilding…`);
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
