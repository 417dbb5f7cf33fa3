// Two server nodes on one PostgreSQL and one Redis: a visitor on node A chats with a specialist connected to node B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Message } from '../../../src-shared/message';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { redisUnavailableReason, startRedis } from '../../support/redis';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';

const reason = postgresUnavailableReason() ?? redisUnavailableReason();

describe.skipIf(reason !== null)(`two nodes on PostgreSQL + Redis${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pg: TestPostgres;
  let redis: { url: string; stop(): Promise<void> };
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { REDIS_URL: redis.url, SECRET: 'shared-secret-of-the-cluster-0123456789' };
    a = await startServer({ databaseUrl: pg.url, env });
    b = await startServer({ databaseUrl: pg.url, env });
  }, 60_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await redis?.stop();
    await pg?.stop();
  });

  it('routes a chat across nodes and relays messages both ways', async () => {
    const dana = await b.connectSpecialist({ displayName: 'Dana', departmentIds: ['technical'] });
    const v = await a.connectVisitor();
    const s = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'x@example.com', departmentId: 'technical', question: 'Across nodes?' });
    expect(s.conversation.specialist?.id).toBe(dana.specialist.id);
    await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.id === s.conversation.id);
    const m = await callOk<Message>(v.socket, 'message:send', { clientId: randomUUID(), body: 'hello from node A' });
    await dana.inbox.nextEvent('message.created', (e) => e.payload.id === m.id);
    const r = await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'hello from node B' });
    await v.inbox.nextEvent('message.created', (e) => e.payload.id === r.id);
    // The visitor can also resume on the other node with its token.
    const again = await b.connectVisitor({ token: s.token });
    const state = await callOk<VisitorChatState>(again.socket, 'chat:resume', { token: s.token });
    expect(state.messages.map((x) => x.body)).toContain('hello from node B');
  });
});
