// The emails automation sends (reminder, auto-solved), as plain text, handed to any mailer with the server Mailer's `send` shape.
import { DateTime } from 'luxon';
import { err, ok, type Result } from '../../src-shared/result';
import type { Ticket } from '../../src-shared/ticket';
import { ticketStatusLabels } from '../../src-shared/ticket-lifecycle';
import type { AutomationMailer, ReminderMail } from './job-runner';

/** Structurally the server's OutgoingMail/Mailer (src-server/email/mailer.ts), so this module needs no import of it. */
/** `key` names the cause for the mail outbox (src-server/db/mail-outbox.ts): queuing the same mail twice is harmless. */
export type AutomationOutgoingMail = { key: string; kind: 'ticket_update'; to: string; subject: string; text: string; ticketId: number };
export type MailSink = { send(mail: AutomationOutgoingMail): Promise<unknown> };

export type AutomationMailDeps = {
  mailer: MailSink;
  /** The signed comment link of a ticket (email/customer-mail.ts commentUrl), where a reply stops the countdown. */
  commentUrl: (ticketId: number) => string;
};

/** "Tuesday, November 10 at 2:00 PM EST": the department's zone, spelled for an English-speaking customer. */
export function spokenInstant(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).setLocale('en-US').toFormat("cccc, LLLL d 'at' h:mm a ZZZZ");
}

export function reminderMail(input: ReminderMail, commentUrl: string): AutomationOutgoingMail {
  const { ticket } = input;
  return {
    // The job id names the status period and the ordinal; without one, the auto-solve instant stands in for the period.
    key: `reminder:${input.jobId ?? `${ticket.id}@${input.autoSolveAt}#${input.ordinal}`}`,
    kind: 'ticket_update',
    to: ticket.requesterEmail,
    ticketId: ticket.id,
    subject: `Reminder ${input.ordinal} of ${input.of}: ticket #${ticket.id} is awaiting your reply`,
    text: [
      `Ticket #${ticket.id} "${ticket.subject}" is ${ticketStatusLabels.awaiting_reply}: we need information or confirmation from you to continue.`,
      `If we do not hear from you, the ticket will be solved automatically on ${spokenInstant(input.autoSolveAt, input.zone)}.`,
      '',
      'To reply, open:',
      commentUrl,
      '',
    ].join('\n'),
  };
}

export function autoSolvedMail(ticket: Ticket, commentUrl: string): AutomationOutgoingMail {
  return {
    key: `auto_solved:${ticket.id}@${ticket.solvedAt ?? 0}`,
    kind: 'ticket_update',
    to: ticket.requesterEmail,
    ticketId: ticket.id,
    subject: `Ticket #${ticket.id} was solved: no response`,
    text: [
      `We did not hear back from you, so ticket #${ticket.id} "${ticket.subject}" is now ${ticketStatusLabels.solved}.`,
      'If you still need help, reply through the link below and the ticket opens again.',
      '',
      commentUrl,
      '',
    ].join('\n'),
  };
}

/** Turns a throwing mailer into Results, so the runner can retry a failed reminder without catching. */
export function createAutomationMailer(deps: AutomationMailDeps): AutomationMailer {
  const send = async (mail: AutomationOutgoingMail): Promise<Result<void>> => {
    try {
      await deps.mailer.send(mail);
      return ok(undefined);
    } catch {
      // The transport's error may quote addresses or bodies; the runner logs the code only.
      return err('unavailable', 'mail transport failed');
    }
  };
  return {
    sendReminder: (input) => send(reminderMail(input, deps.commentUrl(input.ticket.id))),
    autoSolvedNotice: ({ ticket }) => autoSolvedMail(ticket, deps.commentUrl(ticket.id)),
  };
}
