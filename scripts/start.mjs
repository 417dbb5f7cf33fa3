// `npm start`: builds when dist/ is missing or older than the sources, starts the support server, then the
// console — the desktop app when Electron's binary is installed (its own package prepared for Electron once,
// see scripts/prepare-desktop.mjs), otherwise browser mode on 127.0.0.1. Ctrl+C stops both.
// The terminal gets one banner (addresses, demo accounts, where the logs are) and warnings and errors in one
// line each; the JSON logs of the server and of browser mode go to files under the data folder
// (scripts/start-banner.mjs decides what goes where).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { installedElectron } from './electron-binary.mjs';
import { buildIfStale } from './build-if-stale.mjs';
import { classifyServerLine, desktopUnavailableLine, desktopUnavailableReason, parseLogRecord, shortLogLine, startBanner } from './start-banner.mjs';

const root = new URL('..', import.meta.url).pathname;
const serverPort = process.env.PORT ?? '4080';
const serverUrl = process.env.SWITCHBOARD_SERVER_URL ?? `http://127.0.0.1:${serverPort}`;
const appDir = join(root, 'src-main/app');
const logDir = join(resolve(root, process.env.DATA_DIR ?? 'data'), 'logs');
const shown = (path) => relative(process.cwd(), path) || path;

/**
 * The Electron binary, downloading it on first use like `electron` itself would — but quietly and with a time
 * limit, so a machine without internet gets a one-line reason and browser mode instead of a stack trace (the
 * installer's own output goes to a log file). Returns { binary } or { reason }.
 */
function electronBinary() {
  const present = installedElectron();
  if (present) return { binary: present };
  const installer = join(root, 'node_modules/electron/install.js');
  if (!existsSync(installer)) return { reason: desktopUnavailableReason({ kind: 'no-package' }) };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: desktopUnavailableReason({ kind: 'skipped' }) };
  console.log('start: downloading the Electron desktop app (until it has worked once)…');
  const r = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  const binary = installedElectron();
  if (r.status === 0 && binary) return { binary };
  const output = `${r.error ? `${r.error.message}\n` : ''}${r.stderr ?? ''}${r.stdout ?? ''}`;
  const file = join(logDir, 'electron-download.log');
  writeFileSync(file, `${new Date().toISOString()} node_modules/electron/install.js exited ${r.status ?? r.signal}\n${output}`);
  return { reason: desktopUnavailableReason({ kind: 'download', output }), details: file };
}

/** The app package's native modules, built for Electron once (cached); a failure falls back to browser mode. */
function prepareDesktop() {
  const r = spawnSync(process.execPath, [join(root, 'scripts/prepare-desktop.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status === 0) return null;
  const why = (r.stderr ?? '').split('\n').filter((l) => l.startsWith('desktop:')).pop()?.replace(/^desktop: /, '');
  return desktopUnavailableReason({ kind: 'native', detail: why ?? `exit ${r.status}` });
}

/**
 * Sends a child's output where it belongs: JSON log records to its log file (warnings and errors also to the
 * terminal, one line each), every other line to `onLine` (default: the terminal as is).
 */
function routeOutput(stream, source, logFile, onLine = (line) => console.log(line)) {
  createInterface({ input: stream }).on('line', (line) => {
    const record = parseLogRecord(line);
    if (!record) return onLine(line);
    logFile.write(`${line}\n`);
    const short = shortLogLine(source, record);
    if (short) console.log(short);
  });
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
mkdirSync(logDir, { recursive: true });
const serverLogPath = join(logDir, 'server.log');
const serverLog = createWriteStream(serverLogPath, { flags: 'a' });
const children = [];
const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  // One machine, no balancer to warn: on Ctrl-C the server drains without the balancer delay (unless set).
  env: { DRAIN_DELAY_MS: '0', ...process.env, PORT: serverPort },
});
children.push(server);
let stopping = false;
const serverExited = new Promise((resolveExit) => {
  server.on('exit', (code) => {
    if (!stopping) console.error(`start: the server exited (${code}); stopping. Its log: ${shown(serverLogPath)}`);
    shutdown();
    resolveExit(false);
  });
});
// The server prints the demo accounts it seeds (once, never logged), then the line saying it listens.
const accounts = [];
let supportUrl = `${serverUrl}/support`;
const announced = new Promise((resolveAnnounced) => {
  routeOutput(server.stdout, 'server', serverLog, (line) => {
    const what = classifyServerLine(line);
    if (what.kind === 'demo-account') accounts.push(what);
    else if (what.kind === 'listening') {
      supportUrl = what.supportUrl;
      resolveAnnounced(true);
    } else if (what.kind === 'text') console.log(`server: ${what.text}`);
  });
});
routeOutput(server.stderr, 'server', serverLog, (line) => line.trim() && console.error(`server: ${line}`));
const ready = await Promise.race([announced, serverExited, new Promise((r) => setTimeout(() => r(false), 30_000).unref())]);
if (!ready && !(await waitForServer())) console.warn(`start: the server did not answer on ${serverUrl} yet; the console will keep retrying (see ${shown(serverLogPath)}).`);

const electron = electronBinary();
if (electron.binary) {
  const unprepared = prepareDesktop();
  if (unprepared) {
    electron.reason = unprepared;
    delete electron.binary;
  }
}
const banner = (consoleInfo, notes, logFiles) => {
  for (const line of startBanner({ supportUrl, console: consoleInfo, accounts, logFiles: logFiles.map(shown), notes })) console.log(line);
};
if (electron.binary) {
  const shell = spawn(electron.binary, [appDir], { cwd: root, stdio: 'inherit', env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl } });
  children.push(shell);
  shell.on('exit', () => shutdown());
  banner({ kind: 'desktop' }, [], [serverLogPath]);
} else {
  const hostLogPath = join(logDir, 'console.log');
  const hostLog = createWriteStream(hostLogPath, { flags: 'a' });
  const host = spawn(process.execPath, [join(root, 'dist/main/host/main.js')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SWITCHBOARD_SERVER_URL: serverUrl },
  });
  children.push(host);
  routeOutput(host.stderr, 'console', hostLog, (line) => line.trim() && console.error(`console: ${line}`));
  createInterface({ input: host.stdout }).on('line', (line) => {
    let url = null;
    try {
      url = JSON.parse(line).consoleUrl ?? null;
    } catch {
      console.log(`console: ${line}`);
    }
    if (!url) return;
    const notes = [desktopUnavailableLine(electron.reason, url)];
    if (electron.details) notes.push(`(what the download said: ${shown(electron.details)})`);
    banner({ kind: 'browser', url }, notes, [serverLogPath, hostLogPath]);
    openBrowser(url);
  });
  host.on('exit', () => shutdown());
}
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
