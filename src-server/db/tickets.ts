// Tickets, their comments and audit trail.
import type { Ticket, TicketComment, TicketAuditEntry, TicketFilter } from '../../src-shared/ticket';
import type { Selectable } from 'kysely';
import type { Db, TicketsTable, TicketCommentsTable } from './schema';
import { flag, fromJson, toJson } from './json';

/** The one row mapper of tickets (db/portal.ts lists with it too). */
export const toTicket = (r: Selectable<TicketsTable>): Ticket => ({
  id: Number(r.id),
  subject: r.subject,
  status: r.status as Ticket['status'],
  channel: r.channel as Ticket['channel'],
  departmentId: r.department_id,
  requesterEmail: r.requester_email,
  ccs: fromJson(r.ccs_json),
  context: fromJson(r.context_json),
  category: r.category as Ticket['category'],
  product: r.product,
  resolution: fromJson(r.resolution_json),
  assigneeId: r.assignee_id,
  conversationId: r.conversation_id,
  followUpOf: r.follow_up_of === null ? null : Number(r.follow_up_of),
  escalation: fromJson(r.escalation_json),
  workaround: r.workaround,
  rcaNote: r.rca_note,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  solvedAt: r.solved_at === null ? null : Number(r.solved_at),
  closedAt: r.closed_at === null ? null : Number(r.closed_at),
});

const toComment = (r: Selectable<TicketCommentsTable>): TicketComment => ({
  id: r.id,
  ticketId: Number(r.ticket_id),
  authorKind: r.author_kind as TicketComment['authorKind'],
  authorId: r.author_id,
  authorName: r.author_name,
  body: r.body,
  attachments: fromJson(r.attachments_json),
  internal: Number(r.internal) === 1,
  createdAt: Number(r.created_at),
});

export type NewTicket = Omit<Ticket, 'id'> & { clientId: string | null };

export async function insertTicket(db: Db, t: NewTicket): Promise<Ticket> {
  const r = await db
    .insertInto('tickets')
    .values({
      client_id: t.clientId,
      subject: t.subject,
      status: t.status,
      channel: t.channel,
      department_id: t.departmentId,
      requester_email: t.requesterEmail,
      ccs_json: toJson(t.ccs),
      context_json: toJson(t.context),
      category: t.category,
      product: t.product,
      resolution_json: t.resolution ? toJson(t.resolution) : null,
      assignee_id: t.assigneeId,
      conversation_id: t.conversationId,
      follow_up_of: t.followUpOf,
      escalation_json: t.escalation ? toJson(t.escalation) : null,
      workaround: t.workaround,
      rca_note: t.rcaNote,
      created_at: t.createdAt,
      updated_at: t.updatedAt,
      solved_at: t.solvedAt,
      closed_at: t.closedAt,
      status_changed_at: t.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { clientId: _clientId, ...rest } = t;
  return { ...rest, id: Number(r.id) };
}

export async function getTicket(db: Db, id: number): Promise<Ticket | null> {
  const r = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTicket(r) : null;
}

export async function findTicketByClientId(db: Db, clientId: string): Promise<Ticket | null> {
  const r = await db.selectFrom('tickets').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  return r ? toTicket(r) : null;
}

export async function ticketExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('tickets').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Newest first with keyset pagination; `departmentIds` limits an agent to their departments. */
export async function listTickets(db: Db, f: TicketFilter, departmentIds: readonly string[] | null): Promise<Ticket[]> {
  let q = db.selectFrom('tickets').selectAll();
  if (departmentIds) {
    if (departmentIds.length === 0) return [];
    q = q.where('department_id', 'in', departmentIds);
  }
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.requesterEmail) q = q.where('requester_email', '=', f.requesterEmail);
  if (f.escalated !== undefined) q = q.where('escalation_json', f.escalated ? 'is not' : 'is', null);
  if (f.beforeId) q = q.where('id', '<', f.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map(toTicket);
}

/** Writes the full ticket back (the service computed it and validated the transition). */
export async function saveTicket(db: Db, t: Ticket): Promise<void> {
  await db
    .updateTable('tickets')
    .set({
      subject: t.subject,
      status: t.status,
      department_id: t.departmentId,
      ccs_json: toJson(t.ccs),
      category: t.category,
      resolution_json: t.resolution ? toJson(t.resolution) : null,
      assignee_id: t.assigneeId,
      conversation_id: t.conversationId,
      escalation_json: t.escalation ? toJson(t.escalation) : null,
      workaround: t.workaround,
      rca_note: t.rcaNote,
      updated_at: t.updatedAt,
      solved_at: t.solvedAt,
      closed_at: t.closedAt,
    })
    .where('id', '=', t.id)
    .execute();
}

/** The status just changed: restart the automation clock of the ticket. */
export async function markStatusChange(db: Db, id: number, at: number): Promise<void> {
  await db.updateTable('tickets').set({ status_changed_at: at }).where('id', '=', id).execute();
}

/** The ticket with the instant it entered its current status (null when the ticket does not exist). */
export async function getTicketWithStamp(db: Db, id: number): Promise<{ ticket: Ticket; statusSince: number } | null> {
  const r = await db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { ticket: toTicket(r), statusSince: Number(r.status_changed_at ?? r.updated_at) } : null;
}

/**
 * Compare-and-set for automation: writes the ticket only while it still has `expected` status since that instant.
 * Returns whether it was written.
 */
export async function saveTicketIf(db: Db, t: Ticket, expected: { status: string; statusSince: number }, stampAt: number): Promise<boolean> {
  const res = await db
    .updateTable('tickets')
    .set({
      status: t.status,
      status_changed_at: stampAt,
      resolution_json: t.resolution ? toJson(t.resolution) : null,
      solved_at: t.solvedAt,
      closed_at: t.closedAt,
      updated_at: t.updatedAt,
    })
    .where('id', '=', t.id)
    .where('status', '=', expected.status)
    .where('status_changed_at', '=', expected.statusSince)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertComment(db: Db, c: TicketComment, clientId: string | null): Promise<void> {
  await db
    .insertInto('ticket_comments')
    .values({
      id: c.id,
      client_id: clientId,
      ticket_id: c.ticketId,
      author_kind: c.authorKind,
      author_id: c.authorId,
      author_name: c.authorName,
      body: c.body,
      attachments_json: toJson(c.attachments),
      internal: flag(c.internal),
      created_at: c.createdAt,
    })
    .execute();
}

export async function listComments(db: Db, ticketId: number, opts: { includeInternal: boolean }): Promise<TicketComment[]> {
  let q = db.selectFrom('ticket_comments').selectAll().where('ticket_id', '=', ticketId);
  if (!opts.includeInternal) q = q.where('internal', '=', 0);
  const rows = await q.orderBy('seq').execute();
  return rows.map(toComment);
}

export async function insertAudit(db: Db, entries: readonly TicketAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('ticket_audit')
    .values(
      entries.map((e) => ({
        ticket_id: e.ticketId,
        at: e.at,
        actor_kind: e.actorKind,
        actor_id: e.actorId,
        field: e.field,
        from_json: toJson(e.from),
        to_json: toJson(e.to),
      })),
    )
    .execute();
}

export async function listAudit(db: Db, ticketId: number): Promise<TicketAuditEntry[]> {
  const rows = await db.selectFrom('ticket_audit').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  return rows.map((r) => ({
    ticketId: Number(r.ticket_id),
    at: Number(r.at),
    actorKind: r.actor_kind as TicketAuditEntry['actorKind'],
    actorId: r.actor_id,
    field: r.field,
    from: fromJson(r.from_json),
    to: fromJson(r.to_json),
  }));
}
