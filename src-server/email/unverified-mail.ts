// Mail to an address nobody proved they own (typed into EMAIL US or the chat widget): at most UNVERIFIED_MAIL_PER_HOUR
// of them per address and hour, counted in the outbox (so across nodes); beyond it the ticket stands but the mail is
// not queued, and the ticket's audit says why. The templates (templates.ts) keep requester-written text out of them.
import type { MailKind } from '../../src-shared/mail-delivery';
import type { Ticket, TicketAuditEntry } from '../../src-shared/ticket';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { countMailsTo, type NewOutboxMail } from '../db/mail-outbox';
import { enqueueTicketMails } from './ticket-mail-headers';
import { insertAudit } from '../db/tickets';
import { appendEvent, type LoggedEvent } from '../db/events';

/** The first replies: sent because someone typed an address, before anyone could know it is theirs. */
export const UNVERIFIED_MAIL_KINDS: readonly MailKind[] = ['email_ack', 'chat_recap'];
export const UNVERIFIED_MAIL_WINDOW_MS = 3_600_000;

/**
 * Queues `mail` in `trx` unless its address already had `perHour` unverified mails in the last hour; then records the
 * withheld mail in the ticket's audit and returns the audit event to publish (none when the mail was queued).
 */
export async function queueUnverifiedMail(ctx: Pick<ServerContext, 'clock' | 'log' | 'config' | 'secret'>, trx: Db, ticket: Ticket, mail: NewOutboxMail & { kind: MailKind }): Promise<LoggedEvent[]> {
  const now = ctx.clock.now();
  const perHour = ctx.config.unverifiedMailPerHour;
  const sent = await countMailsTo(trx, mail.to, UNVERIFIED_MAIL_KINDS, now - UNVERIFIED_MAIL_WINDOW_MS);
  if (sent < perHour) {
    await enqueueTicketMails(ctx, trx, [mail], now);
    return [];
  }
  ctx.log.warn({ ticketId: ticket.id, kind: mail.kind, sentLastHour: sent, limit: perHour }, 'mail to an unverified address withheld');
  const entry: TicketAuditEntry = {
    ticketId: ticket.id,
    at: now,
    actorKind: 'system',
    actorId: null,
    field: 'mail',
    from: null,
    to: `${mail.kind} not sent: ${sent} mails to this address in the last hour (limit ${perHour})`,
  };
  await insertAudit(trx, [entry]);
  return [await appendEvent(trx, 'ticket.audit', entry, now, { conversationId: null, departmentId: ticket.departmentId, specialistId: ticket.assigneeId, visitorVisible: false })];
}
