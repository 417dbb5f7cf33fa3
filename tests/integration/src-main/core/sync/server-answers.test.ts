// A server that answers with data its own contract does not allow (a bug, a half-finished deploy): the console core
// parses every answer with the shared schemas, reports the bad one and stores none of it. A stub server stands in
// for the real one, which never sends such answers.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { openCache, type Cache } from '../../../../../src-main/core/cache/open-cache';
import { createConsoleService } from '../../../../../src-main/core/console-service';
import { createMemorySettingsStore, defaultSettings } from '../../../../../src-main/core/settings';
import { AGENT_NAMESPACE } from '../../../../../src-shared/protocol/agent';
import { ok } from '../../../../../src-shared/result';
import { conversation, message, specialist, ticket } from '../../../../unit/src-main/entity-fixtures';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Answers = Partial<Record<string, (payload: unknown) => unknown>>;

/** Login over HTTP and a `/agent` namespace that acks each event with `answers[event]`. */
async function stubServer(answers: Answers): Promise<string> {
  const me = specialist({ id: randomUUID() });
  const http: HttpServer = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(ok({ accessToken: 'access', accessExpiresAt: Date.now() + 3_600_000, refreshToken: 'refresh-token-0123456789', specialist: me })));
  });
  const io = new Server(http);
  io.of(AGENT_NAMESPACE).on('connection', (socket) => {
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      const answer = answers[event];
      if (typeof ack === 'function' && answer) (ack as (r: unknown) => void)(ok(answer(args[0])));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => void io.close(() => resolve())));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

function consoleOn(url: string) {
  const warnings: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = JSON.parse(chunk.toString()) as { level: number; msg: string; what?: string };
      if (line.level >= 40) warnings.push(`${line.what ?? ''}: ${line.msg}`);
      done();
    },
  });
  const cache: Cache = openCache(':memory:');
  const service = createConsoleService({ cache, settings: createMemorySettingsStore(defaultSettings(url)), log: pino({ level: 'warn' }, sink), backoff: { baseMs: 50, maxMs: 200 } });
  let connection = 'offline';
  service.on('connection', (s) => (connection = s.state));
  cleanups.push(() => {
    service.close();
    cache.close();
  });
  return { cache, service, warnings, connection: () => connection };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const emptySnapshot = () => ({ me: specialist(), departments: [], specialists: [], conversations: [], cursor: 0 });

describe('server answers are parsed before the cache sees them', () => {
  it('a catch-up page with an event that breaks the contract is reported and nothing of it is stored', async () => {
    const chat = conversation();
    const good = { seq: 1, at: 1, type: 'conversation.updated', payload: chat };
    // A message whose body is a number: the old shape check let it through into the cache.
    const bad = { seq: 2, at: 2, type: 'message.created', payload: { ...message({ conversationId: chat.id }), body: 42 } };
    const url = await stubServer({
      'snapshot:get': emptySnapshot,
      'events:since': () => ({ events: [good, bad], cursor: 2, hasMore: false }),
    });
    const c = consoleOn(url);
    const login = await c.service.login({ serverUrl: url, email: 'sam@example.com', password: 'pw' });
    expect(login.ok).toBe(true);
    await sleep(1_000);
    expect(c.cache.messages.page(chat.id, undefined, 100)).toEqual([]);
    expect(c.cache.conversations.get(chat.id)).toBeNull();
    expect(c.cache.syncState.cursor()).toBe(0);
    expect(c.connection()).not.toBe('online');
    expect(c.warnings.some((w) => w.startsWith('events:since'))).toBe(true);
  });

  it('a ticket answer with a comment that breaks the contract is an error result and is not cached', async () => {
    const t = ticket();
    const comment = { id: randomUUID(), ticketId: t.id, authorKind: 'specialist', authorId: null, authorName: 'Sam', body: null, attachments: [], internal: true, createdAt: 1 };
    const url = await stubServer({
      'snapshot:get': emptySnapshot,
      'events:since': () => ({ events: [], cursor: 0, hasMore: false }),
      'ticket:get': () => ({ ticket: t, comments: [comment], transcript: [], audit: [], incidentIds: [] }),
    });
    const c = consoleOn(url);
    await c.service.login({ serverUrl: url, email: 'sam@example.com', password: 'pw' });
    for (let i = 0; i < 100 && c.connection() !== 'online'; i++) await sleep(20);
    expect(c.connection()).toBe('online');
    const r = await c.service.getTicket({ ticketId: t.id });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('internal');
    expect(c.cache.tickets.get(t.id)).toBeNull();
    expect(c.cache.tickets.comments(t.id)).toEqual([]);
    expect(c.warnings.some((w) => w.startsWith('ticket:get'))).toBe(true);
  });
});
