// /health, /ready and /metrics: cheap, unauthenticated where they must be, and revealing nothing they should not.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Result } from '../../../src-shared/result';
import { redisUnavailableReason, startRedis } from '../../support/redis';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';

const TOKEN = 'metrics-token-0123456789-abcdefghijkl';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server?.url}${path}`, { headers });
  return { status: res.status, text: await res.text() };
}

/** The value of one sample line, e.g. sample(text, 'switchboard_queue_waiting_chats{department="finance"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health and readiness', () => {
  it('/health answers without touching the database; /ready is 200 once started and 503 naming the database when it is gone', async () => {
    server = await startServer();
    expect((await get('/health')).status).toBe(200);
    const ready = await get('/ready');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ok: true, value: { status: 'ready' } });

    await server.app.ctx.db.destroy();
    expect((await get('/health')).status).toBe(200);
    const notReady = await get('/ready');
    expect(notReady.status).toBe(503);
    const body = JSON.parse(notReady.text) as Result<unknown>;
    expect(body).toMatchObject({ ok: false, error: { code: 'unavailable', message: 'Not ready: database.', issues: [{ path: 'database', message: 'the database did not answer' }] } });
    // Nothing about the cause (driver errors, file paths) leaks to an unauthenticated caller.
    expect(notReady.text).not.toMatch(/sqlite|destroyed|driver|\/tmp/i);
  });

  it('/ready is 503 "draining" from the moment the node starts to stop', async () => {
    server = await startServer();
    server.app.readiness.markDraining();
    const res = await get('/ready');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toMatchObject({ error: { message: 'Not ready: draining.' } });
  });
});

const redisReason = redisUnavailableReason();
describe.skipIf(redisReason !== null)(`readiness with Redis${redisReason ? ` (skipped: ${redisReason})` : ''}`, () => {
  it('stays ready with the Redis adapter down, naming it as degraded (in /ready and /metrics), and is plain ready again once Redis is back', async () => {
    const redis = await startRedis();
    let redisStopped = false;
    try {
      server = await startServer({ env: { REDIS_URL: redis.url, METRICS: 'on', METRICS_TOKEN: TOKEN } });
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect(JSON.parse((await get('/ready')).text)).toEqual({ ok: true, value: { status: 'ready' } });
      expect(sample((await get('/metrics', auth)).text, 'switchboard_redis_connected')).toBe(1);
      await redis.stop();
      redisStopped = true;
      const res = await get('/ready');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({
        ok: true,
        value: { status: 'degraded', degraded: [{ path: 'redis', message: 'the Redis adapter is not connected: live events are not relayed between nodes' }] },
      });
      expect(sample((await get('/metrics', auth)).text, 'switchboard_redis_connected')).toBe(0);
      await redis.start();
      redisStopped = false;
      await waitUntil(async () => sample((await get('/metrics', auth)).text, 'switchboard_redis_connected') === 1, 'Redis reconnected', 15_000);
      expect(JSON.parse((await get('/ready')).text)).toEqual({ ok: true, value: { status: 'ready' } });
      await server.stop();
      server = undefined;
    } finally {
      if (!redisStopped) await redis.stop();
    }
  });

  it('stops without waiting on the reconnect loop while Redis is gone, and what the adapter still had to publish fails quietly', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    const redis = await startRedis();
    try {
      server = await startServer({ env: { REDIS_URL: redis.url } });
      await redis.stop();
      expect(JSON.parse((await get('/ready')).text)).toMatchObject({ value: { status: 'degraded' } });
      // Through the adapter (our own emits skip it while Redis is down): queued by node-redis, dropped by stop().
      server.app.io.of('/agent').emit('queue:stats', []);
      await server.stop();
      server = undefined;
      await new Promise((r) => setTimeout(r, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('metrics', () => {
  it('are off by default: /metrics does not exist', async () => {
    server = await startServer();
    const res = await get('/metrics', { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(404);
  });

  it('when on, refuse a missing or wrong token', async () => {
    server = await startServer({ env: { METRICS: 'on', METRICS_TOKEN: TOKEN } });
    expect((await get('/metrics')).status).toBe(401);
    expect((await get('/metrics', { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer short' })).status).toBe(401);
    const denied = await get('/metrics', { authorization: `Bearer ${TOKEN.slice(0, -1)}X` });
    expect(denied.status).toBe(401);
    expect(denied.text).not.toContain('switchboard_');
  });

  it('report sockets, queues, group commit, accepted messages, the mail outbox and process figures', async () => {
    server = await startServer({ env: { METRICS: 'on', METRICS_TOKEN: TOKEN } });
    const auth = { authorization: `Bearer ${TOKEN}` };
    // One specialist with room for two chats: the third request waits in finance's queue.
    const dana = await server.connectSpecialist({ departmentIds: ['technical', 'finance'], maxConcurrentChats: 2 });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'm@example.com', departmentId: 'technical', question: 'Metrics?' });
    expect(s.conversation.state).toBe('assigned');
    for (const email of ['f1@example.com', 'f2@example.com']) {
      const f = await server.connectVisitor();
      await callOk<VisitorChatState>(f.socket, 'chat:request', { clientId: randomUUID(), email, departmentId: 'finance', question: 'Invoice?' });
    }
    const clientId = randomUUID();
    await callOk(v.socket, 'message:send', { clientId, body: 'one' });
    await callOk(v.socket, 'message:send', { clientId, body: 'one' }); // a retry: not a new message
    await callOk(v.socket, 'message:send', { clientId: randomUUID(), body: 'two' });

    const res = await get('/metrics', auth);
    expect(res.status).toBe(200);
    const t = res.text;
    expect(sample(t, 'switchboard_sockets_connected{namespace="/visitor"}')).toBe(3);
    expect(sample(t, 'switchboard_sockets_connected{namespace="/agent"}')).toBe(1);
    expect(sample(t, 'switchboard_queue_waiting_chats{department="finance"}')).toBe(1);
    expect(sample(t, 'switchboard_queue_waiting_chats{department="technical"}')).toBe(0);
    // Each request's question is the chat's first visitor message: 3 questions + 2 new sends (the retry is not counted).
    expect(sample(t, 'switchboard_messages_accepted_total{author="visitor"}')).toBe(5);
    expect(sample(t, 'switchboard_write_batch_size_count')).toBeGreaterThan(0);
    expect(sample(t, 'switchboard_write_commit_seconds_count{outcome="committed"}')).toBe(sample(t, 'switchboard_write_batch_size_count'));
    expect(sample(t, 'switchboard_mail_outbox{state="queued"}')).toBeGreaterThanOrEqual(0);
    expect(sample(t, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(t, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    const bySpecialist = sample(t, 'switchboard_messages_accepted_total{author="specialist"}') ?? NaN;
    await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'hello' });
    expect(sample((await get('/metrics', auth)).text, 'switchboard_messages_accepted_total{author="specialist"}')).toBe(bySpecialist + 1);
  });
});
