// `npm start`: builds when dist/ is missing or older than the sources, starts the support server, then the
// console — the desktop app when Electron's binary is installed (its own package prepared for Electron once,
// see scripts/prepare-desktop.mjs), otherwise browser mode on 127.0.0.1. Ctrl+C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { installedElectron } from './electron-binary.mjs';
import { buildIfStale } from './build-if-stale.mjs';

const root = new URL('..', import.meta.url).pathname;
const serverPort = process.env.PORT ?? '4080';
const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? `http://127.0.0.1:${serverPort}`;
const appDir = join(root, 'src-main/app');

/**
 * The Electron binary, downloading it on first use like `electron` itself would — but quietly and with a time
 * limit, so a machine without internet gets a one-line reason and browser mode instead of a stack trace.
 * Returns { binary } or { reason }.
 */
function electronBinary() {
  const present = installedElectron();
  if (present) return { binary: present };
  const installer = join(root, 'node_modules/electron/install.js');
  if (!existsSync(installer)) return { reason: 'the electron package is not installed' };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so its binary is not downloaded' };
  console.log('start: downloading the Electron binary (first start only)…');
  const r = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  const binary = installedElectron();
  if (r.status === 0 && binary) return { binary };
  const why = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => /error|ENOTFOUND|ECONN|timed? ?out/i.test(l))?.trim();
  return { reason: `its binary could not be downloaded${why ? ` (${why.slice(0, 160)})` : r.error ? ` (${r.error.message})` : ''}` };
}

/** The app package's native modules, built for Electron once (cached); a failure falls back to browser mode. */
function prepareDesktop() {
  const r = spawnSync(process.execPath, [join(root, 'scripts/prepare-desktop.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return null;
  const why = (r.stderr ?? '').split('\n').filter((l) => l.startsWith('desktop:')).pop()?.replace(/^desktop: /, '');
  return `the desktop app's native modules could not be built for Electron (${why ?? `exit ${r.status}`})`;
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

buildIfStale(['dist/server/main.js', 'dist/main/host/main.js', 'src-main/app/dist/main.js']);
const children = [];
const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
  cwd: root,
  stdio: 'inherit',
  // One machine, no balancer to warn: on Ctrl-C the server drains without the balancer delay (unless set).
  env: { DRAIN_DELAY_MS: '0', ...process.env, PORT: serverPort },
});
children.push(server);
if (!(await waitForServer())) console.warn(`start: the server did not answer on ${serverUrl} yet; the console will keep retrying.`);

const electron = electronBinary();
if (electron.binary) {
  const unprepared = prepareDesktop();
  if (unprepared) {
    electron.reason = unprepared;
    delete electron.binary;
  }
}
if (electron.binary) {
  const shell = spawn(electron.binary, [appDir], { cwd: root, stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl } });
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
      `\nSwitchboard console is running in browser mode, because Electron cannot start on this machine: ${electron.reason}. The same console ` +
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
