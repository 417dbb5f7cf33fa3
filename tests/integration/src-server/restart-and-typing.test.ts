// Durability across a restart (same DATA_DIR) and the typing throttle.
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Message } from '../../../src-shared/message';
import { startServer, type TestServer } from '../../support/start-server';
import { callOk } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';

let servers: TestServer[] = [];
let dir: string | null = null;
afterEach(async () => {
  for (const s of servers) await s.stop();
  servers = [];
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

describe('restart', () => {
  it('keeps every acknowledged message and lets the visitor resume with its token', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-restart-'));
    const env = { SECRET: 'restart-test-secret-0123456789-abcdef' };
    const first = await startServer({ dataDir: dir, env });
    servers.push(first);
    const dana = await first.connectSpecialist({ email: 'dana@example.com', password: 'pw-dana-123' });
    const v = await first.connectVisitor();
    const s = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', { clientId: randomUUID(), email: 'r@example.com', departmentId: 'technical', question: 'Before restart' });
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => callOk<Message>(v.socket, 'message:send', { clientId: randomUUID(), body: `m${i}` })));
    await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'last word' });
    await first.stop();
    servers = [];

    const second = await startServer({ dataDir: dir, env });
    servers.push(second);
    const again = await second.connectVisitor({ token: s.token });
    const state = await callOk<VisitorChatState>(again.socket, 'chat:resume', { token: s.token });
    expect(state.conversation.id).toBe(s.conversation.id);
    const bodies = state.messages.map((m) => m.body);
    for (const m of sent) expect(bodies).toContain(m.body);
    expect(bodies[bodies.length - 1]).toBe('last word');
    // The specialist logs in again with the same password (the hash survived too). Through the grace period
    // after the stop they keep their status and their chat (their console reconnects within it); after it,
    // nobody holding them, they are offline and the chat waits in the queue again.
    const tokens = await second.login('dana@example.com', 'pw-dana-123');
    expect(tokens.specialist.status).toBe('online');
    await second.clock.advance(second.config.specialistGraceMs + 1);
    await again.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'queued' && e.payload.specialist === null);
    expect((await second.login('dana@example.com', 'pw-dana-123')).specialist.status).toBe('offline');
  });
});

describe('typing', () => {
  it('re-broadcasts a still-typing signal at most once a second, and a stop at once', async () => {
    const server = await startServer();
    servers.push(server);
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    await callOk(v.socket, 'chat:request', { clientId: randomUUID(), email: 't@example.com', departmentId: 'technical', question: 'typing?' });
    const typings = () => dana.inbox.received.filter((r) => r.name === 'typing').map((r) => (r.payload as { typing: boolean }).typing);
    for (let i = 0; i < 5; i++) await callOk(v.socket, 'typing', { typing: true });
    await waitUntil(() => typings().length === 1, 'the first typing signal');
    await server.clock.advance(1000);
    await callOk(v.socket, 'typing', { typing: true });
    await callOk(v.socket, 'typing', { typing: false });
    await waitUntil(() => typings().length === 3, 'the refresh and the stop');
    expect(typings()).toEqual([true, true, false]);
  });
});
