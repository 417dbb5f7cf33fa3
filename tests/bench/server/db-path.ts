// Focused bench of the chat message's database path: dedupe lookup, seq reservation, message insert and event append,
// committed in batches the size group commit reaches under load. `npx tsx tests/bench/server/db-path.ts [schemaVersion]`
// (default: latest) compares a schema change with the version before it; CPU includes the checkpointer thread.
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openSqlite } from '../../../src-server/db/connection';
import { migrate, LATEST_VERSION } from '../../../src-server/db/migrations';
import { appendEvent } from '../../../src-server/db/events';
import { findMessageByClientId, insertMessage, reserveSeqIfOpen } from '../../../src-server/db/messages';
import { WriteQueue } from '../../../src-server/db/write-queue';
import type { Kysely } from 'kysely';
import type { Db } from '../../../src-server/db/schema';

const CONVERSATIONS = 100;
/** Messages per commit: what the server bench measured group commit reaching (~88). */
const BATCH = 88;
const WARMUP = 20_000;
const MEASURED = 60_000;

const version = Number(process.argv[2] ?? LATEST_VERSION);
const dir = await mkdtemp(join(tmpdir(), 'switchboard-dbpath-'));
const handle = openSqlite(join(dir, 'switchboard.db'));
await migrate(handle.db, 'sqlite', 0, version);
const raw = handle.db;
const conversations: { id: string; dept: string }[] = [];
for (let i = 0; i < CONVERSATIONS; i++) {
  const dept = `d${i}`;
  await raw.insertInto('departments').values({ id: dept, name: dept, description: '', schedule_json: '{}', routing: 'auto', product: null, position: i }).execute();
  const id = randomUUID();
  await (raw as unknown as Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('conversations')
    .values({ id, client_id: randomUUID(), department_id: dept, visitor_email: 'v@x.co', question: 'q', context_json: '{}', state: 'assigned', visitor_token_hash: randomUUID(), queued_at: 0, last_activity_at: 0 })
    .execute();
  conversations.push({ id, dept });
}

async function send(trx: Db, n: number): Promise<void> {
  const c = conversations[n % CONVERSATIONS]!;
  const clientId = randomUUID();
  if (await findMessageByClientId(trx, c.id, clientId)) throw new Error('unexpected duplicate');
  const open = await reserveSeqIfOpen(trx, c.id, n);
  if (!open) throw new Error('conversation not open');
  const message = { id: randomUUID(), clientId, conversationId: c.id, seq: open.seq, authorKind: 'visitor' as const, authorId: null, authorName: 'V', body: 'hello there, a typical short chat line', attachments: [], internal: false, createdAt: n };
  await insertMessage(trx, message);
  await appendEvent(trx, 'message.created', message, n, { conversationId: c.id, departmentId: open.departmentId, specialistId: open.specialistId, visitorVisible: true });
}

const writes = new WriteQueue(handle.db, true);
const walFile = join(dir, 'switchboard.db-wal');
let maxWal = 0;

async function run(count: number, from: number): Promise<void> {
  for (let n = from; n < from + count; n += BATCH) {
    maxWal = Math.max(maxWal, statSync(walFile, { throwIfNoEntry: false })?.size ?? 0);
    // Through the server's write queue: it commits one turn's jobs together and gives way to the checkpointer.
    const jobs: Promise<void>[] = [];
    for (let k = n; k < Math.min(n + BATCH, from + count); k++) jobs.push(writes.run((trx) => send(trx, k)));
    await Promise.all(jobs);
  }
}

await run(WARMUP, 0);
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await run(MEASURED, WARMUP);
// The checkpointer's share belongs to these messages too: stop it inside the measured window (process CPU counts its thread).
loopDelay.disable();
await handle.close();
const cpu = process.cpuUsage(cpu0);
const ms = performance.now() - t0;
console.log(`db path (schema v${version}): ${(((cpu.user + cpu.system) / MEASURED)).toFixed(1)} µs CPU/msg, ${((MEASURED / ms) * 1000).toFixed(0)} msgs/s, WAL peak ${(maxWal / 1048576).toFixed(1)} MB, event-loop delay max ${(loopDelay.max / 1e6).toFixed(0)} ms`);
await rm(dir, { recursive: true, force: true });
