// What one parsed inbound mail becomes: ignored (a machine wrote it), a comment on its ticket, or a new ticket.
import { classifyMail } from './mail-classifier';
import type { ParsedInbound } from './inbound-parse';
import { stripQuotedReply } from './quoted-text';
import { matchReply } from './reply-address';

export type InboundDecision =
  | { action: 'ignore'; reason: string }
  | { action: 'comment'; ticketId: number; text: string }
  | { action: 'ticket'; departmentId: string; subject: string; text: string };

export interface DecisionContext {
  secret: string;
  /** The domain of our outgoing Message-IDs (MAIL_FROM's domain). */
  ownMessageIdDomain: string;
  /** The department the listener mapped the recipient to. */
  departmentId: string;
  /** Envelope recipients, which carry the signed tag even when the To header does not (Bcc, forwarding). */
  envelopeTo: readonly string[];
  sentIdsForTicket: (ticketId: number) => readonly string[];
}

/** Machines first: an auto-reply that quotes our reply address must never become a comment (and notify anyone). */
export function decideInbound(mail: ParsedInbound, ctx: DecisionContext): InboundDecision {
  const kind = classifyMail({ headers: mail.headers, from: mail.from, ownMessageIdDomain: ctx.ownMessageIdDomain });
  if (kind.kind === 'automatic') return { action: 'ignore', reason: kind.reason };
  const ticketId = matchReply(ctx.secret, { recipients: [...ctx.envelopeTo, ...mail.recipients], subject: mail.subject, referencedIds: mail.referencedIds, sentIdsForTicket: ctx.sentIdsForTicket });
  if (ticketId !== null) return { action: 'comment', ticketId, text: stripQuotedReply(mail.text) };
  return { action: 'ticket', departmentId: ctx.departmentId, subject: mail.subject.trim() || '(no subject)', text: mail.text };
}
