// A ticket change decided by a pure rule (automation or a customer reply): the new ticket, its audit lines, and the state it assumed.
import type { Ticket, TicketAuditEntry } from '../../src-shared/ticket';
import type { TicketStatus } from '../../src-shared/ticket-lifecycle';

/** The ticket's status and the instant it entered it; the pair automation jobs are planned from. */
export type StatusStamp = { status: TicketStatus; statusSince: number };

/**
 * What the persistence layer must write. `expected` makes it a compare-and-set: the write only applies while the
 * stored ticket still has that status since that instant, so a customer reply racing an auto-solve wins cleanly
 * (see AutomationPort.applyTicketChange).
 */
export type TicketChange = {
  ticketId: number;
  expected: StatusStamp;
  ticket: Ticket;
  /** The new stamp; equals `expected` when the status did not change. */
  stamp: StatusStamp;
  audit: TicketAuditEntry[];
};

type Actor = { kind: TicketAuditEntry['actorKind']; id: string | null };

const tracked = ['status', 'resolution', 'solvedAt', 'closedAt'] as const;

/** Audit lines for the tracked fields that differ between `before` and `after`, in a fixed order. */
export function auditLines(before: Ticket, after: Ticket, actor: Actor, at: number): TicketAuditEntry[] {
  return tracked
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ ticketId: before.id, at, actorKind: actor.kind, actorId: actor.id, field, from: before[field], to: after[field] }));
}

/** Builds the change from `before` (in `expected`) to `after`, stamping a new status instant when the status moved. */
export function ticketChange(before: Ticket, expected: StatusStamp, after: Ticket, actor: Actor, at: number): TicketChange {
  const stamp = after.status === before.status ? expected : { status: after.status, statusSince: at };
  return { ticketId: before.id, expected, ticket: after, stamp, audit: auditLines(before, after, actor, at) };
}

/**
 * When the ticket entered its current status, from its audit trail: the newest status line that moved it to the
 * current status. Fallbacks for tickets without such a line: solvedAt/closedAt, else createdAt (tickets are
 * created Open). A `status_changed_at` column written with every status change is cheaper; this is the fallback.
 */
export function statusEnteredAt(ticket: Ticket, audit: readonly TicketAuditEntry[]): number {
  let newest: number | null = null;
  for (const line of audit) {
    if (line.ticketId !== ticket.id || line.field !== 'status' || line.to !== ticket.status) continue;
    if (newest === null || line.at > newest) newest = line.at;
  }
  if (newest !== null) return newest;
  if (ticket.status === 'solved' && ticket.solvedAt !== null) return ticket.solvedAt;
  if (ticket.status === 'closed' && ticket.closedAt !== null) return ticket.closedAt;
  return ticket.createdAt;
}
