// What a signed-in customer sees of a ticket: their role on it (asked, or copied on) and its public view. Pure: the
// ticket, its department's name and the public transcript and comments the caller read.
import type { Message } from '../../src-shared/message';
import type { Ticket, TicketComment } from '../../src-shared/ticket';
import { ticketStatusDescriptions, ticketStatusLabels } from '../../src-shared/ticket-lifecycle';
import type { PortalTicketDetail, PortalTicketSummary } from '../../src-shared/protocol/portal';

/** Addresses compare lower-cased: a CC typed "Pat@Example.com" by a specialist is still pat@example.com's ticket. */
export function roleOn(ticket: Pick<Ticket, 'requesterEmail' | 'ccs'>, email: string): PortalTicketSummary['role'] | null {
  const me = email.toLowerCase();
  if (ticket.requesterEmail.toLowerCase() === me) return 'requester';
  return ticket.ccs.some((c) => c.toLowerCase() === me) ? 'cc' : null;
}

export function ticketSummary(t: Ticket, departmentName: string, role: PortalTicketSummary['role']): PortalTicketSummary {
  return {
    id: t.id,
    subject: t.subject,
    status: t.status,
    statusLabel: ticketStatusLabels[t.status],
    statusMeaning: ticketStatusDescriptions[t.status],
    channel: t.channel,
    departmentId: t.departmentId,
    departmentName,
    role,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

/** Callers pass the public transcript and comments only (never internal notes); nothing here filters again. */
export function ticketDetail(t: Ticket, departmentName: string, role: PortalTicketSummary['role'], publicParts: { transcript: Message[]; comments: TicketComment[] }): PortalTicketDetail {
  return {
    ...ticketSummary(t, departmentName, role),
    requesterEmail: t.requesterEmail,
    ccs: [...t.ccs],
    transcript: publicParts.transcript,
    comments: publicParts.comments,
    followUpOf: t.followUpOf,
  };
}

/** Whether the public view shows a file (in a visible message or a public comment): only those are downloadable. */
export function showsAttachment(detail: Pick<PortalTicketDetail, 'transcript' | 'comments'>, attachmentId: string): boolean {
  return [...detail.transcript, ...detail.comments].some((x) => x.attachments.some((a) => a.id === attachmentId));
}
