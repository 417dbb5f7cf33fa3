import { describe, expect, it } from 'vitest';
import { ticketListRows } from '../../../../src-renderer/tickets/ticket-list-rows';
import { makeTicket } from '../../../support/entity-factories';

// The list comes newest first, as listTickets answers.
const list = [makeTicket({ id: 9 }), makeTicket({ id: 7 }), makeTicket({ id: 3 })];
const shape = (rows: ReturnType<typeof ticketListRows>) => rows.map((r) => `${r.ticket.id}${r.pinned ? '*' : ''}`);

describe('ticketListRows', () => {
  it('is the filtered list when nothing is open or the open ticket matches the filter', () => {
    expect(shape(ticketListRows(list, null))).toEqual(['9', '7', '3']);
    expect(shape(ticketListRows(list, makeTicket({ id: 7 })))).toEqual(['9', '7', '3']);
  });

  it('keeps a just-solved open ticket in its place, marked as outside the filter', () => {
    expect(shape(ticketListRows(list, makeTicket({ id: 5, status: 'solved' })))).toEqual(['9', '7', '5*', '3']);
  });

  it('puts it first or last when it is the newest or the oldest', () => {
    expect(shape(ticketListRows(list, makeTicket({ id: 12 })))).toEqual(['12*', '9', '7', '3']);
    expect(shape(ticketListRows(list, makeTicket({ id: 1 })))).toEqual(['9', '7', '3', '1*']);
  });

  it('shows the open ticket alone when nothing matches the filter', () => {
    expect(shape(ticketListRows([], makeTicket({ id: 4 })))).toEqual(['4*']);
  });

  it('shows the open ticket’s current state, not the list’s', () => {
    const solved = makeTicket({ id: 5, status: 'solved' });
    expect(ticketListRows(list, solved).find((r) => r.pinned)?.ticket).toBe(solved);
  });
});
