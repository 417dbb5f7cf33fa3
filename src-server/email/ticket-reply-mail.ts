// A specialist's public comment, mailed to the requester and each CC in the transaction that writes it; a reply to
// it (the signed Reply-To, ticket-mail-headers.ts) comes back to the ticket as the customer's comment.
import type { Ticket, TicketComment } from '../../src-shared/ticket';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import type { NewOutboxMail } from '../db/mail-outbox';
import { REPLY_ABOVE_MARKER } from '../inbound/quoted-text';
import { commentUrl } from './customer-mail';
import { enqueueTicketMails } from './ticket-mail-headers';

/** Pure: the mail text. The marker goes first, so whatever a mail program quotes below the customer's words is cut (quoted-text.ts). */
export function ticketReplyMail(opts: { ticket: Pick<Ticket, 'id' | 'subject'>; comment: Pick<TicketComment, 'authorName' | 'body'>; commentUrl: string }): { subject: string; text: string } {
  return {
    subject: `Re: ${opts.ticket.subject} [#${opts.ticket.id}]`,
    text: [
      REPLY_ABOVE_MARKER,
      '',
      `${opts.comment.authorName} replied to your ticket #${opts.ticket.id}:`,
      '',
      opts.comment.body,
      '',
      'To see the whole ticket or add a comment, open:',
      opts.commentUrl,
      '',
      'Replying to this email adds your reply to the ticket.',
      '',
    ].join('\n'),
  };
}

/**
 * Not capped like the first mails to a typed address (unverified-mail.ts): these go to addresses already on the
 * ticket, because a specialist wrote. Keyed per comment and address, so a retried command queues nothing new.
 * Returns whether any mail was queued (the caller wakes the outbox after its commit).
 */
export async function queueTicketReplyMails(ctx: Pick<ServerContext, 'config' | 'secret' | 'clock'>, trx: Db, ticket: Ticket, comment: TicketComment): Promise<boolean> {
  if (comment.internal) return false;
  const { subject, text } = ticketReplyMail({ ticket, comment, commentUrl: commentUrl(ctx, ticket.id) });
  const recipients = [...new Set([ticket.requesterEmail, ...ticket.ccs].map((a) => a.toLowerCase()))];
  const mails: NewOutboxMail[] = recipients.map((to) => ({ key: `ticket_reply:${comment.id}:${to}`, kind: 'ticket_reply', to, subject, text, ticketId: ticket.id }));
  await enqueueTicketMails(ctx, trx, mails, ctx.clock.now());
  return mails.length > 0;
}
