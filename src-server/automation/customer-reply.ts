// What a customer's reply does to a ticket (reopen, nothing, or a linked follow-up ticket), decided purely from the ticket and `now`.
import type { Ticket } from '../../src-shared/ticket';
import { canTransition, nextStatusOnCustomerReply } from '../../src-shared/ticket-lifecycle';
import { openTicketDraft, type TicketDraft } from './new-ticket';
import { ticketChange, type StatusStamp, type TicketChange } from './ticket-change';

/** A new ticket to insert; the db layer assigns the id. */
export type FollowUpDraft = TicketDraft;

export type CustomerReplyDecision =
  /** Open or Fixed – Pending RCA: the reply is just a comment. */
  | { kind: 'unchanged' }
  /** Awaiting your reply or Solved → Open. The new status stamp makes every pending automation job of the old one stale. */
  | { kind: 'reopen'; change: TicketChange }
  /** Closed is terminal: the reply starts a new Open ticket linked by `followUpOf`. */
  | { kind: 'follow_up'; draft: FollowUpDraft };

const SUBJECT_MAX = 200;

/**
 * Reopening a Solved ticket clears its resolution and solvedAt (the audit lines keep the old values), so solving it
 * again asks for a fresh resolution and the 28-day close countdown restarts from the new solve.
 */
export function decideCustomerReply(ticket: Ticket, stamp: StatusStamp, now: number, channel: Ticket['channel']): CustomerReplyDecision {
  const effect = nextStatusOnCustomerReply(ticket.status);
  if (effect.kind === 'follow_up') return { kind: 'follow_up', draft: followUpDraft(ticket, now, channel) };
  if (effect.status === ticket.status || !canTransition(ticket.status, effect.status, 'customer')) return { kind: 'unchanged' };
  const after: Ticket =
    ticket.status === 'solved'
      ? { ...ticket, status: effect.status, resolution: null, solvedAt: null, updatedAt: now }
      : { ...ticket, status: effect.status, updatedAt: now };
  return { kind: 'reopen', change: ticketChange(ticket, stamp, after, { kind: 'customer', id: null }, now) };
}

/**
 * The follow-up keeps who asked, where and about what (department, product, category, CCs, context) and the last
 * assignee, who knows the history; everything about the old ticket's outcome starts empty.
 */
export function followUpDraft(closed: Ticket, now: number, channel: Ticket['channel']): FollowUpDraft {
  return openTicketDraft(
    {
      subject: `Follow-up to #${closed.id}: ${closed.subject}`.slice(0, SUBJECT_MAX),
      channel,
      departmentId: closed.departmentId,
      requesterEmail: closed.requesterEmail,
      ccs: [...closed.ccs],
      context: closed.context,
      category: closed.category,
      product: closed.product,
      assigneeId: closed.assigneeId,
      conversationId: null,
      followUpOf: closed.id,
    },
    now,
  );
}
