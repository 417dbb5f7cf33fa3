// Tickets: filters (status, department, mine, search), the list (keeping the open ticket), and the selected ticket beside it.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ticketStatuses, ticketStatusLabels } from '../../src-shared/ticket-lifecycle';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { TicketDetailView } from './TicketDetailView';
import { StatusBadge } from './StatusBadge';
import { ChannelBadge } from './ChannelBadge';
import { formatDateTime } from '../format/time';
import { ticketListRows } from './ticket-list-rows';
import './tickets.css';

export function TicketsView() {
  const controller = useController();
  const filters = useApp((s) => s.ticketFilters);
  const setFilters = useApp((s) => s.setTicketFilters);
  const departments = useApp((s) => s.departments);
  const lead = useApp((s) => s.session?.me?.role === 'lead' || s.session?.me?.role === 'admin');
  const [query, setQuery] = useState(filters.query);

  useEffect(() => {
    controller.refreshTickets();
  }, [filters, controller]);
  useEffect(() => {
    const t = setTimeout(() => setFilters({ query }), 250);
    return () => clearTimeout(t);
  }, [query, setFilters]);

  return (
    <section className="view tickets-view" aria-labelledby="tickets-title">
      <div className="tickets-list-pane">
        <header className="view-header">
          <h1 id="tickets-title">Tickets</h1>
        </header>
        <div className="filters" role="group" aria-label="Ticket filters">
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search subject, email, #id" aria-label="Search tickets" />
          <div className="status-chips" role="group" aria-label="Status">
            {ticketStatuses.map((st) => {
              const on = filters.status.includes(st);
              return (
                <button
                  key={st}
                  type="button"
                  className={`chip status-chip${on ? ' pressed' : ''}`}
                  aria-pressed={on}
                  onClick={() => setFilters({ status: on ? filters.status.filter((x) => x !== st) : [...filters.status, st] })}
                >
                  {/* The check mark says "selected" without relying on the tint. */}
                  {on && (
                    <span className="chip-check" aria-hidden="true">
                      ✓
                    </span>
                  )}
                  {ticketStatusLabels[st]}
                </button>
              );
            })}
          </div>
          <div className="filters-row">
            <select value={filters.departmentId ?? ''} onChange={(e) => setFilters({ departmentId: e.target.value || null })} aria-label="Department">
              <option value="">All departments</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            <label className="toggle">
              <input type="checkbox" checked={filters.mine} onChange={(e) => setFilters({ mine: e.target.checked })} />
              <span>Mine</span>
            </label>
            {lead && (
              <label className="toggle">
                <input type="checkbox" checked={filters.escalated} onChange={(e) => setFilters({ escalated: e.target.checked })} />
                <span>Escalated</span>
              </label>
            )}
          </div>
        </div>
        <TicketList />
      </div>
      <TicketDetailView />
    </section>
  );
}

function TicketList() {
  const tickets = useApp(useShallow((s) => s.tickets));
  const selected = useApp((s) => s.selectedTicketId);
  const open = useApp((s) => (s.ticketDetail && s.ticketDetail.ticket.id === s.selectedTicketId ? s.ticketDetail.ticket : null));
  const loading = useApp((s) => s.ticketsLoading);
  const controller = useController();
  const rows = ticketListRows(tickets, open);
  return (
    <ul className="ticket-list" aria-label="Tickets" aria-busy={loading}>
      {rows.map(({ ticket: t, pinned }) => (
        <li key={t.id}>
          <button
            type="button"
            className={`ticket-row${t.id === selected ? ' selected' : ''}${pinned ? ' ticket-row-pinned' : ''}`}
            aria-current={t.id === selected ? 'true' : undefined}
            onClick={() => controller.openTicket(t.id)}
            data-testid="ticket-row"
            data-pinned={pinned || undefined}
          >
            <span className="ticket-row-top">
              <span className="ticket-id">#{t.id}</span>
              <span className="ticket-subject" title={t.subject || undefined}>
                {t.subject || '(no subject)'}
              </span>
            </span>
            <span className="ticket-row-bottom muted">
              <StatusBadge status={t.status} />
              <ChannelBadge channel={t.channel} />
              {pinned && <span className="tag ticket-row-outside">Not in this filter</span>}
              <span className="ticket-row-email">{t.requesterEmail}</span>
              <span className="spacer" />
              <span className="ticket-row-date">{formatDateTime(t.updatedAt)}</span>
            </span>
          </button>
        </li>
      ))}
      {rows.length === 0 && !loading && <li className="empty">No tickets match.</li>}
    </ul>
  );
}
