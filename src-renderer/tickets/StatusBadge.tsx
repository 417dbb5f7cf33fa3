// A ticket status as a coloured badge with the customer-facing name.
import { ticketStatusLabels, type TicketStatus } from '../../src-shared/ticket-lifecycle';

export function StatusBadge(props: { status: TicketStatus }) {
  return <span className={`status status-${props.status}`}>{ticketStatusLabels[props.status]}</span>;
}
