// The customer emails (chat recap, EMAIL US acknowledgement), rendered and queued in the mail outbox inside the
// transaction of the change that causes them, so the change is never committed without its mail (mail-delivery.ts sends).
// Each carries the signed Reply-To and threading headers of its ticket (ticket-mail-headers.ts).
import type { ServerContext } from '../context';
import type { Conversation } from '../../src-shared/conversation';
import type { Ticket } from '../../src-shared/ticket';
import type { Db } from '../db/schema';
import { getTicket } from '../db/tickets';
import { listMessages } from '../db/messages';
import { getDepartment } from '../db/departments';
import type { LoggedEvent } from '../db/events';
import { signCommentLink } from '../auth/tokens';
import { chatRecap, emailAcknowledgement } from './templates';
import { queueUnverifiedMail } from './unverified-mail';
import { expectedReply } from './expected-reply';
import { enqueueTicketMails } from './ticket-mail-headers';

export function commentUrl(ctx: Pick<ServerContext, 'secret' | 'clock' | 'config'>, ticketId: number): string {
  const sig = signCommentLink(ctx.secret, ticketId, ctx.clock.now() + ctx.config.commentLinkTtlMs);
  return `${ctx.config.publicUrl}/comment/${ticketId}?sig=${encodeURIComponent(sig)}`;
}

/**
 * Queues the recap of a chat in the transaction that ends it. The transcript is read in that transaction, so the
 * recap holds exactly what was committed (the closing note included); one recap per conversation, by key. The
 * address was typed into the widget: capped per hour (unverified-mail.ts); returns the audit event of a withheld one.
 */
export async function queueChatRecap(ctx: ServerContext, trx: Db, conversation: Conversation): Promise<LoggedEvent[]> {
  if (conversation.ticketId === null) return [];
  const ticket = await getTicket(trx, conversation.ticketId);
  if (!ticket) return [];
  const transcript = await listMessages(trx, conversation.id, { includeInternal: false });
  const dept = await getDepartment(trx, conversation.departmentId);
  const { subject, text } = chatRecap({ ticket, transcript, endReason: conversation.endReason, commentUrl: commentUrl(ctx, ticket.id), departmentName: dept?.name ?? 'our' });
  return queueUnverifiedMail(ctx, trx, ticket, { key: `chat_recap:${conversation.id}`, kind: 'chat_recap', to: conversation.visitorEmail, subject, text, ticketId: ticket.id });
}

/**
 * Queues the acknowledgement of a new ticket (EMAIL US, Submit a request, a new mail) in the transaction that
 * creates it; one per ticket, by key. An address nobody proved they own is capped per hour (unverified-mail.ts):
 * returns the audit event of a withheld one. `verified`: the portal's signed-in customer, never capped.
 */
export async function queueEmailAcknowledgement(
  ctx: ServerContext,
  trx: Db,
  input: { ticket: Ticket; expectedReplyText: string; departmentName: string; verified?: boolean },
): Promise<LoggedEvent[]> {
  const { ticket } = input;
  const { subject, text } = emailAcknowledgement({ ...input, commentUrl: commentUrl(ctx, ticket.id) });
  const mail = { key: `email_ack:${ticket.id}`, kind: 'email_ack' as const, to: ticket.requesterEmail, subject, text, ticketId: ticket.id };
  if (input.verified) {
    await enqueueTicketMails(ctx, trx, [mail], ctx.clock.now());
    return [];
  }
  return queueUnverifiedMail(ctx, trx, ticket, mail);
}

/**
 * The one mail of a chat that ends, queued in the transaction that ends it. A visitor who asked to be answered by
 * email instead of waiting ("Answer me by email instead") made an EMAIL US request of their question: they get its
 * acknowledgement (when to expect our reply, the comment link), not a recap of a chat that never happened. Keyed
 * like EMAIL US (one per ticket), so it is sent once whichever way the chat ends afterwards.
 */
export async function queueChatEndMail(ctx: ServerContext, trx: Db, conversation: Conversation, opts: { answerByEmail: boolean }): Promise<LoggedEvent[]> {
  if (!opts.answerByEmail) return queueChatRecap(ctx, trx, conversation);
  if (conversation.ticketId === null) return [];
  const ticket = await getTicket(trx, conversation.ticketId);
  const dept = await getDepartment(trx, conversation.departmentId);
  if (!ticket || !dept) return [];
  return queueEmailAcknowledgement(ctx, trx, { ticket, expectedReplyText: expectedReply(dept, ctx.clock.now()).text, departmentName: dept.name });
}
