// The console core in its own thread of execution, exactly as the desktop app runs it in a utilityProcess:
// started and restarted by the supervisor, reached only through the console protocol over MessagePorts.
// Against the real support server: sign in, a chat arrives and is answered; the core dies with an action
// unsent and comes back with its outbox intact; the action is delivered exactly once.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { createConsoleClient, type ConsoleClient } from '../../../../src-shared/console-client';
import type { ConsoleEventName, ConsoleEvents } from '../../../../src-shared/console-api';
import type { VisitorChatState } from '../../../../src-shared/protocol/visitor';
import type { Message } from '../../../../src-shared/message';
import { createCoreSupervisor, type CoreSupervisor } from '../../../../src-main/core/core-supervisor';
import { systemClock, systemTimers } from '../../../../src-main/core/clock';
import { ok } from '../../../../src-shared/result';
import { callOk } from '../../../support/socket-clients';
import { buildCoreWorker, portPair, workerCoreChild, type WorkerCoreChild } from '../../../support/core-worker';
import type { MessagePort } from 'node:worker_threads';
import { harness } from './console-harness';

const h = harness();
let entry: string;
beforeAll(async () => {
  entry = await buildCoreWorker();
}, 60_000);
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops.splice(0).reverse()) await s();
  await h.cleanup();
});

/** Waits until `predicate` holds, re-checked on every event of `client` (and every 50 ms). */
function until(client: ConsoleClient, what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = async () => {
      if (await predicate()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(() => void tick(), 50);
    };
    void tick();
  });
}

function record<E extends ConsoleEventName>(client: ConsoleClient, event: E): ConsoleEvents[E][] {
  const seen: ConsoleEvents[E][] = [];
  client.api.on(event, (p) => seen.push(p));
  return seen;
}

/** A supervised core on `dataDir`, with one client (standing in for a window) that is reconnected on every (re)start. */
function supervisedCore(dataDir: string, serverUrl: string, dataKey: string) {
  const children: WorkerCoreChild[] = [];
  const client = createConsoleClient({ timers: systemTimers, waitForTransportMs: 15_000 });
  const supervisor: CoreSupervisor<MessagePort> = createCoreSupervisor<MessagePort>({
    spawn: () => {
      const child = workerCoreChild(entry);
      children.push(child);
      return child;
    },
    init: () => ({ type: 'init', dataDir, serverUrl, serverUrlGiven: false, version: 'test', platform: process.platform, logDir: null, dataKey }),
    log: pino({ level: 'silent' }),
    clock: systemClock,
    timers: systemTimers,
    backoff: { baseMs: 50, maxMs: 200 },
    onReady: () => {
      const { coreEnd, client: end } = portPair();
      supervisor.attach(coreEnd);
      client.attach(end);
    },
    openExternal: () => undefined,
    presentFile: async () => ok({ url: null }),
  });
  supervisor.start();
  stops.push(async () => {
    await supervisor.stop();
    client.close();
  });
  return { supervisor, client, api: client.api, current: () => children[children.length - 1]! };
}

/** A supervised core signed in as Dana, with a customer's chat routed to her (the only specialist online). */
async function signedInWithAChat(dataDir: string) {
  const srv = await h.bootServer();
  const dana = await srv.current.createSpecialist({ displayName: 'Dana' });
  const core = supervisedCore(dataDir, srv.current.url, randomBytes(32).toString('base64'));
  const connection = record(core.client, 'connection');
  const signedIn = await core.api.login({ serverUrl: srv.current.url, email: dana.email, password: dana.password });
  expect(signedIn.ok).toBe(true);
  await until(core.client, 'online', () => connection.some((c) => c.state === 'online'));
  const visitor = await srv.current.connectVisitor();
  const chat = await callOk<VisitorChatState & { token: string }>(visitor.socket, 'chat:request', {
    clientId: randomUUID(),
    email: 'casey@example.com',
    departmentId: 'technical',
    question: 'The stream is black.',
    context: {},
  });
  const conversationId = chat.conversation.id;
  await until(core.client, 'the chat routed to Dana', async () => {
    const r = await core.api.listConversations({});
    return r.ok && r.value.some((c) => c.id === conversationId && c.specialist?.id === dana.specialist.id);
  });
  return { srv, core, connection, visitor, conversationId };
}

describe('console core in its own thread, behind the supervisor', () => {
  it('serves the console protocol: sign in, a chat arrives, the reply reaches the customer', async () => {
    const { core, visitor, conversationId } = await signedInWithAChat(h.tempDir());
    const sent = await core.api.sendMessage({ conversationId, body: 'Hello Casey, let me look.' });
    expect(sent.ok).toBe(true);
    const got = await visitor.inbox.nextEvent('message.created', (e) => (e.payload as Message).body === 'Hello Casey, let me look.');
    expect((got.payload as Message).conversationId).toBe(conversationId);
  });

  it('restarts a core that died; its outbox is intact and the action is delivered exactly once', async () => {
    const dataDir = h.tempDir();
    const { srv, core, connection, conversationId } = await signedInWithAChat(dataDir);

    await srv.stop();
    await until(core.client, 'offline', () => connection.at(-1)?.state !== 'online');
    const typed = await core.api.sendMessage({ conversationId, body: 'written before the core died' });
    expect(typed.ok && typed.value.pending).toBe(true);

    let reattached = 0;
    core.client.onReattach(() => reattached++);
    await core.current().crash();
    await until(core.client, 'the core restarted and reattached', () => reattached === 1 && core.supervisor.isReady());
    expect(core.supervisor.restarts()).toBe(1);
    const outbox = await core.api.getOutbox({});
    expect(outbox.ok && outbox.value.map((i) => i.kind)).toEqual(['message:send']);

    await srv.start();
    await until(core.client, 'delivered', async () => {
      const r = await core.api.getOutbox({});
      return r.ok && r.value.length === 0;
    });
    const messages = await core.api.getMessages({ conversationId });
    expect(messages.ok && messages.value.filter((m) => m.body === 'written before the core died' && !m.pending)).toHaveLength(1);
    // The server's transcript has it once: the retry after the restart was recognised by its client id.
    const conversations = await core.api.listConversations({});
    const ticketId = conversations.ok ? (conversations.value.find((c) => c.id === conversationId)?.ticketId ?? 0) : 0;
    const detail = await core.api.getTicket({ ticketId });
    expect(detail.ok && detail.value.transcript.filter((m) => m.body === 'written before the core died')).toHaveLength(1);

    await core.supervisor.stop();
    // The refresh token rests sealed under the data key, never as the plain token.
    const db = new Database(join(dataDir, 'cache.db'), { readonly: true });
    const stored = db.prepare("SELECT value FROM kv WHERE key = 'refreshToken'").get() as { value: string } | undefined;
    db.close();
    expect(stored?.value).toMatch(/^k1:/);
  });
});
