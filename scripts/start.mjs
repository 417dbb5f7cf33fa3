// `npm start`: builds when dist/ is missing or older than the sources, starts the support server, then the
// console — Electron when its binary is installed, otherwise browser mode on 127.0.0.1. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const serverPort = process.env.PORT ?? '4080';
const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? `http://127.0.0.1:${serverPort}`;
const outputs = ['dist/server/main.js', 'dist/main/host/main.js'].map((p) => join(root, p));

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale() {
  const missing = outputs.some((p) => !existsSync(p));
  const builtAt = missing ? 0 : Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const sourcesAt = Math.max(...['src-shared', 'src-server', 'src-main', 'src-preload', 'src-renderer'].map((d) => newestMtime(join(root, d))));
  if (!missing && builtAt >= sourcesAt) return;
  console.log(missing ? 'start: dist/ is missing, building…' : 'start: sources changed since the last build, rebuilding…');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron binary path, or null when only the npm package (no binary) is installed. */
function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${serverUrl}/health`);
      if (r.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function openBrowser(url) {
  if (process.env.SWITCHBOARD_NO_BROWSER === '1') return;
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener on this machine: the URL is printed above.
  }
}

buildIfStale();
const children = [];
const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: serverPort },
});
children.push(server);
if (!(await waitForServer())) console.warn(`start: the server did not answer on ${serverUrl} yet; the console will keep retrying.`);

const electron = electronBinary();
if (electron) {
  const shell = spawn(electron, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl } });
  children.push(shell);
  shell.on('exit', () => shutdown());
} else {
  const host = spawn(process.execPath, [join(root, 'dist/main/host/main.js')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl },
  });
  children.push(host);
  createInterface({ input: host.stdout }).on('line', (line) => {
    let url = null;
    try {
      url = JSON.parse(line).consoleUrl ?? null;
    } catch {
      console.log(line);
    }
    if (!url) return;
    console.log(
      `\nSwitchboard console is running in browser mode, because the Electron binary is not installed on this machine ` +
        `(node_modules/electron has no downloaded binary, e.g. after ELECTRON_SKIP_BINARY_DOWNLOAD=1). The same console ` +
        `runs in your browser, served only on 127.0.0.1 and protected by a secret created for this launch, which is part of this link: ` +
        `${url}\nThe support server is at ${serverUrl}. Press Ctrl+C to stop both.\n`,
    );
    openBrowser(url);
  });
  host.on('exit', () => shutdown());
}
server.on('exit', (code) => {
  if (!stopping) console.error(`start: the server exited (${code}); stopping.`);
  shutdown();
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of alive) c.kill('SIGTERM');
  let left = alive.length;
  if (left === 0) process.exit(0);
  for (const c of alive) c.on('exit', () => --left === 0 && process.exit(0));
  // A child that ignores SIGTERM does not keep the terminal hostage.
  setTimeout(() => {
    for (const c of alive) if (c.exitCode === null) c.kill('SIGKILL');
    process.exit(0);
  }, 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
