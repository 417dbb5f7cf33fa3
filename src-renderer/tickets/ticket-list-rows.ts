// The rows of the ticket list: the filtered tickets, plus the ticket open in the detail when the filter no longer
// matches it. Pure, so the pinning rule is unit-tested.
//
// Why pin rather than add Solved to the default filter: the default list is the work still to do, and it should
// stay that. But an agent who just solved (or parked) the ticket in front of them expects it to stay where it
// was until they move on, to check the result or undo it, not to vanish from under the cursor. So the open
// ticket keeps its place, marked as outside the filter, and goes once another ticket is opened.
import type { Ticket } from '../../src-shared/ticket';

export interface TicketRow {
  ticket: Ticket;
  /** Shown only because it is open in the detail: it does not match the current filter. */
  pinned: boolean;
}

/**
 * `open` is the ticket in the detail view (null when none). The list comes newest first (id descending), so a
 * pinned ticket goes where the filter would have put it, and the list does not jump when it drops out.
 */
export function ticketListRows(tickets: readonly Ticket[], open: Ticket | null): TicketRow[] {
  const rows = tickets.map((ticket) => ({ ticket, pinned: false }));
  if (!open || tickets.some((t) => t.id === open.id)) return rows;
  const at = rows.findIndex((r) => r.ticket.id < open.id);
  rows.splice(at === -1 ? rows.length : at, 0, { ticket: open, pinned: true });
  return rows;
}
