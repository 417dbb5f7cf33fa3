// Cluster bench (`npm run bench -- cluster`): chat messages through 1 node on SQLite (the baseline) and through
// 1, 2 and 3 nodes on PostgreSQL + Redis, measured in the same run. Nodes are real `node dist/server/main.js`
// processes; visitors and specialists connect to them directly, round-robin (no balancer: it only picks the node
// a socket lands on, and is not on the message path once the WebSocket is open). Server CPU is read from /proc
// for every node (and for PostgreSQL and Redis), and while each saturation run goes on the write lock of
// src-server/db/write-queue.ts is sampled from pg_locks / pg_stat_activity to see where the ceiling is.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { openPostgres, openSqlite, sqliteFile, type DbHandle } from '../../../src-server/db/connection';
import { migrate } from '../../../src-server/db/migrations';
import { seedBenchPairs } from '../server/bench-pairs';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { redisUnavailableReason, startRedis } from '../../support/redis';
import { findProcess, machineTicks, parentOf, processMicros, treeMicros } from './proc-cpu';
import { sampleWriteLock, type LockProfile } from './lock-sampler';

/** Divisible by 1, 2 and 3, so every node gets the same share of pairs. */
const PAIRS = Number(process.env.BENCH_CLUSTER_PAIRS ?? 90);
const RUN_MS = Number(process.env.BENCH_CLUSTER_MS ?? 6000);
/** Fixed offered load of the open-loop phase: below what every setup here sustains, so latencies compare. */
const OFFERED_PER_SEC = Number(process.env.BENCH_CLUSTER_OFFERED ?? 150);
const SECRET = 'cluster-bench-secret-0123456789abcdefghij';
const METRICS_TOKEN = 'cluster-bench-metrics-token-0123456789abcdef';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = join(ROOT, 'dist/server/main.js');
/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every node there (written when the node stops). */
const cpuProfDir = process.env.BENCH_CPU_PROF;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The nodes run the built server; build it when it is missing or older than its sources. */
function ensureServerBuilt(): void {
  const sources = Math.max(newestMtime(join(ROOT, 'src-server')), newestMtime(join(ROOT, 'src-shared')));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= sources) return;
  console.log('cluster bench: building dist/server/main.js…');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), 'server'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('server build failed');
}

// ---------- setup: seed, nodes, clients ----------

/** One-specialist departments (one per pair, open all week) and the specialists' access tokens. */
async function seed(db: DbHandle): Promise<{ tokens: string[]; departments: string[] }> {
  await migrate(db.db, db.dialect, Date.now());
  return seedBenchPairs(db.db, PAIRS, {
    secret: SECRET,
    now: Date.now(),
    schedule: { zone: 'UTC', weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] },
  });
}

interface Node {
  url: string;
  child: ChildProcess;
  pid: number;
  output(): string;
}

function startNode(env: Record<string, string>): Promise<Node> {
  const args = [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), MAIN];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SECRET, METRICS: 'on', METRICS_TOKEN, RATE_LIMIT_CHAT_REQUEST: 'ip=off,target=off,global=off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (d: Buffer) => (text = (text + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node did not start within 60 s:\n${text}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node exited (${code}) before it started:\n${text}`));
    });
    const onData = () => {
      const m = /Switchboard server on (http:\/\/\S+)/.exec(text);
      if (!m?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve({ url: m[1], child, pid: child.pid ?? 0, output: () => text });
    };
    child.stdout?.on('data', onData);
  });
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fetch(`${url}/ready`).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url}/ready never answered 200`);
}

async function stopNode(n: Node): Promise<void> {
  if (n.child.exitCode !== null || n.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => n.child.kill('SIGKILL'), 15_000);
    n.child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    // SIGINT stops at once (SIGTERM would drain for DRAIN_DELAY_MS first).
    n.child.kill('SIGINT');
  });
}

function connect(url: string, auth: Record<string, string> = {}): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

interface Pair {
  send(): void;
  /** Set per phase: called with the send time of each message the specialist receives. */
  onReceive: ((sentAt: number) => void) | null;
  /** Set per phase: called when the server refuses a send (rate limit), so a closed loop can resend. */
  onRefused: (() => void) | null;
}

interface Cluster {
  label: string;
  nodes: Node[];
  sockets: Socket[];
  pairs: Pair[];
  /** Same-node pairs (visitor and specialist on one node) vs pairs relayed through Redis. */
  crossNodePairs: number;
  /** For PostgreSQL setups: the database URL (lock sampling) and the pids of PostgreSQL and Redis. */
  pgUrl: string | null;
  postmasterPid: number | null;
  redisPid: number | null;
  stop(): Promise<void>;
}

async function startCluster(label: string, count: number, backend: { pg: TestPostgres; redisUrl: string; db: string } | null): Promise<Cluster> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-cluster-bench-'));
  let pgUrl: string | null = null;
  let postmasterPid: number | null = null;
  let redisPid: number | null = null;
  let handle: DbHandle;
  if (backend) {
    const admin = new pg.Client({ connectionString: backend.pg.url });
    await admin.connect();
    await admin.query(`create database ${backend.db}`);
    const { rows } = await admin.query<{ pid: number }>('select pg_backend_pid() as pid');
    postmasterPid = parentOf(rows[0]?.pid ?? 0) || null;
    await admin.end();
    pgUrl = backend.pg.url.replace(/\/postgres$/, `/${backend.db}`);
    redisPid = findProcess(['redis-server', `:${new URL(backend.redisUrl).port}`]);
    handle = openPostgres(pgUrl);
  } else {
    handle = openSqlite(sqliteFile(dataDir));
  }
  const { tokens, departments } = await seed(handle);
  await handle.close();

  const env: Record<string, string> = { DATA_DIR: dataDir, WIDGET_DIR: join(dataDir, 'no-widget'), ...(backend && pgUrl ? { DATABASE_URL: pgUrl, REDIS_URL: backend.redisUrl } : {}) };
  const nodes = await Promise.all(Array.from({ length: count }, () => startNode(env)));
  await Promise.all(nodes.map((n) => waitReady(n.url)));
  const sockets: Socket[] = [];
  const stop = async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(nodes.map(stopNode));
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // Specialists first, round-robin over the nodes; they come online (and take a presence lease) on connect.
    const agents: Socket[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const agent = await connect(`${nodes[i % count]!.url}/agent`, { token: tokens[i] ?? '' });
      sockets.push(agent);
      agents.push(agent);
    }
    await sleep(1000);
    // Visitors round-robin too, shifted by one node every `count` pairs: 1/count of the pairs share a node with
    // their specialist (delivered locally), the rest are relayed through Redis — as a balancer would spread them.
    const pairs: Pair[] = [];
    let crossNodePairs = 0;
    let unassigned = 0;
    for (let i = 0; i < PAIRS; i++) {
      const vNode = (i + Math.floor(i / count)) % count;
      if (vNode !== i % count) crossNodePairs++;
      const visitor = await connect(`${nodes[vNode]!.url}/visitor`);
      sockets.push(visitor);
      const res = (await visitor.timeout(10_000).emitWithAck('chat:request', {
        clientId: randomUUID(),
        email: `v${i}@bench.local`,
        departmentId: departments[i],
        question: 'bench',
      })) as { ok: boolean; value?: { conversation: { specialist: { id: string } | null } }; error?: { message: string } };
      if (!res.ok) throw new Error(`chat:request failed: ${res.error?.message}`);
      if (!res.value?.conversation.specialist) unassigned++;
      const pair: Pair = {
        send: () =>
          visitor.emit('message:send', { clientId: randomUUID(), body: String(performance.now()) }, (r: { ok: boolean }) => {
            if (!r.ok) pair.onRefused?.();
          }),
        onReceive: null,
        onRefused: null,
      };
      agents[i]!.on('event', (e: { type: string; payload: { authorKind?: string; body?: string } }) => {
        if (e.type === 'message.created' && e.payload.authorKind === 'visitor' && e.payload.body !== 'bench') pair.onReceive?.(Number(e.payload.body));
      });
      pairs.push(pair);
    }
    if (unassigned > 0) console.warn(`cluster bench: ${label}: ${unassigned} chats were not assigned at once (they are routed when the specialist shows up)`);
    await sleep(500);
    return { label, nodes, sockets, pairs, crossNodePairs, pgUrl, postmasterPid, redisPid, stop };
  } catch (e) {
    for (const n of nodes) console.error(`--- node ${n.url} output:\n${n.output().slice(-4000)}`);
    await stop();
    throw e;
  }
}

// ---------- one measured phase ----------

interface Cpu {
  nodes: number;
  postgres: number;
  redis: number;
  clients: number;
  machine: { busy: number; total: number };
}

function cpuNow(c: Cluster): Cpu {
  const self = process.cpuUsage();
  return {
    nodes: c.nodes.reduce((sum, n) => sum + processMicros(n.pid), 0),
    postgres: c.postmasterPid ? treeMicros(c.postmasterPid) : 0,
    redis: c.redisPid ? processMicros(c.redisPid) : 0,
    clients: self.user + self.system,
    machine: machineTicks(),
  };
}

interface Scrape {
  batches: number;
  jobs: number;
  txSeconds: number;
  loopLagP99: number;
}

/** The node's own figures: write transactions, jobs in them, begin→commit seconds (lock wait included), event-loop lag. */
async function scrape(n: Node): Promise<Scrape> {
  const text = await (await fetch(`${n.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const value = (re: RegExp) => text.split('\n').filter((l) => re.test(l)).reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
  return {
    batches: value(/^switchboard_write_batch_size_count\b/),
    jobs: value(/^switchboard_write_batch_size_sum\b/),
    txSeconds: value(/^switchboard_write_commit_seconds_sum\b/),
    loopLagP99: value(/^nodejs_eventloop_lag_p99_seconds\b/),
  };
}

interface Row {
  setup: string;
  load: string;
  nodes: number;
  msgsPerSec: number;
  p50: number;
  p99: number;
  nodeCpuPerMsg: number;
  storeCpuPerMsg: number;
  refused: number;
  profile: {
    txPerSec: number;
    jobsPerTx: number;
    txMs: number;
    maxLoopLagP99Ms: number;
    cores: { nodes: number; postgres: number; redis: number; clients: number };
    machineBusy: number;
    lock: LockProfile | null;
  };
}

/**
 * Closed loop (offered = null): every pair keeps one message in flight — capacity. Open loop: every pair sends
 * on a timer so the cluster is offered `offered` msg/s in total — latency at a fixed load.
 */
async function phase(c: Cluster, offered: number | null): Promise<Row> {
  const latencies: number[] = [];
  let running = true;
  let refused = 0;
  for (const p of c.pairs) {
    p.onReceive = (sentAt) => {
      if (!running) return;
      latencies.push(performance.now() - sentAt);
      if (offered === null) p.send();
    };
    p.onRefused = () => {
      refused++;
      if (running && offered === null) setTimeout(p.send, 10);
    };
  }
  const scrapesBefore = await Promise.all(c.nodes.map(scrape));
  const sampler = c.pgUrl ? await sampleWriteLock(c.pgUrl) : null;
  const timers: NodeJS.Timeout[] = [];
  const before = cpuNow(c);
  if (offered === null) for (const p of c.pairs) p.send();
  else {
    const every = (1000 * c.pairs.length) / offered;
    // Spread the pairs' phases so the load is smooth, not a burst every `every` ms.
    for (const p of c.pairs) timers.push(setTimeout(() => timers.push(setInterval(p.send, every)), Math.random() * every));
  }
  await sleep(RUN_MS);
  running = false;
  const after = cpuNow(c);
  for (const t of timers) clearInterval(t);
  const lock = sampler ? await sampler.stop() : null;
  const scrapesAfter = await Promise.all(c.nodes.map(scrape));
  // Let the messages still in flight land before the next phase.
  await sleep(500);

  const sorted = [...latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  const n = Math.max(1, latencies.length);
  const delta = (k: 'batches' | 'jobs' | 'txSeconds') => scrapesAfter.reduce((s, a, i) => s + a[k] - (scrapesBefore[i]?.[k] ?? 0), 0);
  const seconds = RUN_MS / 1000;
  const coreShare = (micros: number) => micros / 1e6 / seconds;
  return {
    setup: c.label,
    load: offered === null ? 'saturation' : `${offered}/s offered`,
    nodes: c.nodes.length,
    msgsPerSec: latencies.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
    nodeCpuPerMsg: (after.nodes - before.nodes) / n,
    storeCpuPerMsg: (after.postgres - before.postgres + after.redis - before.redis) / n,
    refused,
    profile: {
      txPerSec: delta('batches') / seconds,
      jobsPerTx: delta('jobs') / Math.max(1, delta('batches')),
      txMs: (1000 * delta('txSeconds')) / Math.max(1, delta('batches')),
      maxLoopLagP99Ms: 1000 * Math.max(...scrapesAfter.map((s) => s.loopLagP99)),
      cores: {
        nodes: coreShare(after.nodes - before.nodes),
        postgres: coreShare(after.postgres - before.postgres),
        redis: coreShare(after.redis - before.redis),
        clients: coreShare(after.clients - before.clients),
      },
      machineBusy: (after.machine.busy - before.machine.busy) / Math.max(1, after.machine.total - before.machine.total),
      lock,
    },
  };
}

// ---------- the part ----------

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function printTables(rows: Row[]): void {
  const base = (load: string) => rows.find((r) => r.setup.startsWith('1 node, SQLite') && r.load === load);
  console.log('');
  console.log(
    `${'setup'.padEnd(26)} ${'load'.padEnd(16)} ${'msgs/s'.padStart(7)} ${'× SQLite'.padStart(8)} ${'nodes CPU µs/msg'.padStart(16)} ${'PG+Redis µs/msg'.padStart(15)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`,
  );
  for (const load of [...new Set(rows.map((r) => r.load))]) {
    const b = base(load);
    for (const r of rows.filter((x) => x.load === load)) {
      console.log(
        `${r.setup.padEnd(26)} ${r.load.padEnd(16)} ${r.msgsPerSec.toFixed(0).padStart(7)} ${(b ? (r.msgsPerSec / b.msgsPerSec).toFixed(2) : '–').padStart(8)} ${r.nodeCpuPerMsg.toFixed(0).padStart(16)} ${(r.storeCpuPerMsg > 0 ? r.storeCpuPerMsg.toFixed(0) : '–').padStart(15)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)}${r.refused ? `  (${r.refused} sends rate-limited)` : ''}`,
      );
    }
  }
  console.log('');
  console.log('where the time goes at saturation (write transactions from each node\'s /metrics; the write lock sampled from pg_locks every ~5 ms;');
  console.log('CPU in cores of this 2-core machine from /proc; "machine" = all processes on it, other work included):');
  console.log(
    `${'setup'.padEnd(26)} ${'tx/s'.padStart(6)} ${'msgs/tx'.padStart(7)} ${'tx ms'.padStart(6)} ${'lock held'.padStart(9)} ${'lock ms/msg'.padStart(11)} ${'holder idle'.padStart(11)} ${'waiters'.padStart(7)} ${'PG RTT'.padStart(7)} ${'loop p99'.padStart(8)}  ${'cores: nodes  pg  redis clients machine'}`,
  );
  for (const r of rows.filter((x) => x.load === 'saturation')) {
    const p = r.profile;
    const l = p.lock;
    console.log(
      `${r.setup.padEnd(26)} ${p.txPerSec.toFixed(0).padStart(6)} ${p.jobsPerTx.toFixed(1).padStart(7)} ${p.txMs.toFixed(2).padStart(6)} ${(l ? pct(l.heldShare) : '–').padStart(9)} ${(l ? ((l.heldShare * RUN_MS) / Math.max(1, r.msgsPerSec * (RUN_MS / 1000))).toFixed(2) : '–').padStart(11)} ${(l ? pct(l.holderIdleShare) : '–').padStart(11)} ${(l ? l.meanWaiters.toFixed(2) : '–').padStart(7)} ${(l ? l.roundTripMs.toFixed(2) : '–').padStart(7)} ${(p.maxLoopLagP99Ms.toFixed(0) + ' ms').padStart(8)}  ${' '.repeat(7)}${p.cores.nodes.toFixed(2)} ${p.cores.postgres.toFixed(2)} ${p.cores.redis.toFixed(2)}  ${p.cores.clients.toFixed(2)}    ${pct(p.machineBusy)}`,
    );
  }
  console.log('');
  console.log('tx ms = begin → commit of one write transaction, waiting for the lock included; lock held = share of samples in which a');
  console.log('transaction held pg_advisory_xact_lock(4080001); holder idle = of those, the holder was "idle in transaction" (PostgreSQL');
  console.log('waiting for its node to send the next statement or COMMIT); lock ms/msg = lock-held time per delivered message, so');
  console.log('1000 / lock ms/msg is the most any number of nodes can deliver while every write takes that one lock; waiters = transactions');
  console.log('queued behind the holder (mean over samples); PG RTT = median time of one sampling query from the bench process.');
}

export async function runClusterBench(): Promise<void> {
  const reason = postgresUnavailableReason() ?? redisUnavailableReason();
  if (reason) {
    console.log(`cluster bench: skipped (${reason})`);
    return;
  }
  ensureServerBuilt();
  console.log(`cluster bench: ${PAIRS} visitor/specialist pairs over loopback, ${RUN_MS / 1000} s per phase; nodes are \`node dist/server/main.js\`;`);
  console.log(`clients connect to the nodes directly, round-robin (no balancer: it only chooses a socket's node, it is not on the message path);`);
  console.log(`saturation = closed loop (1 message in flight per pair); latency at load = open loop at ${OFFERED_PER_SEC} msg/s offered;`);
  console.log('latency = visitor sends → its specialist receives message.created (through Redis when they are on different nodes).');
  const [pgServer, redis] = await Promise.all([startPostgres(), startRedis()]);
  const rows: Row[] = [];
  try {
    const setups: { label: string; count: number; backend: { pg: TestPostgres; redisUrl: string; db: string } | null }[] = [
      { label: '1 node, SQLite', count: 1, backend: null },
      ...[1, 2, 3].map((count) => ({ label: `${count} node${count > 1 ? 's' : ''}, PostgreSQL+Redis`, count, backend: { pg: pgServer, redisUrl: redis.url, db: `bench_nodes_${count}` } })),
    ];
    for (const s of setups) {
      const started = Date.now();
      const cluster = await startCluster(s.label, s.count, s.backend);
      try {
        rows.push(await phase(cluster, null));
        rows.push(await phase(cluster, OFFERED_PER_SEC));
      } finally {
        await cluster.stop();
      }
      const cross = cluster.crossNodePairs ? `, ${cluster.crossNodePairs}/${PAIRS} pairs across nodes` : '';
      console.log(`cluster bench: ${s.label} measured in ${((Date.now() - started) / 1000).toFixed(1)} s${cross}`);
    }
  } finally {
    await redis.stop();
    await pgServer.stop();
  }
  printTables(rows);
  const sat = (label: string) => rows.find((r) => r.setup === label && r.load === 'saturation');
  const one = sat('1 node, PostgreSQL+Redis');
  if (one) {
    const ratios = [2, 3].map((n) => sat(`${n} nodes, PostgreSQL+Redis`)).filter((r): r is Row => Boolean(r)).map((r) => `${r.nodes} nodes ${(r.msgsPerSec / one.msgsPerSec).toFixed(2)}×`);
    console.log(`\nscaling at saturation against 1 node on PostgreSQL+Redis: ${ratios.join(', ')}`);
  }
}
