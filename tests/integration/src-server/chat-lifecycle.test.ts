// A full chat over real sockets: request → assignment with greeting → messages and typing → end → recap email → comment link.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { Conversation } from '../../../src-shared/conversation';
import type { Message } from '../../../src-shared/message';
import type { CommentPage, CustomerCommentReceipt, HealthStatus } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import type { TestServer } from '../../support/start-server';
import type { SmtpSink } from '../../support/smtp-sink';
import { startServerWithMail } from '../../support/server-with-mail';
import { call, callOk } from '../../support/socket-clients';

let server: TestServer;
let sink: SmtpSink;
let stop: () => Promise<void>;
beforeEach(async () => {
  ({ server, sink, stop } = await startServerWithMail());
});
afterEach(() => stop());

const request = (email = 'casey@example.com', departmentId = 'technical') => ({
  clientId: randomUUID(),
  email,
  departmentId,
  question: 'The stream shows a black screen.',
  context: { pid: 'p-1', eid: 'e-9' },
});

describe('chat lifecycle', () => {
  it('health answers with the database kind', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthStatus;
    expect(body).toMatchObject({ status: 'ok', db: 'sqlite' });
  });

  it('runs a chat from request to recap email and a working comment link', async () => {
    const dana = await server.connectSpecialist({ displayName: 'Dana' });
    const visitor = await server.connectVisitor();

    const state = await callOk<VisitorChatState & { token: string }>(visitor.socket, 'chat:request', request());
    expect(state.token.length).toBeGreaterThanOrEqual(32);
    expect(state.conversation.state).toBe('assigned');
    expect(state.conversation.specialist).toEqual({ id: dana.specialist.id, displayName: 'Dana' });
    expect(state.messages.map((m) => m.body)).toEqual(['The stream shows a black screen.', "Hi, I'm Dana. How can I help?"]);
    const conversationId = state.conversation.id;

    // Specialist side sees the assignment as an event.
    await dana.inbox.nextEvent('conversation.updated', (e) => e.payload.id === conversationId && e.payload.state === 'assigned');

    // Typing both ways.
    visitor.socket.emit('typing', { typing: true });
    const typing = await dana.inbox.next<{ conversationId: string; typing: boolean; ttlMs: number }>('typing');
    expect(typing).toMatchObject({ conversationId, typing: true });
    expect(typing.ttlMs).toBeGreaterThan(0);
    await callOk(dana.socket, 'typing', { conversationId, typing: true });
    const vt = await visitor.inbox.next<{ displayName: string }>('typing');
    expect(vt.displayName).toBe('Dana');

    // Messages both ways.
    const fromVisitor = await callOk<Message>(visitor.socket, 'message:send', { clientId: randomUUID(), body: 'Hello?' });
    await dana.inbox.nextEvent('message.created', (e) => e.payload.id === fromVisitor.id);
    const reply = await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId, body: 'Try reloading the page.' });
    expect(reply.seq).toBe(fromVisitor.seq + 1);
    await visitor.inbox.nextEvent('message.created', (e) => e.payload.id === reply.id);
    await visitor.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'active');

    // An internal note never reaches the visitor.
    const note = await callOk<Message>(dana.socket, 'message:send', { clientId: randomUUID(), conversationId, body: 'SECRET-NOTE customer is VIP', internal: true });
    expect(note.internal).toBe(true);

    const ended = await callOk<Conversation>(dana.socket, 'chat:end', { clientId: randomUUID(), conversationId });
    expect(ended.state).toBe('ended');
    expect(ended.endReason).toBe('specialist');
    await visitor.inbox.nextEvent('conversation.updated', (e) => e.payload.state === 'ended');
    expect(JSON.stringify(visitor.inbox.received)).not.toContain('SECRET-NOTE');

    // Recap email with transcript (no internal note) and a signed link.
    const mail = await sink.waitFor((m) => m.to.includes('casey@example.com'));
    expect(mail.subject).toContain(`#${ended.ticketId}`);
    expect(mail.text).toContain('Try reloading the page.');
    expect(mail.text).not.toContain('SECRET-NOTE');
    const link = /(http:\/\/\S+\/comment\/(\d+)\?sig=(\S+))/.exec(mail.text);
    expect(link).not.toBeNull();
    const [, , ticketId = '', sig = ''] = link as RegExpExecArray;
    expect(Number(ticketId)).toBe(ended.ticketId);

    const page = await server.http<CommentPage>('GET', `/api/comment/${ticketId}?sig=${sig}`);
    expect(page.status).toBe(200);
    if (!page.body.ok) throw new Error(page.body.error.message);
    expect(page.body.value.statusLabel).toBe('Open');
    expect(page.body.value.transcript.map((m) => m.body)).toContain('Hello?');
    expect(JSON.stringify(page.body.value)).not.toContain('SECRET-NOTE');

    const posted = await server.http<CustomerCommentReceipt>('POST', `/api/comment/${ticketId}?sig=${sig}`, { body: 'It works now, thanks!' });
    expect(posted.status).toBe(201);
    const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId: Number(ticketId) });
    expect(detail.comments.map((c) => c.body)).toContain('It works now, thanks!');
    expect(detail.transcript.some((m) => m.body.includes('SECRET-NOTE'))).toBe(true);

    // A tampered signature is refused.
    const forged = await server.http('GET', `/api/comment/${ticketId}?sig=${sig.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`);
    expect(forged.status).toBe(403);
  });

  it('an expired comment link is answered with expired', async () => {
    await server.connectSpecialist();
    const visitor = await server.connectVisitor();
    await callOk(visitor.socket, 'chat:request', request('lee@example.com'));
    await callOk(visitor.socket, 'chat:leave', {});
    const mail = await sink.waitFor((m) => m.to.includes('lee@example.com'));
    const [, ticketId = '', sig = ''] = /\/comment\/(\d+)\?sig=(\S+)/.exec(mail.text) as RegExpExecArray;
    await server.clock.advance(server.config.commentLinkTtlMs + 1);
    const res = await server.http('GET', `/api/comment/${ticketId}?sig=${sig}`);
    expect(res.status).toBe(410);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'expired' } });
  });

  it('refuses a chat request when nobody of the department is online', async () => {
    const visitor = await server.connectVisitor();
    const res = await call(visitor.socket, 'chat:request', request());
    expect(res).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('chats from strangers', () => {
  it('a chat the visitor leaves before any specialist ends it is recapped without the visitor’s text', async () => {
    await server.connectSpecialist({ displayName: 'Dana' });
    const visitor = await server.connectVisitor();
    const spam = { ...request('victim@example.com'), question: 'CLAIM YOUR PRIZE at http://spam.example' };
    const state = await callOk<VisitorChatState>(visitor.socket, 'chat:request', spam);
    await callOk(visitor.socket, 'chat:leave', {});
    const mail = await sink.waitFor((m) => m.to.includes('victim@example.com'));
    expect(`${mail.subject}\n${mail.text}`).not.toContain('PRIZE');
    expect(mail.text).toContain(`/comment/${state.conversation.ticketId}?sig=`);
  });

  it('chat requests past the budget of one address are answered rate_limited with retryAfterMs; nothing is created', async () => {
    const limited = await startServerWithMail({ env: { RATE_LIMIT_CHAT_REQUEST: 'ip=2/10m', TRUST_PROXY: '127.0.0.1' } });
    try {
      await limited.server.connectSpecialist({ maxConcurrentChats: 10 });
      const stranger = await limited.server.connectVisitor({ headers: { 'x-forwarded-for': '203.0.113.66' } });
      for (let i = 0; i < 2; i++) await callOk(stranger.socket, 'chat:request', request(`v${i}@example.com`));
      const refused = await call(stranger.socket, 'chat:request', request('v9@example.com'));
      expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterMs: expect.any(Number) } });
      if (!refused.ok) expect(refused.error.retryAfterMs).toBeGreaterThan(0);
      expect(await limited.server.app.ctx.db.selectFrom('conversations').select('id').execute()).toHaveLength(2);
      // Another client behind the same trusted balancer has its own budget.
      const neighbour = await limited.server.connectVisitor({ headers: { 'x-forwarded-for': '198.51.100.7' } });
      expect((await call(neighbour.socket, 'chat:request', request('n@example.com'))).ok).toBe(true);
    } finally {
      await limited.stop();
    }
  });
});
