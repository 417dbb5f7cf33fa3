// Renderer responsiveness during a large initial sync: the real support server seeded with
// BENCH_SYNC_FRAMES_MESSAGES messages (default BENCH_MESSAGES, 1,000,000; seeding from tests/bench/console), the
// built browser-mode console host (dist/main/host/main.js) in its own process with an empty data folder, and its
// UI in Debian chromium. The bench signs in through the login form and, until the connection badge reads
// "Online" again, measures in the page: requestAnimationFrame intervals, long tasks, and the time from real
// clicks and key presses (sidebar views, the search palette) to the next frame. The baseline is the same page,
// same interactions, for an equally long idle period right after the sync. Everything goes through the UI: the
// bench does not read the console protocol (the WebSocket frames are only counted and sized).
// BENCH_SYNC_FRAMES_DUMP=<file> writes what the page recorded (frames, long tasks, inputs, badge texts) as JSON.
// BENCH_SYNC_FRAMES_PROFILE=<dir> also writes CPU profiles of the page during the sync and of the console core
// (node --cpu-prof) and prints their top functions; the renderer's are minified names (dist/renderer has source maps).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { startSeededServer } from '../console/index';
import { consoleHostUrl } from '../../support/console-host-launch';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../../..');
const builtHost = join(repo, 'dist/main/host/main.js');
const rendererDir = join(repo, 'dist/renderer');
/** Longest the initial sync may take before the bench gives up. */
const SYNC_TIMEOUT_MS = 30 * 60_000;
/** After the sync: the renderer's post-sync refreshes settle before the idle baseline starts. */
const SETTLE_MS = 3000;
/** The idle baseline is as long as the sync, within these bounds. */
const IDLE_MIN_MS = 5000;
const IDLE_MAX_MS = 180_000;
const SEARCH_WORD = 'stream';
/** One round of interaction starts every ROUND_MS in both phases, so both see the same input per second. */
const ROUND_MS = 3000;

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function run(args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, args, { cwd: repo, stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`node ${args.join(' ')} exited ${code}`))));
  });
}

/** Host and renderer are rebuilt together (2 s) so the page and the core always speak the same protocol. */
async function buildConsole(): Promise<void> {
  await run(['scripts/build.mjs', 'renderer', 'host']);
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('the renderer build produced no dist/renderer/index.html');
}

interface Host {
  url: string;
  pid: number;
  /** What the core logged about its connection (disconnects, interrupted catch-ups) and any warning or error. */
  notes: { at: number; text: string }[];
  stop(): Promise<void>;
}

/** Log lines of the host worth reporting: the sync engine losing its connection, and warnings or worse. */
const NOTEWORTHY = /disconnected|catch-up interrupted|connect failed|session refused/;

/** The browser-mode console in its own process (as the desktop app runs its core in a utilityProcess). */
async function startHost(serverUrl: string, dataDir: string, cpuProfDir?: string): Promise<Host> {
  // The built host when there is one; otherwise its source through tsx (the same code, transpiled on load).
  const entry = existsSync(builtHost) ? [builtHost] : ['--import', 'tsx', 'src-main/host/main.ts'];
  const args = [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), ...entry];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repo,
    env: {
      ...process.env,
      SWITCHBOARD_SERVER_URL: serverUrl,
      SWITCHBOARD_CONSOLE_PORT: '0',
      SWITCHBOARD_CONSOLE_DATA: dataDir,
      SWITCHBOARD_RENDERER_DIR: rendererDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const notes: Host['notes'] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    let entry: { level?: number; msg?: string; why?: string; reason?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      entry = { level: 50, msg: line };
    }
    const msg = entry.msg ?? '';
    if ((entry.level ?? 0) < 40 && !NOTEWORTHY.test(msg)) return;
    const detail = entry.why ?? entry.reason ?? entry.err?.message;
    notes.push({ at: performance.now(), text: detail ? `${msg} (${detail})` : msg });
  });
  const url = await consoleHostUrl(child);
  return {
    url,
    pid: child.pid ?? 0,
    notes,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function procCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ": state is field 0, utime 11, stime 12 (clock ticks, 100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of every chromium renderer process so far (SystemInfo over the browser's CDP session). */
async function rendererCpuSeconds(cdp: CDPSession | null): Promise<number | null> {
  if (!cdp) return null;
  try {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
    return info.processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (every process, ours and others'), from /proc/stat. */
function machineCpuSeconds(): number | null {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
    return (ticks.slice(0, 8).reduce((a, b) => a + b, 0) - ticks[3]! - ticks[4]!) / 100;
  } catch {
    return null;
  }
}

interface CpuMark {
  at: number;
  machine: number | null;
  server: number;
  core: number | null;
  renderer: number | null;
}

async function cpuMark(hostPid: number, cdp: CDPSession | null): Promise<CpuMark> {
  const u = process.cpuUsage();
  return { at: performance.now(), machine: machineCpuSeconds(), server: (u.user + u.system) / 1e6, core: procCpuSeconds(hostPid), renderer: await rendererCpuSeconds(cdp) };
}

/** CPU used between two marks, in cores (1.0 = one core busy the whole time). */
function cpuCores(a: CpuMark, b: CpuMark) {
  const wall = (b.at - a.at) / 1000;
  const per = (x: number | null, y: number | null) => (x === null || y === null ? null : (y - x) / wall);
  return { machine: per(a.machine, b.machine), server: per(a.server, b.server), core: per(a.core, b.core), renderer: per(a.renderer, b.renderer) };
}

// The in-page recorder (a string: this file is typechecked without DOM types). It runs a requestAnimationFrame
// loop for the whole life of the page and records, while a phase is on: frame intervals, long tasks, trusted
// clicks and key presses (event time → input handled → next frame), what the connection badge says, and the
// WebSocket frames the page receives (count, bytes, by the kind named at the start of the frame: diagnostics).
const RECORDER = `(() => {
  if (window.__sf) return;
  const sf = { phase: null, windows: {}, frames: {}, longtasks: [], inputs: [], badge: [], ws: {}, lastKey: 0, syncDoneAt: null, signInAt: null };
  window.__sf = sf;
  let last = 0;
  let badgeText = '';
  const tick = (t) => {
    const name = sf.phase;
    if (name) {
      if (last) sf.frames[name].push(t - last);
      last = t;
      const badge = document.querySelector('[data-testid="connection"]');
      const text = badge ? badge.textContent : '';
      if (text !== badgeText) {
        badgeText = text;
        if (sf.badge.length < 5000) sf.badge.push([performance.now(), text]);
      }
      // The sync is done when the signed-in shell shows "Online" with no "syncing" (the core goes online after its last page).
      if (name === 'sync' && document.querySelector('[data-testid="my-load"]') && /Online/.test(text) && !/syncing/.test(text)) {
        sf.syncDoneAt = performance.now();
        sf.stop();
      }
    } else last = 0;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  sf.start = (name) => {
    sf.windows[name] = { start: performance.now(), end: null };
    sf.frames[name] = [];
    sf.ws[name] = { frames: 0, bytes: 0, kinds: {} };
    last = 0;
    sf.phase = name;
  };
  sf.stop = () => {
    if (sf.phase) sf.windows[sf.phase].end = performance.now();
    sf.phase = null;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) sf.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    sf.longtaskSupported = true;
  } catch {
    sf.longtaskSupported = false;
  }
  const onInput = (e) => {
    if (!e.isTrusted) return;
    if (e.type === 'submit') {
      sf.signInAt = e.timeStamp;
      return;
    }
    const rec = { type: e.type, what: e.type === 'keydown' ? e.key : (e.target && e.target.textContent || '').trim().slice(0, 20), ts: e.timeStamp, handled: performance.now(), frame: 0 };
    if (sf.inputs.length < 20000) sf.inputs.push(rec);
    if (e.type === 'keydown') sf.lastKey = e.timeStamp;
    requestAnimationFrame(() => { rec.frame = performance.now(); });
  };
  window.addEventListener('click', onInput, true);
  window.addEventListener('keydown', onInput, true);
  window.addEventListener('submit', onInput, true);
  // Search results visible after the last key press: ms from that key to the frame that shows them.
  sf.waitHits = (timeoutMs) => new Promise((done) => {
    const t0 = performance.now();
    const check = () => {
      if (document.querySelector('[data-testid="search-hit"]')) done({ ts: sf.lastKey, ms: Math.max(0, performance.now() - sf.lastKey) });
      else if (performance.now() - t0 > timeoutMs) done(null);
      else requestAnimationFrame(check);
    };
    check();
  });
  const Native = window.WebSocket;
  const count = (e) => {
    const w = sf.phase && sf.ws[sf.phase];
    if (!w) return;
    const d = e.data;
    const size = typeof d === 'string' ? d.length : (d && (d.byteLength || d.size)) || 0;
    let kind = 'binary';
    if (typeof d === 'string') {
      const head = d.slice(0, 160);
      const m = /"event"\\s*:\\s*"(\\w+)"/.exec(head) || /"type"\\s*:\\s*"(\\w+)"/.exec(head);
      kind = m ? m[1] : /"(?:id|result)"\\s*:/.test(head) ? 'result' : 'other';
    }
    w.frames++;
    w.bytes += size;
    const k = w.kinds[kind] || (w.kinds[kind] = [0, 0]);
    k[0]++;
    k[1] += size;
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', count);
    }
  };
})();`;

interface PhaseWindow {
  start: number;
  end: number | null;
}
interface InputRecord {
  type: string;
  what: string;
  ts: number;
  handled: number;
  frame: number;
}
interface WsTally {
  frames: number;
  bytes: number;
  kinds: Record<string, [number, number]>;
}
interface PageRecord {
  windows: Record<string, PhaseWindow>;
  frames: Record<string, number[]>;
  longtasks: [number, number][];
  longtaskSupported: boolean;
  inputs: InputRecord[];
  badge: [number, string][];
  ws: Record<string, WsTally>;
  syncDoneAt: number | null;
  signInAt: number | null;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function summarize(rec: PageRecord, phase: string, hits: number[]) {
  const w = rec.windows[phase]!;
  const end = w.end ?? w.start;
  const seconds = (end - w.start) / 1000;
  const frames = [...(rec.frames[phase] ?? [])].sort((a, b) => a - b);
  const long = rec.longtasks.filter(([s]) => s >= w.start && s < end);
  // Inputs are attributed to the phase their event happened in; the last ones may finish just after it.
  const inputs = rec.inputs.filter((i) => i.ts >= w.start && i.ts < end && i.frame > 0);
  const toFrame = inputs.map((i) => i.frame - i.ts).sort((a, b) => a - b);
  const kind = (label: string, pick: (i: InputRecord) => boolean) => {
    const xs = inputs.filter(pick).map((i) => i.frame - i.ts).sort((a, b) => a - b);
    return { label, n: xs.length, p50: pct(xs, 50), max: xs[xs.length - 1] ?? 0 };
  };
  const kinds = [
    kind('click Tickets (200-row list)', (i) => i.type === 'click' && i.what.startsWith('Tickets')),
    kind('click All queues', (i) => i.type === 'click' && i.what.startsWith('All queues')),
    kind('key typed in the search box', (i) => i.type === 'keydown' && i.what.length === 1 && i.what !== 'k'),
  ];
  const delay = inputs.map((i) => i.handled - i.ts).sort((a, b) => a - b);
  const sortedHits = [...hits].sort((a, b) => a - b);
  return {
    seconds,
    frames: { n: frames.length, p50: pct(frames, 50), p95: pct(frames, 95), p99: pct(frames, 99), max: frames[frames.length - 1] ?? 0, over20: frames.filter((f) => f > 20).length, over50: frames.filter((f) => f > 50).length },
    longtasks: { n: long.length, ms: long.reduce((sum, [, d]) => sum + d, 0), max: long.reduce((m, [, d]) => Math.max(m, d), 0) },
    input: { n: toFrame.length, p50: pct(toFrame, 50), p95: pct(toFrame, 95), max: toFrame[toFrame.length - 1] ?? 0, delayP95: pct(delay, 95), kinds },
    hits: { n: sortedHits.length, p50: pct(sortedHits, 50), max: sortedHits[sortedHits.length - 1] ?? 0 },
    ws: rec.ws[phase] ?? { frames: 0, bytes: 0, kinds: {} },
  };
}
type Summary = ReturnType<typeof summarize>;

/**
 * One round of real input, as a specialist would: Tickets, back to the queues, Ctrl+K and the search word typed
 * key by key (results awaited up to 2 s), Esc. Returns the key → results time when results showed.
 */
async function interact(page: Page): Promise<number | null> {
  const nav = (label: string) => page.locator('nav .nav-link', { hasText: label }).first();
  await nav('Tickets').click({ timeout: 10_000 });
  await sleep(250);
  await nav('All queues').click({ timeout: 10_000 });
  await sleep(250);
  await page.keyboard.press('Control+k');
  const input = page.getByRole('searchbox', { name: 'Search' });
  await input.waitFor({ timeout: 10_000 });
  if (!(await page.evaluate(`document.activeElement?.getAttribute('aria-label') === 'Search'`))) await input.focus();
  await page.keyboard.type(SEARCH_WORD, { delay: 40 });
  const hit = (await page.evaluate('window.__sf.waitHits(2000)')) as { ms: number } | null;
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'detached', timeout: 10_000 });
  await sleep(300);
  return hit?.ms ?? null;
}

/** A round every ROUND_MS until `stop()` says so (checked every 100 ms); returns the search key → results times. */
async function interactUntil(page: Page, stop: () => Promise<boolean>): Promise<number[]> {
  const hits: number[] = [];
  let next = Date.now();
  while (!(await stop())) {
    if (Date.now() < next) {
      await sleep(Math.min(100, next - Date.now()));
      continue;
    }
    next = Math.max(next + ROUND_MS, Date.now());
    const ms = await interact(page);
    if (ms !== null) hits.push(ms);
  }
  return hits;
}

/** Top self-time functions of a CPU profile (Chrome DevTools format). */
function topFunctions(profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }, n: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}` : ''}` : '?';
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { total, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, n) };
}

export async function runSyncFramesBench(): Promise<void> {
  const started = Date.now();
  const ownCount = process.env.BENCH_SYNC_FRAMES_MESSAGES;
  const messageCount = Number(ownCount ?? process.env.BENCH_MESSAGES ?? 1_000_000);
  const ticketCount = ownCount ? Math.round(messageCount / 10) : Number(process.env.BENCH_TICKETS ?? Math.round(messageCount / 10));
  const profileDir = process.env.BENCH_SYNC_FRAMES_PROFILE;
  console.log(`sync-frames bench: ${fmt(messageCount)} messages, ${fmt(ticketCount)} tickets (BENCH_SYNC_FRAMES_MESSAGES, default BENCH_MESSAGES)`);
  await buildConsole();
  const dir = mkdtempSync(join(tmpdir(), 'sync-frames-bench-'));
  const serverDir = join(dir, 'server');
  const consoleDir = join(dir, 'console');
  mkdirSync(serverDir);
  mkdirSync(consoleDir);
  const { server, who } = await startSeededServer(serverDir, messageCount, ticketCount);
  // The test server's clock is a fake one that moves only when told; move it with real time, as a real server's
  // does. Its per-socket rate limit (200 burst, 100/s) refills by that clock: frozen, the core's ~200th request
  // of the sync is refused (`rate_limited`) and the catch-up restarts from a new connection.
  let clockAt = Date.now();
  let advancing = Promise.resolve();
  const clockTicker = setInterval(() => {
    const now = Date.now();
    const step = now - clockAt;
    clockAt = now;
    advancing = advancing.then(() => server.clock.advance(step));
  }, 250);
  let host: Host | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    host = await startHost(server.url, consoleDir, profileDir);
    const browserCdp = await browser.newBrowserCDPSession().catch(() => null);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: RECORDER });
    await page.goto(host.url);
    await page
      .getByLabel('Server')
      .waitFor({ timeout: 60_000 })
      .catch(async () => {
        const text = String(await page.evaluate('document.body.innerText')).slice(0, 300);
        throw new Error(`the console showed no sign-in form within 60 s (host and renderer out of step mid-change? rebuild and retry). Page: ${JSON.stringify(text)}`);
      });
    await page.getByLabel('Server').fill(server.url);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await sleep(500);

    let profiler: CDPSession | null = null;
    if (profileDir) {
      profiler = await page.context().newCDPSession(page);
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.send('Profiler.start');
    }

    // 1. Sign in through the form and interact until the badge says the sync is done.
    await page.evaluate(`window.__sf.start('sync')`);
    const cpu0 = await cpuMark(host.pid, browserCdp);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('my-load').waitFor({ timeout: 60_000 });
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    const syncHits = await interactUntil(page, async () => {
      if (Date.now() > deadline) throw new Error(`the initial sync did not finish within ${SYNC_TIMEOUT_MS / 60_000} min`);
      return (await page.evaluate('window.__sf.phase')) === null;
    });
    const cpu1 = await cpuMark(host.pid, browserCdp);
    let profileSummary: ReturnType<typeof topFunctions> | null = null;
    if (profiler && profileDir) {
      const { profile } = (await profiler.send('Profiler.stop')) as { profile: Parameters<typeof topFunctions>[0] };
      const file = join(profileDir, `sync-frames-renderer-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      profileSummary = topFunctions(profile, 15);
      console.log(`  renderer CPU profile of the sync: ${file}`);
      await profiler.detach();
    }

    // 2. Baseline: the same page and the same interactions, idle, for as long as the sync took.
    await sleep(SETTLE_MS);
    const syncWindow = (await page.evaluate('window.__sf.windows.sync')) as PhaseWindow;
    const idleMs = Math.min(IDLE_MAX_MS, Math.max(IDLE_MIN_MS, (syncWindow.end ?? syncWindow.start) - syncWindow.start));
    await page.evaluate(`window.__sf.start('idle')`);
    const cpu2 = await cpuMark(host.pid, browserCdp);
    const idleUntil = Date.now() + idleMs;
    const idleHits = await interactUntil(page, async () => Date.now() >= idleUntil);
    await page.evaluate('window.__sf.stop()');
    const cpu3 = await cpuMark(host.pid, browserCdp);
    await page.screenshot({ path: join(repo, 'test-artifacts/console/bench-sync-frames.png') }).catch(() => undefined);

    const rec = (await page.evaluate(
      `(({ windows, frames, longtasks, longtaskSupported, inputs, badge, ws, syncDoneAt, signInAt }) => ({ windows, frames, longtasks, longtaskSupported, inputs, badge, ws, syncDoneAt, signInAt }))(window.__sf)`,
    )) as PageRecord;
    const hostPid = host.pid;
    await host.stop();
    // The core's own profile (node --cpu-prof) is written when the host exits: sync, idle and start-up.
    const hostProfile = profileDir ? readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile') && f.includes(`.${hostPid}.`)) : undefined;
    const hostSummary = hostProfile && profileDir ? topFunctions(JSON.parse(readFileSync(join(profileDir, hostProfile), 'utf8')) as Parameters<typeof topFunctions>[0], 15) : null;
    const cache = new Database(join(consoleDir, 'cache.db'), { readonly: true });
    const synced = cache.prepare('SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM tickets)').pluck().get() as number;
    cache.close();

    if (process.env.BENCH_SYNC_FRAMES_DUMP) writeFileSync(process.env.BENCH_SYNC_FRAMES_DUMP, JSON.stringify({ rec, syncHits, idleHits, cpu: [cpu0, cpu1, cpu2, cpu3] }));
    const sync = summarize(rec, 'sync', syncHits);
    const idle = summarize(rec, 'idle', idleHits);
    // Sync duration: from the sign-in submit (event time) to the first frame that showed "Online" without "syncing".
    const syncSeconds = ((rec.syncDoneAt ?? 0) - (rec.signInAt ?? syncWindow.start)) / 1000;
    const rows = messageCount + ticketCount;
    const cpuSync = cpuCores(cpu0, cpu1);
    const cpuIdle = cpuCores(cpu2, cpu3);
    const perf0 = cpu0.at;
    const during = host.notes.filter((n) => n.at >= perf0 && n.at <= cpu1.at);
    printTable(sync, idle, { messageCount, ticketCount, synced, rows, syncSeconds, cpuSync, cpuIdle, longtaskSupported: rec.longtaskSupported, badge: rec.badge });
    // Reconnects cost the sync time (a new snapshot, backoff) and show in its duration.
    const restarts = rec.badge.filter(([, t], i) => /syncing…/.test(t) && !/syncing…/.test(rec.badge[i - 1]?.[1] ?? '')).length - 1;
    console.log(`  core connection during the sync: ${during.length === 0 ? 'no disconnects' : during.map((n) => `${((n.at - perf0) / 1000).toFixed(1)} s ${n.text}`).join('; ')}; catch-up restarted ${Math.max(0, restarts)}x`);
    const later = host.notes.filter((n) => n.at > cpu1.at);
    if (later.length) console.log(`  core log after the sync: ${later.map((n) => n.text).join('; ')}`);
    if (profileSummary) {
      console.log(`  renderer main thread during the sync, top self time (of ${fmt(profileSummary.total)} ms sampled):`);
      for (const [name, ms] of profileSummary.top) console.log(`    ${fmt(ms).padStart(7)} ms  ${(100 * ms / profileSummary.total).toFixed(1).padStart(5)}%  ${name}`);
    }
    if (hostSummary && hostProfile) {
      console.log(`  console core (host process) over its life, top self time (of ${fmt(hostSummary.total)} ms sampled; ${join(profileDir!, hostProfile)}):`);
      for (const [name, ms] of hostSummary.top) console.log(`    ${fmt(ms).padStart(7)} ms  ${(100 * ms / hostSummary.total).toFixed(1).padStart(5)}%  ${name}`);
    }
    console.log(`  sync-frames bench took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    clearInterval(clockTicker);
    await advancing;
    await browser.close();
    await host?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(
  sync: Summary,
  idle: Summary,
  info: {
    messageCount: number;
    ticketCount: number;
    synced: number;
    rows: number;
    syncSeconds: number;
    cpuSync: ReturnType<typeof cpuCores>;
    cpuIdle: ReturnType<typeof cpuCores>;
    longtaskSupported: boolean;
    badge: [number, string][];
  },
): void {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '–');
  const row = (label: string, a: string, b: string, r = '') => console.log(`  ${label.padEnd(40)} ${a.padStart(24)} ${b.padStart(24)} ${r.padStart(9)}`);
  const cores = (x: number | null) => (x === null ? '?' : x.toFixed(2));
  const busy = (s: Summary) => `${((100 * s.longtasks.ms) / 1000 / Math.max(s.seconds, 1e-9)).toFixed(0)}%`;
  const kinds = (s: Summary) =>
    Object.entries(s.ws.kinds)
      .sort((a, b) => b[1][1] - a[1][1])
      .slice(0, 6)
      .map(([k, [n, bytes]]) => `${k} ${fmt(n)} (${(bytes / 1e6).toFixed(1)} MB)`)
      .join(', ');
  console.log(
    `sync-frames bench (chromium, built console host in its own process, real server; ${fmt(info.messageCount)} messages + ${fmt(info.ticketCount)} tickets)`,
  );
  console.log(
    `  initial sync (sign-in → badge Online): ${fmt(info.synced)} of ${fmt(info.rows)} rows in ${info.syncSeconds.toFixed(1)} s = ${fmt(info.rows / info.syncSeconds)} rows/s`,
  );
  const progress = info.badge.filter(([, t]) => /syncing \d+%/.test(t)).length;
  console.log(`  sync progress shown: ${progress} distinct "syncing N%" states in the badge`);
  row('', 'during sync', `idle, ${idle.seconds.toFixed(0)} s after it`, 'sync/idle');
  row('rAF frame interval p50', ms(sync.frames.p50), ms(idle.frames.p50), ratio(sync.frames.p50, idle.frames.p50));
  row('rAF frame interval p95', ms(sync.frames.p95), ms(idle.frames.p95), ratio(sync.frames.p95, idle.frames.p95));
  row('rAF frame interval p99', ms(sync.frames.p99), ms(idle.frames.p99), ratio(sync.frames.p99, idle.frames.p99));
  row('rAF frame interval max', ms(sync.frames.max), ms(idle.frames.max), ratio(sync.frames.max, idle.frames.max));
  row('frames (n / over 50 ms)', `${fmt(sync.frames.n)} / ${fmt(sync.frames.over50)}`, `${fmt(idle.frames.n)} / ${fmt(idle.frames.over50)}`);
  // Intervals come in whole vsyncs (16.7, 33.3 ms…), so p95 flips between 1x and 2x; the share of late frames does not.
  const late = (x: Summary) => (100 * x.frames.over20) / Math.max(1, x.frames.n);
  row('frames that missed a vsync (> 20 ms)', `${late(sync).toFixed(1)}%`, `${late(idle).toFixed(1)}%`, ratio(late(sync), late(idle)));
  row('frames per second', (sync.frames.n / sync.seconds).toFixed(1), (idle.frames.n / idle.seconds).toFixed(1));
  if (info.longtaskSupported) {
    row('long tasks (n / total)', `${fmt(sync.longtasks.n)} / ${fmt(sync.longtasks.ms)} ms`, `${fmt(idle.longtasks.n)} / ${fmt(idle.longtasks.ms)} ms`);
    row('long tasks: longest / share of wall time', `${ms(sync.longtasks.max)} / ${busy(sync)}`, `${ms(idle.longtasks.max)} / ${busy(idle)}`);
  } else console.log('  long tasks: PerformanceObserver longtask not supported by this chromium');
  row('input → next frame p50 (n)', `${ms(sync.input.p50)} (${sync.input.n})`, `${ms(idle.input.p50)} (${idle.input.n})`, ratio(sync.input.p50, idle.input.p50));
  row('input → next frame p95 / max', `${ms(sync.input.p95)} / ${ms(sync.input.max)}`, `${ms(idle.input.p95)} / ${ms(idle.input.max)}`, ratio(sync.input.p95, idle.input.p95));
  sync.input.kinds.forEach((k, i) => {
    const b = idle.input.kinds[i]!;
    row(`  ${k.label} p50 / max`, `${ms(k.p50)} / ${ms(k.max)}`, `${ms(b.p50)} / ${ms(b.max)}`, ratio(k.p50, b.p50));
  });
  row('input delay (event → handler) p95', ms(sync.input.delayP95), ms(idle.input.delayP95));
  row('search: last key → hits shown p50 (n)', `${ms(sync.hits.p50)} (${sync.hits.n})`, `${ms(idle.hits.p50)} (${idle.hits.n})`, ratio(sync.hits.p50, idle.hits.p50));
  row('WebSocket into the page: frames / MB', `${fmt(sync.ws.frames)} / ${(sync.ws.bytes / 1e6).toFixed(1)}`, `${fmt(idle.ws.frames)} / ${(idle.ws.bytes / 1e6).toFixed(1)}`);
  row('CPU cores: server / console core', `${cores(info.cpuSync.server)} / ${cores(info.cpuSync.core)}`, `${cores(info.cpuIdle.server)} / ${cores(info.cpuIdle.core)}`);
  row('CPU cores: chromium renderer', cores(info.cpuSync.renderer), cores(info.cpuIdle.renderer));
  row('CPU cores: whole machine (of 2, incl. others)', cores(info.cpuSync.machine), cores(info.cpuIdle.machine));
  console.log(`  frames into the page during the sync by kind: ${kinds(sync) || '–'}`);
  console.log(`  => p95 frame interval during sync / idle: ${ratio(sync.frames.p95, idle.frames.p95)}`);
}

// Run directly: `npx tsx tests/bench/renderer/sync-frames.ts`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runSyncFramesBench();
  process.exit(0);
}
