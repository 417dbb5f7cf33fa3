// Ticket statuses and who may move a ticket from which status to which (DESIGN.md §3), as data plus two pure checks.
import { z } from 'zod';

export const ticketStatuses = ['open', 'awaiting_reply', 'fixed_pending_rca', 'solved', 'closed'] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** The names customers see (support page, emails). */
export const ticketStatusLabels: Record<TicketStatus, string> = {
  open: 'Open',
  awaiting_reply: 'Awaiting your reply',
  fixed_pending_rca: 'Fixed – Pending RCA',
  solved: 'Solved',
  closed: 'Closed',
};

/** Customer-facing explanations, worded as in the support docs. */
export const ticketStatusDescriptions: Record<TicketStatus, string> = {
  open: 'The ticket is open and either with our support staff or pending with our product/development team.',
  awaiting_reply: 'We require information or confirmation from the ticket requester.',
  fixed_pending_rca:
    'Issue has been mitigated and a viable workaround has been provided. We are actively working on Root Cause Analysis (RCA).',
  solved: 'The ticket has been resolved.',
  closed: 'The ticket is closed. A reply creates a new follow-up ticket.',
};

export type TicketActor = 'specialist' | 'customer' | 'system';

/**
 * Every allowed move, by actor: `ticketTransitions[actor][from]` lists the statuses `to`.
 * - specialists move freely among the four working statuses (solving also needs a resolution, checked by
 *   the resolution catalog), never to or from closed;
 * - the system auto-solves an unanswered awaiting_reply ticket and closes a solved one after AUTO_CLOSE_DAYS;
 * - customers have no "set status" action: their entries are exactly what a reply causes
 *   (see nextStatusOnCustomerReply), listed here so the table names every legal move;
 * - closed is terminal for everyone (a reply to it opens a follow-up ticket instead).
 */
export const ticketTransitions: { readonly [A in TicketActor]: { readonly [S in TicketStatus]: readonly TicketStatus[] } } = {
  specialist: {
    open: ['awaiting_reply', 'fixed_pending_rca', 'solved'],
    awaiting_reply: ['open', 'fixed_pending_rca', 'solved'],
    fixed_pending_rca: ['open', 'awaiting_reply', 'solved'],
    solved: ['open', 'awaiting_reply', 'fixed_pending_rca'],
    closed: [],
  },
  system: {
    open: [],
    awaiting_reply: ['solved'],
    fixed_pending_rca: [],
    solved: ['closed'],
    closed: [],
  },
  customer: {
    open: [],
    awaiting_reply: ['open'],
    fixed_pending_rca: [],
    solved: ['open'],
    closed: [],
  },
};

/** Whether `actor` may move a ticket from `from` to `to`. Staying in the same status is not a transition. */
export function canTransition(from: TicketStatus, to: TicketStatus, actor: TicketActor): boolean {
  return ticketTransitions[actor][from].includes(to);
}

export type CustomerReplyEffect = { kind: 'set'; status: TicketStatus } | { kind: 'follow_up' };

/**
 * What a customer's reply does to a ticket: it answers "Awaiting your reply" and reopens "Solved" (both → Open),
 * leaves Open and Fixed – Pending RCA as they are, and on a Closed ticket starts a linked follow-up ticket.
 */
export function nextStatusOnCustomerReply(status: TicketStatus): CustomerReplyEffect {
  switch (status) {
    case 'awaiting_reply':
    case 'solved':
      return { kind: 'set', status: 'open' };
    case 'open':
    case 'fixed_pending_rca':
      return { kind: 'set', status };
    case 'closed':
      return { kind: 'follow_up' };
  }
}

/**
 * Defaults from the support docs ("2 reminders, then auto-solved after 7 business days"). Reminders go out
 * after 2 and 5 business days so the last one still leaves the customer 2 business days before auto-solve.
 */
export const REMINDER_BUSINESS_DAYS = [2, 5] as const;
export const AUTO_SOLVE_BUSINESS_DAYS = 7;
/** Calendar days, not business days: the docs say a solved ticket "closes 28 days" after it was solved. */
export const AUTO_CLOSE_DAYS = 28;
