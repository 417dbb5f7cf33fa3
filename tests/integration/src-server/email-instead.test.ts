// "Answer me by email instead": a queued visitor who takes the email answer gets the EMAIL US acknowledgement (once,
// through the mail outbox), never a chat recap; an ordinary leave still gets the recap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { VisitorChatState } from '../../../src-shared/protocol/visitor';
import type { TestServer } from '../../support/start-server';
import type { SmtpSink } from '../../support/smtp-sink';
import { startServerWithMail } from '../../support/server-with-mail';
import { callOk } from '../../support/socket-clients';
import { getDepartment, upsertDepartment } from '../../../src-server/db/departments';
import { listMailsForTicket } from '../../../src-server/db/mail-outbox';

let server: TestServer;
let sink: SmtpSink;
let stop: () => Promise<void>;
beforeEach(async () => {
  // Tuesday 15:00 UTC: Technical (Mon–Fri 9–19 New York) is in hours.
  ({ server, sink, stop } = await startServerWithMail({ now: Date.UTC(2026, 10, 17, 15, 0) }));
  // Specialists pick from the queue, so the visitor waits in it.
  const dept = await getDepartment(server.app.ctx.db, 'technical');
  if (!dept) throw new Error('no technical department');
  await upsertDepartment(server.app.ctx.db, { ...dept, routing: 'pick' });
  await server.app.chat.refreshAvailability();
});
afterEach(() => stop());

async function queuedChat(email: string) {
  const dana = await server.connectSpecialist({ displayName: 'Dana', departmentIds: ['technical'] });
  const visitor = await server.connectVisitor();
  const state = await callOk<VisitorChatState>(visitor.socket, 'chat:request', {
    clientId: randomUUID(),
    email,
    departmentId: 'technical',
    question: 'Captions are out of sync.',
  });
  expect(state.conversation.state).toBe('queued');
  return { dana, visitor, state, ticketId: state.conversation.ticketId! };
}

/** Lets the delivery loop run a little longer, so a second (wrong) mail would have arrived. */
const settle = async () => {
  await new Promise((r) => setTimeout(r, 300));
};

describe('answer me by email instead', () => {
  it('the visitor gets the EMAIL US acknowledgement, not a chat recap, and only once', async () => {
    const { dana, visitor, ticketId } = await queuedChat('ben@example.com');
    await callOk(visitor.socket, 'chat:leave', { answerByEmail: true });
    // A retry of the same choice (a lost ack) changes nothing.
    await callOk(visitor.socket, 'chat:leave', { answerByEmail: true });

    const mail = await sink.waitFor((m) => m.to.includes('ben@example.com'));
    expect(mail.subject).toBe(`We received your request — ticket #${ticketId}`);
    expect(mail.text).toContain('Our Technical team is in now and will reply by email');
    expect(mail.text).toMatch(new RegExp(`/comment/${ticketId}\\?sig=`));
    expect(mail.text).not.toContain('Transcript:');
    expect(`${mail.subject}\n${mail.text}`).not.toContain('Captions are out of sync.');

    // Through the outbox, once: one row for the ticket, the acknowledgement.
    await settle();
    const queued = await listMailsForTicket(server.app.ctx.db, ticketId);
    expect(queued.map((m) => [m.kind, m.to])).toEqual([['email_ack', 'ben@example.com']]);
    expect(sink.mails.filter((m) => m.to.includes('ben@example.com'))).toHaveLength(1);

    // The specialist sees why the chat ended.
    await dana.inbox.nextEvent('message.created', (e) => e.payload.authorKind === 'system' && e.payload.body === 'The visitor asked to be answered by email instead.');
  });

  it('an ordinary leave from the queue still sends the chat recap', async () => {
    const { visitor, ticketId } = await queuedChat('lee@example.com');
    await callOk(visitor.socket, 'chat:leave', {});
    const mail = await sink.waitFor((m) => m.to.includes('lee@example.com'));
    expect(mail.subject).toBe(`Your chat with Technical support — ticket #${ticketId}`);
    const queued = await listMailsForTicket(server.app.ctx.db, ticketId);
    expect(queued.map((m) => m.kind)).toEqual(['chat_recap']);
  });

  it('once a specialist has written, the choice comes too late: the chat is recapped', async () => {
    const { dana, visitor, state, ticketId } = await queuedChat('kim@example.com');
    const conversationId = state.conversation.id;
    await callOk(dana.socket, 'chat:accept', { clientId: randomUUID(), conversationId });
    await callOk(dana.socket, 'message:send', { clientId: randomUUID(), conversationId, body: 'Which player do you use?' });
    await callOk(visitor.socket, 'chat:leave', { answerByEmail: true });
    const mail = await sink.waitFor((m) => m.to.includes('kim@example.com'));
    expect(mail.text).toContain('Which player do you use?');
    expect((await listMailsForTicket(server.app.ctx.db, ticketId)).map((m) => m.kind)).toEqual(['chat_recap']);
  });
});
