// Bench subject: the real support server in its own process, with N one-specialist departments so each pair is isolated.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../../src-server/config';
import { openSqlite } from '../../../src-server/db/connection';
import { createMailer } from '../../../src-server/email/mailer';
import { createApp } from '../../../src-server/app';
import { migrate } from '../../../src-server/db/migrations';
import { seedBenchPairs } from './bench-pairs';
import type { Clock } from '../../../src-server/clock';
import { systemClock } from '../../../src-server/clock';

const pairs = Number(process.argv[2] ?? '100');
const groupCommit = process.argv[3] !== 'false';

// Real time, shifted to a Wednesday 10:00 in New York so every department is open.
const offset = Date.UTC(2026, 10, 18, 15, 0) - Date.now();
const clock: Clock = { now: () => Date.now() + offset, setTimer: (ms, fn) => systemClock.setTimer(ms, fn) };

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
const loaded = loadConfig({
  PORT: '0',
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  GROUP_COMMIT: String(groupCommit),
  SECRET: 'b'.repeat(40),
  WIDGET_DIR: join(dir, 'none'),
  // Every bench visitor asks from loopback: the stranger budgets would refuse past the 60th.
  RATE_LIMIT_CHAT_REQUEST: 'ip=off,target=off,global=off',
});
if (!loaded.ok) throw new Error(loaded.message);
const db = openSqlite(join(dir, 'switchboard.db'));
// BENCH_SCHEMA_VERSION=<n> stops the migrations at n, to measure a schema change against the one before it.
await migrate(db.db, 'sqlite', clock.now(), process.env.BENCH_SCHEMA_VERSION ? Number(process.env.BENCH_SCHEMA_VERSION) : undefined);
const { tokens, departments } = await seedBenchPairs(db.db, pairs, {
  secret: 'b'.repeat(40),
  now: clock.now(),
  schedule: { zone: 'America/New_York', weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] },
});
const app = await createApp({ config: loaded.config, db, clock, mailer: createMailer({ smtpUrl: null, from: 'x <x@y.z>', dataDir: dir }), log: pino({ level: 'silent' }) });
const { port } = await app.start();
process.send?.({ type: 'ready', port, tokens, departments });
process.on('message', (m: { type: string }) => {
  if (m.type === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ type: 'cpu', micros: u.user + u.system });
  }
  if (m.type === 'rss') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ type: 'rss', rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
  }
  if (m.type === 'stop') void app.stop().then(() => rm(dir, { recursive: true, force: true })).then(() => process.exit(0));
});
