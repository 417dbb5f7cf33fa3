// The headers that make a customer's reply to our ticket mail come back to the ticket: the signed Reply-To of the
// ticket's department, and In-Reply-To/References so mail programs thread it. Added here, once, for every customer
// mail about a ticket (recap, acknowledgement, automation update, incident resolved, reply), in the queuing transaction.
import type { MailKind } from '../../src-shared/mail-delivery';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { getTicket } from '../db/tickets';
import { getDepartment } from '../db/departments';
import { inboundMessageIdsForTicket } from '../db/inbound-mail';
import { enqueueMails, sentMailsForTicket, type NewOutboxMail } from '../db/mail-outbox';
import { replyAddress } from '../inbound/reply-address';
import { outboxMessageId } from './mail-delivery';

/** Mail a customer may answer. Account Management's hand-off and sign-in links are not: a reply there is no ticket comment. */
export const CUSTOMER_TICKET_MAIL_KINDS: readonly MailKind[] = ['chat_recap', 'email_ack', 'ticket_update', 'incident_resolved', 'ticket_reply'];

/** Mail programs keep the whole chain in References; ten recent ids thread as well and keep the header short. */
export const REFERENCES_CAP = 10;

export interface ThreadHeaders {
  inReplyTo: string | null;
  references: string[];
}

/**
 * Pure: In-Reply-To is the customer's latest mail (what they expect our answer to hang under), else our latest
 * mail; References the ticket's ids of both sides in time order, the last REFERENCES_CAP.
 */
export function threadHeaders(inbound: readonly { messageId: string; at: number }[], sent: readonly { messageId: string; at: number }[]): ThreadHeaders {
  const latest = (l: readonly { messageId: string; at: number }[]) => l.reduce<{ messageId: string; at: number } | null>((a, b) => (a === null || b.at >= a.at ? b : a), null);
  const all = [...inbound, ...sent].sort((a, b) => a.at - b.at);
  const references = [...new Set(all.map((m) => m.messageId))].slice(-REFERENCES_CAP);
  return { inReplyTo: (latest(inbound) ?? latest(sent))?.messageId ?? null, references };
}

/** The Message-IDs we sent for a ticket (matching a reply by its subject tag needs one of them in References). */
export async function sentMessageIds(ctx: Pick<ServerContext, 'config'>, db: Db, ticketId: number): Promise<{ messageId: string; at: number }[]> {
  return (await sentMailsForTicket(db, ticketId)).map((m) => ({ messageId: outboxMessageId(m, ctx.config.mailFrom), at: m.sentAt }));
}

export async function ticketMailHeaders(ctx: Pick<ServerContext, 'config' | 'secret'>, db: Db, ticketId: number): Promise<{ replyTo: string | null } & ThreadHeaders> {
  const ticket = await getTicket(db, ticketId);
  const dept = ticket ? await getDepartment(db, ticket.departmentId) : null;
  const [inbound, sent] = await Promise.all([inboundMessageIdsForTicket(db, ticketId), sentMessageIds(ctx, db, ticketId)]);
  return { replyTo: dept?.email ? replyAddress(ctx.secret, dept.email, ticketId) : null, ...threadHeaders(inbound, sent) };
}

/** enqueueMails for mail that may be about a ticket: customer mail gets the reply and threading headers first. */
export async function enqueueTicketMails(ctx: Pick<ServerContext, 'config' | 'secret'>, trx: Db, mails: readonly NewOutboxMail[], now: number): Promise<void> {
  const headers = new Map<number, Awaited<ReturnType<typeof ticketMailHeaders>>>();
  const out: NewOutboxMail[] = [];
  for (const m of mails) {
    if (m.ticketId === null || !CUSTOMER_TICKET_MAIL_KINDS.includes(m.kind)) {
      out.push(m);
      continue;
    }
    let h = headers.get(m.ticketId);
    if (!h) {
      h = await ticketMailHeaders(ctx, trx, m.ticketId);
      headers.set(m.ticketId, h);
    }
    out.push({ ...m, replyTo: m.replyTo ?? h.replyTo, inReplyTo: m.inReplyTo ?? h.inReplyTo, references: m.references ?? h.references });
  }
  await enqueueMails(trx, out, now);
}
