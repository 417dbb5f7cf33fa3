// Exactly-once sends, catching up by cursor after a reconnect, and malformed input that must not hurt the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Message } from '../../../src-shared/message';
import type { EventsPage } from '../../../src-shared/events';
import { startServer, type TestServer } from '../../support/start-server';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.stop();
});

const ask = () => ({ clientId: randomUUID(), email: 'r@example.com', departmentId: 'av-media', question: 'Where is my invoice?' });

describe('exactly-once writes', () => {
  it('a retried send with the same client id returns the first message and stores one', async () => {
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    const clientId = randomUUID();
    const [a, b] = await Promise.all([
      callOk<Message>(v.socket, 'message:send', { clientId, body: 'once' }),
      callOk<Message>(v.socket, 'message:send', { clientId, body: 'once' }),
    ]);
    const c = await callOk<Message>(v.socket, 'message:send', { clientId, body: 'once' });
    expect(b.id).toBe(a.id);
    expect(c).toEqual(a);
    const agentRetry = randomUUID();
    const m1 = await callOk<Message>(dana.socket, 'message:send', { clientId: agentRetry, conversationId: s.conversation.id, body: 'hi' });
    const m2 = await callOk<Message>(dana.socket, 'message:send', { clientId: agentRetry, conversationId: s.conversation.id, body: 'hi' });
    expect(m2.seq).toBe(m1.seq);
    const state = await callOk<VisitorChatState>(v.socket, 'chat:resume', { token: (s as VisitorChatState & { token: string }).token });
    expect(state.messages.filter((m) => m.body === 'once')).toHaveLength(1);
    expect(state.messages.map((m) => m.seq)).toEqual(state.messages.map((_, i) => i + 1));
  });

  it('a retried chat request returns the same conversation and token', async () => {
    await server.connectSpecialist();
    const v = await server.connectVisitor();
    const input = ask();
    const first = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', input);
    const again = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', input);
    expect(again.conversation.id).toBe(first.conversation.id);
    expect(again.token).toBe(first.token);
  });
});

describe('catch-up by cursor', () => {
  it('a reconnecting visitor gets every event it missed, in order, without duplicates', async () => {
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState & { token: string }>(v.socket, 'chat:request', ask());
    const cursor = s.cursor;
    v.socket.disconnect();
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) {
      const m = await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: `missed ${i}` });
      sent.push(m.id);
    }
    await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId: s.conversation.id, body: 'NOTE-ONLY-AGENTS', internal: true });

    const back = await server.connectVisitor({ token: s.token });
    const pages: EventsPage[] = [];
    let since = cursor;
    for (;;) {
      const page = await callOk<EventsPage>(back.socket, 'events:since', { since, limit: 2 });
      pages.push(page);
      since = page.cursor;
      if (!page.hasMore) break;
    }
    const events = pages.flatMap((p) => p.events);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    const got = events.flatMap((e) => (e.type === 'message.created' ? [e.payload.id] : []));
    expect(got.filter((id) => sent.includes(id))).toEqual(sent);
    expect(JSON.stringify(events)).not.toContain('NOTE-ONLY-AGENTS');
    // Nothing new: the cursor stays.
    const empty = await callOk<EventsPage>(back.socket, 'events:since', { since });
    expect(empty).toEqual({ events: [], cursor: since, hasMore: false });
  });

  it('a reconnecting specialist catches up on their departments', async () => {
    const dana = await server.connectSpecialist({ departmentIds: ['av-media'] });
    const other = await server.connectSpecialist({ departmentIds: ['finance'] });
    const snap = await callOk<{ cursor: number }>(dana.socket, 'snapshot:get', {});
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    const page = await callOk<EventsPage>(dana.socket, 'events:since', { since: snap.cursor });
    expect(page.events.some((e) => e.type === 'conversation.updated' && e.payload.id === s.conversation.id)).toBe(true);
    const foreign = await callOk<EventsPage>(other.socket, 'events:since', { since: snap.cursor });
    expect(foreign.events.some((e) => e.type === 'message.created')).toBe(false);
  });
});

describe('malformed input', () => {
  it('answers bad payloads with error acks and keeps serving', async () => {
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    expect(await call(v.socket, 'chat:request', 'not an object')).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(v.socket, 'chat:request', null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(v.socket, 'chat:request', { ...ask(), email: 'nope' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(v.socket, 'message:send', { clientId: randomUUID(), body: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call(v.socket, 'events:since', { since: -1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(dana.socket, 'message:send', { clientId: 'x', conversationId: 'y', body: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId: 1, patch: {} })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // Without an ack callback, or with unknown events, nothing breaks.
    (v.socket.emit as (ev: string, ...a: unknown[]) => void)('chat:request', { junk: true });
    (v.socket.emit as (ev: string, ...a: unknown[]) => void)('no-such-event', 1, 2, 3);
    (dana.socket.emit as (ev: string, ...a: unknown[]) => void)('typing', 42);
    const ok = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    expect(ok.conversation.state).toBe('assigned');
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  });

  it('answers malformed HTTP bodies with bad_request', async () => {
    const res = await fetch(`${server.url}/api/email-requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const empty = await server.http('POST', '/api/auth/login', { email: 'x' });
    expect(empty.status).toBe(400);
  });
});

describe('live event order', () => {
  it('delivers live events to a specialist in strictly increasing seq order', async () => {
    const dana = await server.connectSpecialist();
    const v = await server.connectVisitor();
    const s = await callOk<VisitorChatState>(v.socket, 'chat:request', ask());
    await callOk(v.socket, 'message:send', { clientId: randomUUID(), body: 'x' });
    await callOk(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId: s.conversation.id });
    await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'ended');
    const seqs = dana.inbox.events().map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(5);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
