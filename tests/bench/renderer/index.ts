// Renderer bench: the built console UI in Debian chromium against an in-page fake ConsoleApi (fake-console.js),
// so the figures are the renderer's own — switching among 20 open chats, opening and scrolling a 10k-message
// chat (virtualized), and messages arriving into it. Prints medians, p95 and maxima.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../../..');
const rendererDir = join(repo, 'dist/renderer');
const CHATS = 20;
const BIG_CHAT = 10_000;

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

async function ensureBuilt(): Promise<void> {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  await new Promise<void>((ok, fail) => {
    const p = spawn(process.execPath, ['scripts/build.mjs', 'renderer'], { cwd: repo, stdio: 'inherit' });
    p.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`renderer build exited ${code}`))));
  });
}

async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(rendererDir, `.${path}`);
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return void res.writeHead(404).end();
    if (path === '/' || !existsSync(file)) file = join(rendererDir, 'index.html');
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/` };
}

type Stats = { n: number; median: number; p95: number; max: number };
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}
const fmt = (label: string, st: Stats) =>
  `  ${label.padEnd(44)} n=${String(st.n).padStart(4)}  median ${st.median.toFixed(1).padStart(6)} ms  p95 ${st.p95.toFixed(1).padStart(6)} ms  max ${st.max.toFixed(1).padStart(6)} ms`;

// In-page helpers (string, because this file is typechecked without DOM types): wait for painted frames.
const PAGE_HELPERS = `
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const painted = async () => { await raf(); await raf(); };
  const paneId = () => document.querySelector('[data-testid="chat-pane"]')?.getAttribute('data-conversation');
  const rows = () => document.querySelectorAll('[data-testid="transcript"] [data-index]').length;
  const until = async (check) => { for (let i = 0; i < 600 && !check(); i++) await raf(); };
  const key = (k, code) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, code, altKey: true, bubbles: true }));
`;

async function inPage<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(async () => { ${PAGE_HELPERS} ${body} })()`) as Promise<T>;
}

export async function runRendererBench(): Promise<void> {
  const started = Date.now();
  await ensureBuilt();
  const { server, url } = await serveRenderer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript({ content: `window.__benchConfig = ${JSON.stringify({ chats: CHATS, bigChat: BIG_CHAT, smallChat: 60 })};` });
    await page.addInitScript({ path: join(here, 'fake-console.js') });
    const t0 = Date.now();
    await page.goto(url);
    await page.getByTestId('my-load').waitFor();
    const startup = Date.now() - t0;
    await page.keyboard.press('Alt+KeyH');
    await page.getByTestId('chat-tab').nth(CHATS - 1).waitFor();
    await page.getByTestId('transcript').locator('[data-index]').first().waitFor();

    // The floor every figure below includes: two painted frames with no work in between.
    const floor = await inPage<number[]>(
      page,
      `const out = [];
       for (let i = 0; i < 30; i++) { const t = performance.now(); await painted(); out.push(performance.now() - t); }
       return out;`,
    );

    // Switching: Alt+↓ through all 20 open chats, three rounds; each sample ends when the new pane has painted.
    const switches = await inPage<number[]>(
      page,
      `const out = [];
       for (let i = 0; i < ${CHATS * 3}; i++) {
         const before = paneId();
         const t = performance.now();
         key('ArrowDown', 'ArrowDown');
         await until(() => paneId() !== before && rows() > 0);
         await painted();
         out.push(performance.now() - t);
       }
       return out;`,
    );

    // Opening the 10k chat from a small one (Alt+1 = first tab = the big chat; Alt+2 a small one).
    const openBig = await inPage<{ times: number[]; domRows: number }>(
      page,
      `const big = window.__fake.convId(1);
       const times = [];
       for (let i = 0; i < 8; i++) {
         key('2', 'Digit2');
         await until(() => paneId() !== big && rows() > 0);
         await painted();
         const t = performance.now();
         key('1', 'Digit1');
         await until(() => paneId() === big && rows() > 0);
         await painted();
         times.push(performance.now() - t);
       }
       return { times, domRows: rows() };`,
    );

    // Kept for a look: the 10k chat as opened (test-artifacts is git-ignored).
    await page.screenshot({ path: join(repo, 'test-artifacts/console/bench-10k-chat.png') });

    // Scrolling the 10k transcript from bottom to top in 60 jumps, then back down in 60.
    const scroll = await inPage<number[]>(
      page,
      `const el = document.querySelector('[data-testid="transcript"]');
       const out = [];
       const steps = 60;
       for (let dir of [-1, 1]) {
         for (let i = 0; i < steps; i++) {
           const t = performance.now();
           const frac = dir < 0 ? 1 - (i + 1) / steps : (i + 1) / steps;
           el.scrollTop = frac * (el.scrollHeight - el.clientHeight);
           await painted();
           out.push(performance.now() - t);
         }
       }
       return out;`,
    );

    // Messages arriving into the open 10k chat while the reader is at the bottom.
    const arrive = await inPage<number[]>(
      page,
      `const el = document.querySelector('[data-testid="transcript"]');
       el.scrollTop = el.scrollHeight;
       await painted();
       const out = [];
       for (let i = 0; i < 100; i++) {
         const text = 'bench arrival ' + i;
         const t = performance.now();
         window.__fake.append(0, text);
         await until(() => el.textContent.includes(text));
         await painted();
         out.push(performance.now() - t);
       }
       return out;`,
    );

    console.log(`renderer bench (chromium, built renderer, fake ConsoleApi; ${CHATS} open chats, one with ${BIG_CHAT.toLocaleString('en')} messages)`);
    console.log(`  startup to signed-in shell                   ${startup} ms`);
    console.log(fmt('floor: two idle frames', stats(floor)));
    console.log(fmt('switch chat (Alt+↓, to painted pane)', stats(switches)));
    console.log(fmt(`open the ${BIG_CHAT / 1000}k-message chat (to painted)`, stats(openBig.times)));
    console.log(`  transcript rows in the DOM for ${BIG_CHAT} messages   ${openBig.domRows}`);
    console.log(fmt('scroll jump in the 10k chat (to painted)', stats(scroll)));
    console.log(fmt('message arrival in the 10k chat (to painted)', stats(arrive)));
    console.log(`  renderer bench took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    server.close();
  }
}

// Run directly: `npx tsx tests/bench/renderer/index.ts`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runRendererBench();
}
