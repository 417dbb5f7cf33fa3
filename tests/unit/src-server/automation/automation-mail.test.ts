import { describe, expect, it } from 'vitest';
import type { Mailer } from '../../../../src-server/email/mailer';
import { createAutomationMailer, spokenInstant, type AutomationOutgoingMail, type MailSink } from '../../../../src-server/automation/automation-mail';
import { makeTicket, NY, ny } from './fixtures';

// Compile-time contract: the server's Mailer can be passed where automation wants a MailSink.
export const serverMailerFits = (mailer: Mailer): MailSink => mailer;

const link = (id: number) => `http://127.0.0.1:4080/comment/${id}?sig=abc`;

describe('createAutomationMailer', () => {
  it('sends the reminder to the requester with the auto-solve day in the department zone and the reply link', async () => {
    const sent: AutomationOutgoingMail[] = [];
    const mailer = createAutomationMailer({ mailer: { send: async (m) => sent.push(m) }, commentUrl: link });
    const ticket = makeTicket({ status: 'awaiting_reply' });
    const result = await mailer.sendReminder({ ticket, ordinal: 2, of: 2, autoSolveAt: ny('2026-11-10T14:00'), zone: NY });
    expect(result.ok).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'ticket_update', to: ticket.requesterEmail, ticketId: ticket.id, subject: 'Reminder 2 of 2: ticket #42 is awaiting your reply' });
    expect(sent[0]!.text).toContain('Tuesday, November 10 at 2:00 PM EST');
    expect(sent[0]!.text).toContain(link(42));
  });

  it('writes the auto-solved notice (queued with the solve) with the link that reopens the ticket', () => {
    const sent: AutomationOutgoingMail[] = [];
    const mailer = createAutomationMailer({ mailer: { send: async (m) => sent.push(m) }, commentUrl: link });
    const notice = mailer.autoSolvedNotice({ ticket: makeTicket({ status: 'solved' }) });
    expect(notice).toMatchObject({ subject: 'Ticket #42 was solved: no response', to: 'buyer@example.com', ticketId: 42 });
    expect(notice.text).toContain(link(42));
    // Built, not sent: the runner hands it to the transaction that solves the ticket.
    expect(sent).toEqual([]);
  });

  it('answers a transport failure with an unavailable result instead of throwing', async () => {
    const mailer = createAutomationMailer({
      mailer: {
        send: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:25');
        },
      },
      commentUrl: link,
    });
    const result = await mailer.sendReminder({ ticket: makeTicket(), ordinal: 1, of: 2, autoSolveAt: ny('2026-11-10T14:00'), zone: NY });
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'mail transport failed' } });
  });
});

describe('spokenInstant', () => {
  it('names daylight and standard time correctly on either side of the fall-back', () => {
    expect(spokenInstant(ny('2026-10-30T14:00'), NY)).toBe('Friday, October 30 at 2:00 PM EDT');
    expect(spokenInstant(ny('2026-11-03T14:00'), NY)).toBe('Tuesday, November 3 at 2:00 PM EST');
  });
});
