// Console benchmark: initial sync of a large history from a real server into the SQLite cache (vs a raw bulk
// insert into the same schema, measured in the same run), then FTS search latency vs a LIKE scan.
// Scale with BENCH_MESSAGES (default 1,000,000) and BENCH_TICKETS (default messages / 10).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { startServer, type TestServer, type TestSpecialist } from '../../support/start-server';
import { openCache, type Cache } from '../../../src-main/core/cache/open-cache';
import { createConsoleService } from '../../../src-main/core/console-service';
import { createMemorySettingsStore, defaultSettings } from '../../../src-main/core/settings';
import type { Conversation } from '../../../src-shared/conversation';
import type { Message } from '../../../src-shared/message';
import type { Ticket } from '../../../src-shared/ticket';
import { runHistoryBench } from './history';

const WORDS = (
  'stream video audio login password screen black buffering event ticket invoice report print media ' +
  'export upload browser chrome firefox safari mobile tablet network latency error timeout refresh cache ' +
  'account profile billing payment campaign schedule booking placement creative banner proof deadline ' +
  'approval contract budget spot radio outdoor interactive analytics dashboard widget integration api'
).split(' ');
const RARE = Array.from({ length: 500 }, (_, i) => `zq${i.toString(36)}x`);

/** Deterministic pseudo-random numbers, so every run benchmarks the same text. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Dataset {
  conversations: Conversation[];
  messages: Message[];
  tickets: Ticket[];
}

function generate(messageCount: number, ticketCount: number, specialistId: string): Dataset {
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    if (rnd() < 0.05) words[Math.floor(rnd() * n)] = pick(RARE);
    return words.join(' ');
  };
  const perConversation = 20;
  const conversationCount = Math.max(1, Math.ceil(messageCount / perConversation));
  const base = Date.UTC(2026, 0, 1);
  const conversations: Conversation[] = Array.from({ length: conversationCount }, (_, i) => ({
    id: randomUUID(),
    departmentId: 'technical',
    visitorEmail: `visitor${i}@example.com`,
    question: sentence(8),
    context: {},
    state: 'ended',
    specialist: { id: specialistId, displayName: 'Bench' },
    ticketId: (i % Math.max(1, ticketCount)) + 1,
    queuedAt: base + i * 1000,
    assignedAt: base + i * 1000 + 10,
    firstResponseAt: base + i * 1000 + 20,
    endedAt: base + i * 1000 + 900,
    endReason: 'specialist',
    lastSeq: perConversation,
  }));
  const messages: Message[] = Array.from({ length: messageCount }, (_, i) => {
    const c = conversations[Math.floor(i / perConversation)] as Conversation;
    const visitor = i % 2 === 0;
    return {
      id: randomUUID(),
      clientId: randomUUID(),
      conversationId: c.id,
      seq: (i % perConversation) + 1,
      authorKind: visitor ? 'visitor' : 'specialist',
      authorId: visitor ? null : specialistId,
      authorName: visitor ? 'Visitor' : 'Bench',
      body: sentence(6 + Math.floor(rnd() * 14)),
      attachments: [],
      internal: false,
      createdAt: c.queuedAt + (i % perConversation) * 30,
    };
  });
  const tickets: Ticket[] = Array.from({ length: ticketCount }, (_, i) => ({
    id: i + 1,
    subject: sentence(5),
    status: pick(['open', 'awaiting_reply', 'solved', 'closed'] as const),
    channel: 'chat',
    departmentId: 'technical',
    requesterEmail: `visitor${i}@example.com`,
    ccs: [],
    context: {},
    category: null,
    product: null,
    resolution: null,
    assigneeId: specialistId,
    conversationId: conversations[i % conversationCount]?.id ?? null,
    followUpOf: null,
    escalation: null,
    workaround: null,
    rcaNote: null,
    createdAt: base + i * 500,
    updatedAt: base + i * 500,
    solvedAt: null,
    closedAt: null,
  }));
  return { conversations, messages, tickets };
}

/** Writes the history straight into the server's event log (the server is stopped meanwhile). */
function seedServerEvents(dbFile: string, data: Dataset): number {
  const db = new Database(dbFile);
  const insert = db.prepare(
    'INSERT INTO events (at, type, payload_json, conversation_id, department_id, specialist_id, visitor_visible) VALUES (?, ?, ?, ?, ?, ?, 0)',
  );
  let n = 0;
  db.transaction(() => {
    for (const t of data.tickets) {
      insert.run(t.createdAt, 'ticket.updated', JSON.stringify(t), t.conversationId, t.departmentId, null);
      n++;
    }
    let m = 0;
    for (const c of data.conversations) {
      insert.run(c.queuedAt, 'conversation.updated', JSON.stringify(c), c.id, c.departmentId, null);
      n++;
      for (; m < data.messages.length && data.messages[m]?.conversationId === c.id; m++) {
        const msg = data.messages[m] as Message;
        insert.run(msg.createdAt, 'message.created', JSON.stringify(msg), c.id, c.departmentId, null);
        n++;
      }
    }
  })();
  db.close();
  return n;
}

export interface SeededServer {
  server: TestServer;
  /** The lead who owns every seeded chat and ticket (sign in as them). */
  who: TestSpecialist;
  data: Dataset;
  events: number;
}

/**
 * A real support server on `serverDir` (SQLite) whose event log holds `messageCount` messages in chats of 20
 * and `ticketCount` tickets, all of one seeded lead; prints how long the seeding took.
 */
export async function startSeededServer(serverDir: string, messageCount: number, ticketCount: number): Promise<SeededServer> {
  let server = await startServer({ dataDir: serverDir });
  const who = await server.createSpecialist({ role: 'lead', displayName: 'Bench' });
  await server.stop();
  const data = generate(messageCount, ticketCount, who.specialist.id);
  const t0 = performance.now();
  const events = seedServerEvents(join(serverDir, 'switchboard.db'), data);
  console.log(`  seeded ${fmt(events)} events into the server log in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  server = await startServer({ dataDir: serverDir });
  return { server, who, data, events };
}

/** Baseline: the same rows inserted with plain SQL into a fresh cache (messages + FTS, tickets + FTS). */
function rawBulkInsert(cache: Cache, data: Dataset): number {
  const started = performance.now();
  const msg = cache.db.prepare(
    'INSERT INTO messages (id, client_id, conversation_id, seq, author_kind, author_id, author_name, body, internal, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)',
  );
  const fts = cache.db.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)');
  const batch = 5000;
  for (let i = 0; i < data.messages.length; i += batch) {
    cache.transaction(() => {
      for (const m of data.messages.slice(i, i + batch)) {
        const info = msg.run(m.id, m.clientId, m.conversationId, m.seq, m.authorKind, m.authorId, m.authorName, m.body, m.createdAt);
        fts.run(info.lastInsertRowid, m.body);
      }
    });
  }
  for (let i = 0; i < data.tickets.length; i += batch) {
    cache.transaction(() => {
      for (const t of data.tickets.slice(i, i + batch)) cache.tickets.upsert(t, true);
    });
  }
  return (performance.now() - started) / 1000;
}

export async function runConsoleBench(): Promise<void> {
  const messageCount = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
  const ticketCount = Number(process.env.BENCH_TICKETS ?? Math.round(messageCount / 10));
  console.log(`console bench: ${fmt(messageCount)} messages, ${fmt(ticketCount)} tickets (BENCH_MESSAGES / BENCH_TICKETS)`);
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-'));
  const log = pino({ level: 'silent' });
  try {
    const serverDir = join(dir, 'server');
    mkdirSync(serverDir);
    const { server, who, data } = await startSeededServer(serverDir, messageCount, ticketCount);

    // 1. Initial sync through the real server, socket.io and the sync engine.
    const cache = openCache(join(dir, 'sync.db'));
    const service = createConsoleService({ cache, settings: createMemorySettingsStore(defaultSettings(server.url)), log, clock: server.clock, requestTimeoutMs: 120_000 });
    const done = new Promise<void>((resolve) => service.on('syncProgress', (p) => p.phase === 'done' && resolve()));
    const s0 = performance.now();
    const login = await service.login({ serverUrl: server.url, email: who.email, password: who.password });
    if (!login.ok) throw new Error(login.error.message);
    await done;
    const syncSeconds = (performance.now() - s0) / 1000;
    service.close();
    const rows = messageCount + ticketCount;
    const synced = cache.db.prepare('SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM tickets)').pluck().get() as number;
    await server.stop();

    // 2. Raw bulk insert of the same rows into the same schema.
    const raw = openCache(join(dir, 'raw.db'));
    const rawSeconds = rawBulkInsert(raw, data);
    raw.close();
    console.log(`  initial sync from the server: ${fmt(synced)} rows in ${syncSeconds.toFixed(1)} s = ${fmt(rows / syncSeconds)} rows/s`);
    console.log(`  raw bulk insert baseline:     ${fmt(rows)} rows in ${rawSeconds.toFixed(1)} s = ${fmt(rows / rawSeconds)} rows/s (sync = ${(rawSeconds / syncSeconds).toFixed(2)}x of raw)`);

    // 3. Search: FTS (ranked within the newest 5,000 matches) vs a LIKE scan, same queries, by kind of query.
    const rnd = prng(7);
    const word = () => WORDS[Math.floor(rnd() * WORDS.length)] as string;
    const groups: [string, string[]][] = [
      ['rare word', Array.from({ length: 60 }, () => RARE[Math.floor(rnd() * RARE.length)] as string)],
      ['common word', Array.from({ length: 60 }, word)],
      ['two words', Array.from({ length: 60 }, () => `${word()} ${word()}`)],
    ];
    const like = cache.db.prepare(`SELECT rowid, body FROM messages WHERE body LIKE ? ORDER BY rowid DESC LIMIT 20`);
    const likeTickets = cache.db.prepare(`SELECT id, subject FROM tickets WHERE subject LIKE ? OR requester_email LIKE ? ORDER BY id DESC LIMIT 20`);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const all = { fts: [] as number[], like: [] as number[] };
    for (const [name, queries] of groups) {
      const ftsTimes: number[] = [];
      const likeTimes: number[] = [];
      for (const q of queries) {
        let t = performance.now();
        cache.search.search(q, 20);
        ftsTimes.push(performance.now() - t);
        t = performance.now();
        const pattern = `%${q.split(' ').join('%')}%`;
        like.all(pattern);
        likeTickets.all(pattern, pattern);
        likeTimes.push(performance.now() - t);
      }
      all.fts.push(...ftsTimes);
      all.like.push(...likeTimes);
      console.log(
        `  search, ${name.padEnd(11)} FTS p50 ${ms(percentile(ftsTimes, 50))} p95 ${ms(percentile(ftsTimes, 95))} | LIKE p50 ${ms(percentile(likeTimes, 50))} p95 ${ms(percentile(likeTimes, 95))}`,
      );
    }
    console.log(
      `  search, all ${all.fts.length} queries: FTS p50 ${ms(percentile(all.fts, 50))} p95 ${ms(percentile(all.fts, 95))} | LIKE p50 ${ms(percentile(all.like, 50))} p95 ${ms(percentile(all.like, 95))}`,
    );
    cache.close();
    await runHistoryBench();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
