// Server benchmark: N visitor/specialist pairs through the full path (group commit on and off) vs a bare socket.io relay,
// measured in the same run; then RSS per idle visitor connection. Servers run in their own processes, clients here.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';

const PAIRS = 100;
const RUN_MS = 6000;
/** Offered load of the open-loop phase (DESIGN.md §5 measured its baseline at 2,000 msg/s). */
const OFFERED_PER_SEC = 2000;
const IDLE_SOCKETS = 5000;

type Ready = { type: 'ready'; port: number; tokens?: string[]; departments?: string[] };

/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there (open it in Chrome DevTools). */
const cpuProfDir = process.env.BENCH_CPU_PROF;

function start(file: string, args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  const execArgv = ['--import', 'tsx', '--expose-gc', ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [])];
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: Ready) => {
      if (m.type === 'ready') resolve({ child, ready: m });
    });
  });
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type === type) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send({ type });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ type: 'stop' });
  });
}

function connect(url: string, auth: Record<string, string> = {}): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

interface Stats {
  label: string;
  msgsPerSec: number;
  p50: number;
  p99: number;
  /** Server process CPU (user + system) per delivered message. */
  cpuPerMsgMicros: number;
}

function summarise(label: string, latencies: number[], ms: number, cpuMicros: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { label, msgsPerSec: (latencies.length / ms) * 1000, p50: q(0.5), p99: q(0.99), cpuPerMsgMicros: cpuMicros / Math.max(1, latencies.length) };
}

/** Runs one loop and measures the server process's CPU time over it. */
async function measured(child: ChildProcess, label: string, pairs: Pair[], offered: number | null): Promise<Stats> {
  const before = await ask<{ micros: number }>(child, 'cpu');
  const latencies = await loop(pairs, offered);
  const after = await ask<{ micros: number }>(child, 'cpu');
  return summarise(label, latencies, RUN_MS, after.micros - before.micros);
}

type Pair = { send: () => void; onReceive: (fn: (sentAt: number) => void) => void };

/**
 * Closed loop (offered = null): each pair keeps one message in flight, sending the next as soon as its specialist
 * received the last — measures capacity. Open loop: every pair sends on a fixed timer so the total offered rate
 * is `offered` msg/s — measures latency at a given load.
 */
async function loop(pairs: Pair[], offered: number | null): Promise<number[]> {
  const latencies: number[] = [];
  let running = true;
  const timers: NodeJS.Timeout[] = [];
  for (const p of pairs) {
    p.onReceive((sentAt) => {
      if (!running) return;
      latencies.push(performance.now() - sentAt);
      if (offered === null) p.send();
    });
  }
  if (offered === null) for (const p of pairs) p.send();
  else {
    const every = (1000 * pairs.length) / offered;
    for (const p of pairs) {
      // Spread the pairs' phases so the load is smooth, not a burst every `every` ms.
      const start = setTimeout(() => timers.push(setInterval(p.send, every)), Math.random() * every);
      timers.push(start);
    }
  }
  await new Promise((r) => setTimeout(r, RUN_MS));
  running = false;
  for (const t of timers) clearInterval(t);
  await new Promise((r) => setTimeout(r, 300));
  return latencies;
}

async function benchRelay(): Promise<Stats[]> {
  const { child, ready } = await start('./relay-server.ts', []);
  const url = `http://127.0.0.1:${ready.port}`;
  const sockets: Socket[] = [];
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    const visitor = await connect(url);
    const agent = await connect(url);
    agent.emit('join', `agent-${i}`);
    sockets.push(visitor, agent);
    pairs.push({
      send: () => visitor.emit('msg', { to: `agent-${i}`, body: String(performance.now()) }, () => undefined),
      onReceive: (fn: (t: number) => void) => agent.on('msg', (m: { body: string }) => fn(Number(m.body))),
    });
  }
  await new Promise((r) => setTimeout(r, 200));
  const closed = await measured(child, 'bare socket.io relay', pairs, null);
  const open = await measured(child, `bare relay @ ${OFFERED_PER_SEC}/s offered`, pairs, OFFERED_PER_SEC);
  for (const s of sockets) s.disconnect();
  await stop(child);
  return [closed, open];
}

async function benchApp(groupCommit: boolean, alsoOpen: boolean): Promise<Stats[]> {
  const { child, ready } = await start('./app-server.ts', [String(PAIRS), String(groupCommit)]);
  const base = `http://127.0.0.1:${ready.port}`;
  const sockets: Socket[] = [];
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    const agent = await connect(`${base}/agent`, { token: ready.tokens?.[i] ?? '' });
    const visitor = await connect(`${base}/visitor`);
    sockets.push(agent, visitor);
    // Wait until the specialist is online before requesting, so the chat is assigned at once.
    await new Promise((r) => setTimeout(r, 5));
    const res = (await visitor.timeout(10_000).emitWithAck('chat:request', {
      clientId: randomUUID(),
      email: `v${i}@bench.local`,
      departmentId: ready.departments?.[i],
      question: 'bench',
    })) as { ok: boolean; error?: { message: string } };
    if (!res.ok) throw new Error(`chat:request failed: ${res.error?.message}`);
    pairs.push({
      send: () => visitor.emit('message:send', { clientId: randomUUID(), body: String(performance.now()) }, () => undefined),
      onReceive: (fn: (t: number) => void) =>
        agent.on('event', (e: { type: string; payload: { authorKind?: string; body?: string } }) => {
          if (e.type === 'message.created' && e.payload.authorKind === 'visitor' && e.payload.body !== 'bench') fn(Number(e.payload.body));
        }),
    });
  }
  await new Promise((r) => setTimeout(r, 300));
  const mode = groupCommit ? 'group commit' : 'commit per message';
  const out = [await measured(child, `full path, ${mode}`, pairs, null)];
  if (alsoOpen) out.push(await measured(child, `full path @ ${OFFERED_PER_SEC}/s offered`, pairs, OFFERED_PER_SEC));
  for (const s of sockets) s.disconnect();
  await stop(child);
  return out;
}

async function benchIdle(): Promise<{ rssPerSocket: number; heapPerSocket: number }> {
  const { child, ready } = await start('./app-server.ts', ['1', 'true']);
  const url = `http://127.0.0.1:${ready.port}/visitor`;
  const before = await ask<{ rss: number; heap: number }>(child, 'rss');
  const sockets: Socket[] = [];
  for (let i = 0; i < IDLE_SOCKETS; i += 250) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(250, IDLE_SOCKETS - i) }, () => connect(url)))));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const after = await ask<{ rss: number; heap: number }>(child, 'rss');
  for (const s of sockets) s.disconnect();
  await stop(child);
  return { rssPerSocket: (after.rss - before.rss) / IDLE_SOCKETS, heapPerSocket: (after.heap - before.heap) / IDLE_SOCKETS };
}

export async function runServerBench(): Promise<void> {
  console.log(`server bench: ${PAIRS} visitor/specialist pairs over loopback, ${RUN_MS / 1000} s per configuration;`);
  console.log(`capacity = closed loop (1 message in flight per pair); latency at load = open loop at ${OFFERED_PER_SEC} msg/s offered`);
  const [relay, relayOpen] = await benchRelay();
  const [group, groupOpen] = await benchApp(true, true);
  const [perMessage] = await benchApp(false, false);
  console.log('');
  console.log(`${'configuration'.padEnd(34)} ${'msgs/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'× relay'.padStart(8)} ${'srv CPU µs/msg'.padStart(15)}`);
  const row = (r: Stats | undefined, base: Stats | undefined) => {
    if (!r || !base) return;
    console.log(`${r.label.padEnd(34)} ${r.msgsPerSec.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${(r.msgsPerSec / base.msgsPerSec).toFixed(2).padStart(8)} ${r.cpuPerMsgMicros.toFixed(0).padStart(15)}`);
  };
  row(relay, relay);
  row(group, relay);
  row(perMessage, relay);
  row(relayOpen, relayOpen);
  row(groupOpen, relayOpen);
  const idle = await benchIdle();
  console.log('');
  console.log(`idle visitor sockets: ${IDLE_SOCKETS}; server RSS +${(idle.rssPerSocket / 1024).toFixed(1)} KB and heap +${(idle.heapPerSocket / 1024).toFixed(1)} KB per connection`);
}
