// Transfer to a specialist or a department, requeue after a disconnect grace period, and idle timeout — all on the fake clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Conversation } from '../../../src-shared/conversation';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk, connectAgent } from '../../support/socket-clients';
import { waitUntil } from '../../support/wait-until';

let server: TestServer;
const GRACE = 30_000;
const IDLE = 600_000;
beforeEach(async () => {
  server = await startServer({ env: { SPECIALIST_GRACE_MS: String(GRACE), CHAT_IDLE_TIMEOUT_MS: String(IDLE) } });
});
afterEach(async () => {
  await server.stop();
});

const ask = (departmentId = 'technical') => ({ clientId: randomUUID(), email: 'v@example.com', departmentId, question: 'Help please' });

describe('transfer', () => {
  it('moves a chat to another specialist, who greets the visitor', async () => {
    const dana = await server.connectSpecialist({ displayName: 'Dana', departmentIds: ['technical'] });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    expect(s.conversation.specialist?.id).toBe(dana.specialist.id);
    const lee = await server.connectSpecialist({ displayName: 'Lee', departmentIds: ['technical'] });
    const moved = await callOk<Conversation>(dana.socket, 'chat:transfer', {
      clientId: randomUUID(),
      conversationId: s.conversation.id,
      to: { specialistId: lee.specialist.id },
      note: 'INTERNAL-HANDOVER customer on Safari',
    });
    expect(moved.specialist).toEqual({ id: lee.specialist.id, displayName: 'Lee' });
    await v.inbox.nextEvent('message.created', (e) => e.payload.body === "Hi, I'm Lee. How can I help?");
    await lee.inbox.nextEvent('message.created', (e) => e.payload.body.startsWith('INTERNAL-HANDOVER'));
    expect(JSON.stringify(v.inbox.received)).not.toContain('INTERNAL-HANDOVER');
    // Dana no longer owns it: she cannot talk to the visitor any more.
    const res = await call(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'still here?' });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('moves a chat to another department, where its specialist takes it', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['technical'] });
    const fin = await server.connectSpecialist({ displayName: 'Fin', departmentIds: ['finance'] });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    const moved = await callOk<Conversation>(dana.socket, 'chat:transfer', { clientId: randomUUID(), conversationId: s.conversation.id, to: { departmentId: 'finance' } });
    expect(moved.departmentId).toBe('finance');
    await v.inbox.nextEvent('conversation.updated', (e) => e.payload.departmentId === 'finance' && e.payload.specialist?.id === fin.specialist.id);
  });

  it('refuses a transfer to a specialist who is offline', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['technical'] });
    const away = await server.createSpecialist({ departmentIds: ['technical'] });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    const res = await call(dana.socket, 'chat:transfer', { clientId: randomUUID(), conversationId: s.conversation.id, to: { specialistId: away.specialist.id } });
    expect(res).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('disconnect and grace period', () => {
  it('keeps the chats of a specialist who reconnects within the grace period', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['technical'] });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    dana.socket.disconnect();
    await waitUntil(() => !server.app.chat.presence.isConnected(dana.specialist.id), 'the server to see the disconnect');
    await server.clock.advance(GRACE / 2);
    const back = await connectAgent(server.url, dana.tokens.accessToken);
    await server.clock.advance(GRACE);
    const snap = await callOk<{ conversations: Conversation[] }>(back.socket, 'snapshot:get', {});
    expect(snap.conversations.find((c) => c.id === s.conversation.id)?.specialist?.id).toBe(dana.specialist.id);
    back.socket.disconnect();
  });

  it('requeues the chats of a specialist gone longer than the grace period, then routes them to someone online', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['technical'] });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    dana.socket.disconnect();
    await waitUntil(() => !server.app.chat.presence.isConnected(dana.specialist.id), 'the server to see the disconnect');
    await server.clock.advance(GRACE + 1);
    await v.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'queued' && e.payload.specialist === null);
    const lee = await server.connectSpecialist({ displayName: 'Lee', departmentIds: ['technical'] });
    const assigned = await v.inbox.nextEvent('conversation.updated', (e) => e.payload.specialist?.id === lee.specialist.id);
    expect(assigned.payload.id).toBe(s.conversation.id);
  });
});

describe('idle timeout', () => {
  it('ends a chat nobody writes in for CHAT_IDLE_TIMEOUT_MS', async () => {
    await server.connectSpecialist({ departmentIds: ['technical'] });
    const v = await server.connectVisitor();
    await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    await server.clock.advance(IDLE - 1000);
    await callOk(v.socket, 'message:send', { clientId: randomUUID(), body: 'still there?' });
    await server.clock.advance(IDLE - 1000);
    expect(v.inbox.events().some((e) => e.type === 'conversation.updated' && e.payload.state === 'ended')).toBe(false);
    await server.clock.advance(2000);
    const ended = await v.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'ended');
    expect(ended.payload.endReason).toBe('idle_timeout');
  });
});
