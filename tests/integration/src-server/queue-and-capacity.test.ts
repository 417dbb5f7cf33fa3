// Queueing: live queue positions for waiting visitors, max concurrent chats, and pick-from-queue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Conversation } from '../../../src-shared/conversation';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const ask = (email: string, departmentId = 'finance') => ({ clientId: randomUUID(), email, departmentId, question: `Question from ${email}` });

describe('queue and capacity', () => {
  it('tells three waiting visitors their live queue positions', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['finance'], maxConcurrentChats: 1 });
    const first = await server.connectVisitor();
    const a = await callOk<VisitorChatState>(first.socket, 'chat:request', ask('a@example.com'));
    expect(a.conversation.state).toBe('assigned');

    const waiting = [await server.connectVisitor(), await server.connectVisitor(), await server.connectVisitor()];
    const states: VisitorChatState[] = [];
    for (const [i, v] of waiting.entries()) states.push(await callOk<VisitorChatState>(v.socket, 'chat:request', ask(`w${i}@example.com`)));
    expect(states.map((s) => s.conversation.state)).toEqual(['queued', 'queued', 'queued']);
    expect(states.map((s) => s.queuePosition)).toEqual([1, 2, 3]);

    // Dana finishes the first chat: the head of the queue gets her, the others move up.
    await callOk(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId: a.conversation.id });
    const [w0, w1, w2] = waiting as [(typeof waiting)[0], (typeof waiting)[0], (typeof waiting)[0]];
    await w0.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'assigned');
    expect((await w1.inbox.next<{ position: number }>('queue:position', (p) => p.position === 1)).position).toBe(1);
    expect((await w2.inbox.next<{ position: number }>('queue:position', (p) => p.position === 2)).position).toBe(2);
  });

  it('never gives a specialist more chats than their maximum', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['finance'], maxConcurrentChats: 2 });
    const results: VisitorChatState[] = [];
    for (let i = 0; i < 3; i++) {
      const v = await server.connectVisitor();
      results.push(await callOk<VisitorChatState>(v.socket, 'chat:request', ask(`c${i}@example.com`)));
    }
    expect(results.map((r) => r.conversation.state)).toEqual(['assigned', 'assigned', 'queued']);
    // Taking the queued chat by hand is refused too.
    const third = results[2]?.conversation.id;
    const res = await call(dana.socket, 'chat:accept', { clientId: randomUUID(), conversationId: third });
    expect(res).toMatchObject({ ok: false, error: { code: 'capacity_full' } });
  });

  it('spreads chats to the least-loaded specialist', async () => {
    const one = await server.connectSpecialist({ departmentIds: ['finance'], displayName: 'One' });
    const two = await server.connectSpecialist({ departmentIds: ['finance'], displayName: 'Two' });
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const v = await server.connectVisitor();
      const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask(`l${i}@example.com`));
      owners.push(s.conversation.specialist?.id ?? 'none');
    }
    expect(owners.filter((o) => o === one.specialist.id)).toHaveLength(2);
    expect(owners.filter((o) => o === two.specialist.id)).toHaveLength(2);
  });

  it('lets specialists pick chats from the queue in a pick department, and a second accept conflicts', async () => {
    await server.app.ctx.db.updateTable('departments').set({ routing: 'pick' }).where('id', '=', 'finance').execute();
    const dana = await server.connectSpecialist({ departmentIds: ['finance'] });
    const lee = await server.connectSpecialist({ departmentIds: ['finance'], displayName: 'Lee' });
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask('p@example.com'));
    expect(s.conversation.state).toBe('queued');
    const clientId = randomUUID();
    const taken = await callOk<Conversation>(dana.socket, 'chat:accept-next', { clientId });
    expect(taken.id).toBe(s.conversation.id);
    expect(taken.state).toBe('assigned');
    // The same client id again returns the same result rather than failing.
    expect((await callOk<Conversation>(dana.socket, 'chat:accept-next', { clientId })).id).toBe(taken.id);
    const late = await call(lee.socket, 'chat:accept', { clientId: randomUUID(), conversationId: s.conversation.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
