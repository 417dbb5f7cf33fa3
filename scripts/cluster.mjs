// `npm run cluster`: the scale-out setup on one machine, from Debian's binaries, on loopback only —
// PostgreSQL, Redis, three support-server nodes and HAProxy in front of them (deploy/haproxy.cfg), plus the
// console in browser mode signed in through the balancer. Data lives in data/cluster/ and survives restarts.
// Ctrl+C stops everything. Ports: balancer 4080 (CLUSTER_PORT), nodes 4081–4083, PostgreSQL 5433, Redis 6380.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root } from './electron-binary.mjs';
import { buildIfStale } from './build-if-stale.mjs';

const base = Number(process.env.CLUSTER_PORT ?? 4080);
const ports = { lb: base, nodes: [base + 1, base + 2, base + 3], pg: 5433, redis: 6380 };
const dataDir = join(root, 'data/cluster');
const asRoot = userInfo().uid === 0;

/** The newest PostgreSQL's binaries (Debian layout), or null. */
function pgBin() {
  const dir = '/usr/lib/postgresql';
  if (!existsSync(dir)) return null;
  const majors = readdirSync(dir).filter((d) => /^\d+$/.test(d) && existsSync(join(dir, d, 'bin/initdb')));
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(dir, newest, 'bin') : null;
}
const which = (name, paths) => paths.find((p) => existsSync(p)) ?? null;
const binaries = {
  postgres: pgBin(),
  redis: which('redis-server', ['/usr/bin/redis-server', '/usr/local/bin/redis-server']),
  haproxy: which('haproxy', ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy']),
};
const missing = [binaries.postgres ? null : 'postgresql', binaries.redis ? null : 'redis-server', binaries.haproxy ? null : 'haproxy'].filter(Boolean);
if (missing.length) {
  console.error(`cluster: needs ${missing.join(', ')} (Debian: sudo apt-get install ${missing.join(' ')}); nothing was started.`);
  process.exit(1);
}

buildIfStale(['dist/server/main.js', 'dist/main/host/main.js'], 'cluster');
mkdirSync(dataDir, { recursive: true });
const secretFile = join(dataDir, 'secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const secret = readFileSync(secretFile, 'utf8').trim();

const children = [];
let stopping = false;
/** Runs a long-lived child whose output lines are prefixed with its name. */
function run(name, cmd, args, env = {}, onLine = (l) => console.log(`[${name}] ${l}`)) {
  // Own process groups: Ctrl+C reaches this script only, which stops the parts in order (nodes drain while
  // PostgreSQL and Redis are still up).
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', onLine);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`cluster: ${name} exited (${signal ?? code}); stopping everything.`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
}

/** PostgreSQL runs as the postgres user when we are root (initdb refuses root). */
function asPostgres(bin, args) {
  const full = join(binaries.postgres, bin);
  return asRoot ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
}
const pgData = join(dataDir, 'postgres');
const pgSocketDir = join(dataDir, 'pg-socket');
function startPostgres() {
  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    console.log('cluster: creating the PostgreSQL cluster (first run)…');
    mkdirSync(pgData, { recursive: true });
    if (asRoot) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
      chownSync(pgData, uid, gid);
    }
    const [cmd, args] = asPostgres('initdb', ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) process.exit(1);
  }
  mkdirSync(pgSocketDir, { recursive: true });
  if (asRoot) spawnSync('chown', ['postgres', pgSocketDir]);
  const [cmd, args] = asPostgres('postgres', ['-D', pgData, '-p', String(ports.pg), '-k', pgSocketDir, '-c', 'listen_addresses=127.0.0.1']);
  run('postgres', cmd, args);
}

async function waitFor(what, check, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (stopping) await new Promise(() => undefined); // shutting down: this start-up step is over
    if (await check().catch(() => false)) return;
    if (Date.now() > until) {
      console.error(`cluster: ${what} did not come up in ${timeoutMs / 1000} s; stopping.`);
      void shutdown(1);
      continue;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
const ready = async (port) => (await fetch(`http://127.0.0.1:${port}/ready`)).ok;
const pgReady = async () => spawnSync(join(binaries.postgres, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(ports.pg), '-U', 'postgres']).status === 0;
const redisReady = async () => spawnSync('redis-cli', ['-p', String(ports.redis), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';

startPostgres();
await waitFor('PostgreSQL', pgReady);
run('redis', binaries.redis, ['--port', String(ports.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
await waitFor('Redis', redisReady, 10_000);

const nodeEnv = (port) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: `postgres://postgres@127.0.0.1:${ports.pg}/postgres`,
  REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
  SECRET: secret,
  // Uploads and the .eml outbox are shared by the nodes of this machine (several machines need shared storage).
  DATA_DIR: join(dataDir, 'shared'),
  PUBLIC_URL: `http://127.0.0.1:${ports.lb}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // HAProxy on loopback forwards the client address (X-Forwarded-For); budgets count that, not the balancer.
  TRUST_PROXY: '127.0.0.1',
});
// The first node migrates and seeds the demo accounts; the others then start together.
ports.nodes.forEach((port, i) => {
  if (i === 0) run(`node${i + 1}`, process.execPath, [join(root, 'dist/server/main.js')], nodeEnv(port));
});
await waitFor('node1', () => ready(ports.nodes[0]), 60_000);
ports.nodes.slice(1).forEach((port, i) => run(`node${i + 2}`, process.execPath, [join(root, 'dist/server/main.js')], nodeEnv(port)));
await Promise.all(ports.nodes.slice(1).map((port, i) => waitFor(`node${i + 2}`, () => ready(port), 60_000)));

run('haproxy', binaries.haproxy, ['-db', '-f', join(root, 'deploy/haproxy.cfg')], {
  SWITCHBOARD_LB_BIND: `127.0.0.1:${ports.lb}`,
  ...Object.fromEntries(ports.nodes.map((p, i) => [`SWITCHBOARD_NODE${i + 1}`, `127.0.0.1:${p}`])),
});
await waitFor('HAProxy', () => ready(ports.lb), 15_000);

const lbUrl = `http://127.0.0.1:${ports.lb}`;
run('console', process.execPath, [join(root, 'dist/main/host/main.js')], { SWITCHBOARD_SERVER_URL: lbUrl, SWITCHBOARD_CONSOLE_DATA: join(dataDir, 'console') }, (line) => {
  let url = null;
  try {
    url = JSON.parse(line).consoleUrl ?? null;
  } catch {
    // a log line
  }
  console.log(url ? `\nConsole (browser mode, talking to the balancer): ${url}\n` : `[console] ${line}`);
});
console.log(
  `\nSwitchboard cluster: PostgreSQL :${ports.pg}, Redis :${ports.redis}, nodes :${ports.nodes.join(', :')} behind HAProxy at ${lbUrl}\n` +
    `Customer page: ${lbUrl}/support   (the demo passwords were printed by node1 on its first start)\n` +
    'Stop a node to watch its clients move:  kill <pid> (drains) or kill -9 <pid>; the balancer routes around it.\n' +
    `Node pids: ${children.filter((c) => c.name.startsWith('node')).map((c) => `${c.name}=${c.child.pid}`).join(' ')}   Ctrl+C stops everything.\n`,
);

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  // Balancer and console first, then the nodes (they drain), then the stores.
  for (const group of [['haproxy', 'console'], ['node1', 'node2', 'node3'], ['redis', 'postgres']]) {
    const alive = children.filter((c) => group.includes(c.name) && c.child.exitCode === null && c.child.signalCode === null);
    await Promise.all(
      alive.map(
        (c) =>
          new Promise((resolve) => {
            // The whole process group: runuser does not pass signals on to PostgreSQL.
            const signal = (sig) => {
              try {
                process.kill(-c.child.pid, sig);
              } catch {
                // already gone
              }
            };
            const kill = setTimeout(() => signal('SIGKILL'), 15_000);
            c.child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            signal(c.name === 'postgres' ? 'SIGINT' : 'SIGTERM');
          }),
      ),
    );
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
