// Tickets slice: the filtered ticket list, its filters, and the ticket open in the detail view.
import type { StateCreator } from 'zustand';
import type { ConsoleResults } from '../../src-shared/console-api';
import type { Ticket } from '../../src-shared/ticket';
import type { TicketStatus } from '../../src-shared/ticket-lifecycle';
import type { AppState } from './app-store';

/** `escalated`: leads review tickets escalated to engineering (asked from the server when online). */
export type TicketFilters = { status: TicketStatus[]; departmentId: string | null; mine: boolean; query: string; escalated: boolean };
export type TicketDetail = ConsoleResults['getTicket'];

export const defaultTicketFilters: TicketFilters = { status: ['open', 'awaiting_reply', 'fixed_pending_rca'], departmentId: null, mine: false, query: '', escalated: false };

export type TicketsSlice = {
  tickets: Ticket[];
  ticketFilters: TicketFilters;
  selectedTicketId: number | null;
  ticketDetail: TicketDetail | null;
  ticketsLoading: boolean;
  setTickets: (tickets: Ticket[]) => void;
  setTicketFilters: (patch: Partial<TicketFilters>) => void;
  selectTicket: (id: number | null) => void;
  setTicketDetail: (detail: TicketDetail | null) => void;
  setTicketsLoading: (loading: boolean) => void;
};

/** The listTickets input for the current filters. */
export function ticketQuery(f: TicketFilters): { status?: TicketStatus[]; departmentId?: string; mine?: boolean; query?: string; escalated?: boolean; limit: number } {
  return {
    ...(f.status.length > 0 ? { status: f.status } : {}),
    ...(f.departmentId ? { departmentId: f.departmentId } : {}),
    ...(f.mine ? { mine: true } : {}),
    ...(f.query.trim() ? { query: f.query.trim() } : {}),
    ...(f.escalated ? { escalated: true } : {}),
    limit: 200,
  };
}

export const createTicketsSlice: StateCreator<AppState, [], [], TicketsSlice> = (set) => ({
  tickets: [],
  ticketFilters: defaultTicketFilters,
  selectedTicketId: null,
  ticketDetail: null,
  ticketsLoading: false,
  setTickets: (tickets) => set({ tickets }),
  setTicketFilters: (patch) => set((s) => ({ ticketFilters: { ...s.ticketFilters, ...patch } })),
  selectTicket: (selectedTicketId) =>
    set((s) => ({ selectedTicketId, ticketDetail: s.ticketDetail?.ticket.id === selectedTicketId ? s.ticketDetail : null, ...(selectedTicketId !== null ? { view: 'tickets' as const } : {}) })),
  setTicketDetail: (ticketDetail) => set({ ticketDetail }),
  setTicketsLoading: (ticketsLoading) => set({ ticketsLoading }),
});
