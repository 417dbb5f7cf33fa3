// Ticket automation wired into the server: reminders, auto-solve after 7 business days, auto-close 28 days later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { EmailRequestReceipt } from '../../../src-shared/protocol/http';
import type { TicketDetail } from '../../../src-shared/protocol/agent';
import type { EventsPage } from '../../../src-shared/events';
import { AUTO_SOLVED_RESOLUTION_ID } from '../../../src-shared/resolution-catalog';
import type { TestServer } from '../../support/start-server';
import type { SmtpSink } from '../../support/smtp-sink';
import { startServerWithMail } from '../../support/server-with-mail';
import { callOk } from '../../support/socket-clients';

let server: TestServer;
let sink: SmtpSink;
let stop: () => Promise<void>;
beforeEach(async () => {
  ({ server, sink, stop } = await startServerWithMail());
});
afterEach(() => stop());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Moves the fake clock, then runs an automation pass (the hourly timer's passes may still be in flight). */
async function advance(ms: number): Promise<void> {
  await server.clock.advance(ms);
  await server.app.runAutomationNow();
}

describe('ticket automation', () => {
  it('reminds twice, auto-solves an unanswered ticket, then closes it', async () => {
    const dana = await server.connectSpecialist();
    const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'slow@example.com', departmentId: 'technical', question: 'Which browser?' });
    if (!res.body.ok) throw new Error(res.body.error.message);
    const ticketId = res.body.value.ticketId;
    await callOk(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId, patch: { status: 'awaiting_reply' } });
    const snap = await callOk<{ cursor: number }>(dana.socket, 'snapshot:get', {});

    // Wednesday 10:00 → Friday 11:00: two business days, the first reminder.
    await advance(2 * DAY + HOUR);
    const first = await sink.waitFor((m) => m.to.includes('slow@example.com') && /Reminder 1/.test(m.subject));
    expect(first.text).toContain(`/comment/${ticketId}?sig=`);

    // Next Wednesday: the second reminder; the following Friday: auto-solved.
    await advance(5 * DAY);
    await sink.waitFor((m) => /Reminder 2/.test(m.subject));
    await advance(2 * DAY);
    const solved = await dana.inbox.nextEvent('ticket.updated', (e) => e.payload.id === ticketId && e.payload.status === 'solved');
    expect(solved.payload.resolution?.typeId).toBe(AUTO_SOLVED_RESOLUTION_ID);
    const page = await callOk<EventsPage>(dana.socket, 'events:since', { since: snap.cursor });
    expect(page.events.some((e) => e.type === 'ticket.audit' && e.payload.actorKind === 'system' && e.payload.to === 'solved')).toBe(true);

    // 28 days after solving: closed.
    await advance(28 * DAY + HOUR);
    const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId });
    expect(detail.ticket.status).toBe('closed');
    expect(sink.mails.filter((m) => /Reminder/.test(m.subject))).toHaveLength(2);
  });

  it('a customer reply stops the countdown', async () => {
    const dana = await server.connectSpecialist();
    const res = await server.http<EmailRequestReceipt>('POST', '/api/email-requests', { clientId: randomUUID(), email: 'quick@example.com', departmentId: 'technical', question: 'Hi' });
    if (!res.body.ok) throw new Error(res.body.error.message);
    const ticketId = res.body.value.ticketId;
    await callOk(dana.socket, 'ticket:update', { clientId: randomUUID(), ticketId, patch: { status: 'awaiting_reply' } });
    const ack = await sink.waitFor((m) => m.to.includes('quick@example.com'));
    const [, sig = ''] = /\?sig=(\S+)/.exec(ack.text) ?? [];
    await advance(DAY);
    const reply = await server.http('POST', `/api/comment/${ticketId}?sig=${sig}`, { body: 'Chrome' });
    expect(reply.status).toBe(201);
    await advance(10 * DAY);
    const detail = await callOk<TicketDetail>(dana.socket, 'ticket:get', { ticketId });
    expect(detail.ticket.status).toBe('open');
    expect(sink.mails.filter((m) => /Reminder/.test(m.subject))).toHaveLength(0);
  });
});
