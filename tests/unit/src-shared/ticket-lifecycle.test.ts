import { describe, it, expect } from 'vitest';
import {
  AUTO_CLOSE_DAYS,
  AUTO_SOLVE_BUSINESS_DAYS,
  canTransition,
  nextStatusOnCustomerReply,
  REMINDER_BUSINESS_DAYS,
  ticketStatusDescriptions,
  ticketStatuses,
  ticketStatusLabels,
  ticketStatusSchema,
  ticketTransitions,
  type CustomerReplyEffect,
  type TicketActor,
  type TicketStatus,
} from '../../../src-shared/ticket-lifecycle';

const actors: TicketActor[] = ['specialist', 'customer', 'system'];

// Written out independently of ticketTransitions, from DESIGN.md §3: every move not listed here is refused.
const allowed = new Set([
  'specialist: open → awaiting_reply',
  'specialist: open → fixed_pending_rca',
  'specialist: open → solved',
  'specialist: awaiting_reply → open',
  'specialist: awaiting_reply → fixed_pending_rca',
  'specialist: awaiting_reply → solved',
  'specialist: fixed_pending_rca → open',
  'specialist: fixed_pending_rca → awaiting_reply',
  'specialist: fixed_pending_rca → solved',
  'specialist: solved → open',
  'specialist: solved → awaiting_reply',
  'specialist: solved → fixed_pending_rca',
  'system: awaiting_reply → solved', // auto-solve after 7 business days without a reply
  'system: solved → closed', // auto-close 28 days after solving
  'customer: awaiting_reply → open', // by replying
  'customer: solved → open', // by replying: reopen
]);

const everyMove = actors.flatMap((actor) =>
  ticketStatuses.flatMap((from) => ticketStatuses.map((to) => [actor, from, to] as [TicketActor, TicketStatus, TicketStatus])),
);

describe('ticket statuses', () => {
  it('are the four customer-facing statuses plus terminal closed, in workflow order', () => {
    expect(ticketStatuses).toEqual(['open', 'awaiting_reply', 'fixed_pending_rca', 'solved', 'closed']);
  });

  it('parse only known statuses', () => {
    for (const s of ticketStatuses) expect(ticketStatusSchema.parse(s)).toBe(s);
    expect(ticketStatusSchema.safeParse('pending').success).toBe(false);
    expect(ticketStatusSchema.safeParse('Open').success).toBe(false);
  });

  it('carry the names customers see', () => {
    expect(ticketStatusLabels).toEqual({
      open: 'Open',
      awaiting_reply: 'Awaiting your reply',
      fixed_pending_rca: 'Fixed – Pending RCA',
      solved: 'Solved',
      closed: 'Closed',
    });
  });

  it('each have a customer-facing description', () => {
    for (const s of ticketStatuses) expect(ticketStatusDescriptions[s].length).toBeGreaterThan(10);
  });
});

describe('canTransition', () => {
  it(`covers all ${everyMove.length} actor × from × to combinations`, () => {
    expect(everyMove).toHaveLength(3 * 5 * 5);
  });

  it.each(everyMove)('%s: %s → %s is allowed only if listed in DESIGN.md §3', (actor, from, to) => {
    expect(canTransition(from, to, actor)).toBe(allowed.has(`${actor}: ${from} → ${to}`));
  });

  it('never allows staying in the same status', () => {
    for (const actor of actors) for (const s of ticketStatuses) expect(canTransition(s, s, actor)).toBe(false);
  });

  it('treats closed as terminal for everyone', () => {
    for (const actor of actors) expect(ticketTransitions[actor].closed).toEqual([]);
  });

  it('lets only the system close a ticket, and only a solved one', () => {
    const intoClosed = everyMove.filter(([actor, from, to]) => to === 'closed' && canTransition(from, to, actor));
    expect(intoClosed).toEqual([['system', 'solved', 'closed']]);
  });

  it('lets customers change status only in the ways a reply does', () => {
    for (const from of ticketStatuses) {
      const effect = nextStatusOnCustomerReply(from);
      for (const to of ticketStatuses) {
        const byReply = effect.kind === 'set' && effect.status === to && to !== from;
        expect(canTransition(from, to, 'customer')).toBe(byReply);
      }
    }
  });
});

describe('nextStatusOnCustomerReply', () => {
  const cases: [TicketStatus, CustomerReplyEffect, string][] = [
    ['awaiting_reply', { kind: 'set', status: 'open' }, 'the reply answers the question'],
    ['solved', { kind: 'set', status: 'open' }, 'the reply reopens the ticket'],
    ['open', { kind: 'set', status: 'open' }, 'still with support'],
    ['fixed_pending_rca', { kind: 'set', status: 'fixed_pending_rca' }, 'the RCA is still pending'],
    ['closed', { kind: 'follow_up' }, 'a closed ticket stays closed; the reply starts a linked follow-up'],
  ];
  it.each(cases)('a reply to a %s ticket gives %j (%s)', (status, effect, _why) => {
    expect(nextStatusOnCustomerReply(status)).toEqual(effect);
  });
});

describe('automation defaults', () => {
  it('auto-solves after 7 business days with 2 reminders before it, and closes 28 days after solving', () => {
    expect(AUTO_SOLVE_BUSINESS_DAYS).toBe(7);
    expect(AUTO_CLOSE_DAYS).toBe(28);
    expect(REMINDER_BUSINESS_DAYS).toEqual([2, 5]);
  });

  it('sends the reminders in order, before the auto-solve day', () => {
    const [first, second] = REMINDER_BUSINESS_DAYS;
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(AUTO_SOLVE_BUSINESS_DAYS);
  });
});
