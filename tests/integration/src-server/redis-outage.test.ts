// A Redis outage under two nodes on one PostgreSQL: nodes stay ready (degraded), serve their own sockets, and when
// Redis is back each sends its sockets a `log:head`, so the real widget client and the real console core end with
// every message written during the outage, with no further traffic to reveal the holes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createVisitorClient, type VisitorClient } from '../../../src-server/widget/src/visitor-client';
import type { LogHead } from '../../../src-shared/protocol/log-head';
import type { EventEnvelope } from '../../../src-shared/events';
import { AGENT_NAMESPACE } from '../../../src-shared/protocol/agent';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { redisUnavailableReason, startRedis, type TestRedis } from '../../support/redis';
import { startServer, type TestServer } from '../../support/start-server';
import { latestSeq } from '../../../src-server/db/events';
import { waitUntil } from '../../support/wait-until';
import { harness } from '../src-main/core/console-harness';

const reason = postgresUnavailableReason() ?? redisUnavailableReason();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ready(node: TestServer): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${node.url}/ready`);
  return { status: res.status, body: await res.json() };
}
const readyAs = async (node: TestServer, status: 'ready' | 'degraded') => {
  const r = await ready(node);
  return r.status === 200 && (r.body as { value?: { status?: string } }).value?.status === status;
};

/** The real widget client, online, with a chat of `departmentId` assigned. */
async function widgetWithChat(node: TestServer, email: string, departmentId: string): Promise<VisitorClient> {
  const client = createVisitorClient(node.url);
  await waitUntil(() => client.store.getState().connection === 'online', `widget online at ${node.url}`);
  const r = await client.requestChat({ email, departmentId, question: `Question from ${email}`, context: {} });
  if (!r.ok) throw new Error(`chat request refused: ${r.error.message}`);
  return client;
}
const widgetBodies = (w: VisitorClient) => w.store.getState().chat?.messages.map((m) => m.body) ?? [];

describe.skipIf(reason !== null)(`a Redis outage under two nodes${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const h = harness();
  let pg: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  const widgets: VisitorClient[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    // The log head watchers off: they would reveal the outage's holes while Redis is down; this test is about the
    // heads each node sends when its link comes back (the watchers: log-head-watcher.test.ts).
    const env = { SECRET: 'shared-secret-of-the-cluster-0123456789', REDIS_URL: redis.url, LOG_HEAD_WATCH_MS: '0' };
    a = await startServer({ databaseUrl: pg.url, env });
    b = await startServer({ databaseUrl: pg.url, env });
  }, 90_000);
  afterAll(async () => {
    widgets.forEach((w) => w.dispose());
    await h.cleanup();
    // Redis back first, so no client of the nodes is left in its reconnect loop.
    await redis?.start().catch(() => undefined);
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    await pg?.stop();
    process.off('unhandledRejection', onUnhandled);
  });

  it('nodes stay ready (Redis degraded) and, once Redis is back, every client ends with every message written meanwhile', async () => {
    // Ann (technical) works on A, her customer is on B; Bo (finance) works on B, his customer is on A.
    const ann = await a.createSpecialist({ displayName: 'Ann', departmentIds: ['technical'] });
    const bo = await a.createSpecialist({ displayName: 'Bo', departmentIds: ['finance'] });
    const annConsole = h.openConsole(join(h.tempDir(), 'ann.db'), { current: a, clock: { now: () => a.clock.now() } });
    const boConsole = h.openConsole(join(h.tempDir(), 'bo.db'), { current: b, clock: { now: () => b.clock.now() } });
    await annConsole.login(ann);
    await boConsole.login(bo);
    const casey = await widgetWithChat(b, 'casey@example.com', 'technical');
    const dana = await widgetWithChat(a, 'dana@example.com', 'finance');
    widgets.push(casey, dana);
    const caseyChat = casey.store.getState().chat!.conversation;
    const danaChat = dana.store.getState().chat!.conversation;
    expect(caseyChat.specialist?.id).toBe(ann.specialist.id);
    expect(danaChat.specialist?.id).toBe(bo.specialist.id);
    const consoleBodies = (c: typeof annConsole, conversationId: string) => c.cache.messages.page(conversationId, undefined, 1000).filter((m) => !m.pending).map((m) => m.body);
    await annConsole.until('Casey’s chat in Ann’s console', () => consoleBodies(annConsole, caseyChat.id).length > 0);
    await boConsole.until('Dana’s chat in Bo’s console', () => consoleBodies(boConsole, danaChat.id).length > 0);

    // What each node's sockets hear when Redis is back; and a second socket on Casey's chat, on her node.
    const heads: { node: string; head: LogHead }[] = [];
    const caseyTwin = await b.connectVisitor({ token: casey.store.getState().chat!.token });
    for (const [name, node] of [['A', a], ['B', b]] as const) {
      const v = await node.connectVisitor();
      v.socket.on('log:head', (head) => heads.push({ node: name, head }));
    }

    await redis.stop();
    await waitUntil(() => readyAs(a, 'degraded'), 'A degraded', 15_000);
    await waitUntil(() => readyAs(b, 'degraded'), 'B degraded', 15_000);
    // Our emits skip the adapter while Redis is down; this one goes through it anyway (as in the moment before a
    // node notices the loss): held in node-redis's offline queue, it must neither crash the node nor reject unhandled.
    a.app.io.of(AGENT_NAMESPACE).emit('queue:stats', []);

    // Each chat's last message comes from the far side, after the near side has settled what it saw (a re-read of
    // the holes below its own message could otherwise pick the far one up): nothing would ever reveal it but a head.
    casey.sendMessage('Casey, during the outage');
    await waitUntil(() => widgetBodies(casey).includes('Casey, during the outage'), 'Casey’s message acknowledged');
    // A node serves its own sockets live without Redis (the adapter would hold the emit until Redis answered).
    await caseyTwin.inbox.next<EventEnvelope>('event', (e) => e.type === 'message.created' && e.payload.body === 'Casey, during the outage', 1_000);
    expect((await boConsole.service.sendMessage({ conversationId: danaChat.id, body: 'Bo, during the outage', internal: false })).ok).toBe(true);
    await boConsole.until('Bo’s message acknowledged', () => consoleBodies(boConsole, danaChat.id).includes('Bo, during the outage'));
    await sleep(600);
    expect((await annConsole.service.sendMessage({ conversationId: caseyChat.id, body: 'Ann, during the outage', internal: false })).ok).toBe(true);
    await annConsole.until('Ann’s reply acknowledged', () => consoleBodies(annConsole, caseyChat.id).includes('Ann, during the outage'));
    dana.sendMessage('Dana, during the outage');
    await waitUntil(() => widgetBodies(dana).includes('Dana, during the outage'), 'Dana’s message acknowledged');

    // Still ready while Redis is down: 200, with Redis listed as degraded.
    for (const node of [a, b]) {
      expect(await ready(node)).toEqual({
        status: 200,
        body: { ok: true, value: { status: 'degraded', degraded: [{ path: 'redis', message: expect.stringContaining('Redis') }] } },
      });
    }
    // Nothing crossed between the nodes: the far sides lack the last message of each chat.
    await sleep(500);
    expect(widgetBodies(casey)).not.toContain('Ann, during the outage');
    expect(consoleBodies(boConsole, danaChat.id)).not.toContain('Dana, during the outage');
    // The near sides did get the far side's earlier message: their own one, live, left a hole below it that they read at once.
    await annConsole.until('Ann’s console reads Casey’s message', () => consoleBodies(annConsole, caseyChat.id).includes('Casey, during the outage'));
    await waitUntil(() => widgetBodies(dana).includes('Bo, during the outage'), 'Dana reads Bo’s message');

    const committed = await latestSeq(a.app.ctx.db);
    const backAt = Date.now();
    await redis.start();
    await waitUntil(() => readyAs(a, 'ready'), 'A ready again', 15_000);
    await waitUntil(() => readyAs(b, 'ready'), 'B ready again', 15_000);

    // No further traffic: only the heads can tell the clients what they missed.
    await waitUntil(() => widgetBodies(casey).includes('Ann, during the outage'), 'Casey gets Ann’s reply', 15_000);
    await boConsole.until('Bo’s console gets Dana’s message', () => consoleBodies(boConsole, danaChat.id).includes('Dana, during the outage'), 15_000);
    console.log(`clients complete ${Date.now() - backAt} ms after Redis was started again`);
    expect(widgetBodies(casey).filter((x) => x.endsWith('during the outage'))).toEqual(['Casey, during the outage', 'Ann, during the outage']);
    expect(widgetBodies(dana).filter((x) => x.endsWith('during the outage'))).toEqual(['Bo, during the outage', 'Dana, during the outage']);
    expect(consoleBodies(annConsole, caseyChat.id).filter((x) => x.endsWith('during the outage'))).toEqual(['Casey, during the outage', 'Ann, during the outage']);
    expect(consoleBodies(boConsole, danaChat.id).filter((x) => x.endsWith('during the outage'))).toEqual(['Bo, during the outage', 'Dana, during the outage']);

    // Each node, once back, sent one head to every socket of both nodes (through Redis), covering the outage.
    await waitUntil(() => heads.length >= 4, 'a head from each node on each node', 15_000);
    expect(heads.map((x) => x.node).sort()).toEqual(['A', 'A', 'B', 'B']);
    for (const x of heads) expect(x.head.seq).toBeGreaterThanOrEqual(committed);

    // Publishing while Redis was down crashed nothing and rejected nothing unhandled; both nodes still serve.
    await sleep(100);
    expect(unhandled).toEqual([]);
    for (const node of [a, b]) expect((await fetch(`${node.url}/health`)).status).toBe(200);
  }, 90_000);
});
