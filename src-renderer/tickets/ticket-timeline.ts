// A ticket's history as one list: comments and audit entries (who changed what) merged oldest first, with
// each audit entry described in words. Pure, so the ordering and wording are unit-tested.
import type { TicketAuditEntry, TicketComment } from '../../src-shared/ticket';
import { categoryLabel, humanizeId, resolutionLabel, statusLabel } from './ticket-labels';
import { MAIL_AUDIT_FIELD, mailAttemptSchema, mailKindLabels, type MailAttempt } from '../../src-shared/mail-delivery';

/** Names the timeline shows instead of ids; undefined when unknown (someone removed, an incident not loaded). */
export interface TimelineNames {
  specialist(id: string): string | undefined;
  incident(id: string): string | undefined;
  department(id: string): string | undefined;
}

export type TimelineItem = { kind: 'comment'; at: number; comment: TicketComment } | { kind: 'audit'; at: number; entry: TicketAuditEntry };

/** Oldest first; at the same instant the comment comes first (a request, then what was done about it). */
export function mergeTimeline(comments: readonly TicketComment[], audit: readonly TicketAuditEntry[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...audit.map((entry) => ({ kind: 'audit' as const, at: entry.at, entry })),
    ...comments.map((comment) => ({ kind: 'comment' as const, at: comment.createdAt, comment })),
  ];
  // Array.prototype.sort is stable, so entries at one instant keep the server's order.
  return items.sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'comment' ? -1 : 1));
}

const fieldLabels: Record<string, string> = {
  status: 'Status',
  assigneeId: 'Assignee',
  subject: 'Subject',
  category: 'Category',
  ccs: 'CCs',
  resolution: 'Resolution',
  workaround: 'Workaround',
  rcaNote: 'RCA note',
  escalation: 'Escalation',
  departmentId: 'Department',
  incident: 'Incident',
  accountManagement: 'Account Management',
};

/** Who made the change, as a name: specialists by the roster, customers and the system by kind. */
export function auditActor(entry: TicketAuditEntry, names: TimelineNames): string {
  if (entry.actorKind === 'system') return 'System';
  if (entry.actorKind === 'customer') return 'Customer';
  return (entry.actorId && names.specialist(entry.actorId)) || 'A specialist';
}

function describeValue(field: string, value: unknown, names: TimelineNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'status') return statusLabel(value) ?? String(value);
  if (field === 'assigneeId' && typeof value === 'string') return names.specialist(value) ?? 'another specialist';
  if (field === 'departmentId' && typeof value === 'string') return names.department(value) ?? humanizeId(value);
  if (field === 'category') return categoryLabel(value) ?? String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.typeId === 'string') {
      const label = resolutionLabel(o.typeId);
      return typeof o.linkedTicketId === 'number' ? `${label} (#${o.linkedTicketId})` : label;
    }
    if (o.category !== undefined) return categoryLabel(o.category) ?? String(o.category);
    return 'set';
  }
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** "Status: Open → Solved"; incident links read "linked to incident “Title”". */
export function describeAudit(entry: TicketAuditEntry, names: TimelineNames): string {
  if (entry.field === 'incident') {
    const id = typeof entry.to === 'string' ? entry.to : typeof entry.from === 'string' ? entry.from : '';
    const title = names.incident(id);
    const what = title ? `incident “${title}”` : 'an incident';
    return entry.to ? `linked to ${what}` : `unlinked from ${what}`;
  }
  if (entry.field === MAIL_AUDIT_FIELD) {
    const mail = mailAttemptSchema.safeParse(entry.to);
    if (mail.success) return describeMailAttempt(mail.data);
  }
  const label = fieldLabels[entry.field] ?? humanizeId(entry.field);
  return `${label}: ${describeValue(entry.field, entry.from, names)} → ${describeValue(entry.field, entry.to, names)}`;
}

/** "Chat recap email: attempt 2 failed (ECONNREFUSED); retrying at 10:32" — one delivery attempt of the mail outbox. */
function describeMailAttempt(a: MailAttempt): string {
  const what = `${mailKindLabels[a.kind]}: attempt ${a.attempt}`;
  if (a.outcome === 'sent') return `${what} sent`;
  const why = a.error ? ` (${a.error})` : '';
  if (a.outcome === 'failed') return `${what} failed${why}; given up`;
  const when = a.nextAttemptAt === null ? '' : `; retrying at ${new Date(a.nextAttemptAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  return `${what} failed${why}${when}`;
}
