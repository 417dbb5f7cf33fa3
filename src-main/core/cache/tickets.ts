// Cached tickets and their comments; each ticket write refreshes its FTS row in the same transaction.
import type Database from 'better-sqlite3';
import type { Ticket, TicketComment } from '../../../src-shared/ticket';
import type { TicketStatus } from '../../../src-shared/ticket-lifecycle';
import type { AttachmentsRepo } from './attachments';

export interface TicketQuery {
  status?: TicketStatus[] | undefined;
  departmentId?: string | undefined;
  assigneeId?: string | undefined;
  requesterEmail?: string | undefined;
  escalated?: boolean | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export function createTicketsRepo(db: Database.Database, attachments: AttachmentsRepo) {
  const upsertStmt = db.prepare(`
    INSERT INTO tickets (id, status, department_id, assignee_id, requester_email, subject, conversation_id, updated_at, data)
    VALUES (@id, @status, @departmentId, @assigneeId, @requesterEmail, @subject, @conversationId, @updatedAt, @data)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, department_id = excluded.department_id,
      assignee_id = excluded.assignee_id, requester_email = excluded.requester_email, subject = excluded.subject,
      conversation_id = excluded.conversation_id, updated_at = excluded.updated_at, data = excluded.data`);
  const ftsDeleteStmt = db.prepare('DELETE FROM tickets_fts WHERE rowid = ?');
  const ftsInsertStmt = db.prepare('INSERT INTO tickets_fts (rowid, subject, requester, ticket_no) VALUES (?, ?, ?, ?)');
  const getStmt = db.prepare('SELECT data FROM tickets WHERE id = ?').pluck();
  const listStmt = db.prepare(`
    SELECT data FROM tickets
    WHERE (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
      AND (@departmentId IS NULL OR department_id = @departmentId)
      AND (@assigneeId IS NULL OR assignee_id = @assigneeId)
      AND (@requesterEmail IS NULL OR requester_email = @requesterEmail)
      AND (@escalated IS NULL OR (json_extract(data, '$.escalation') IS NOT NULL) = @escalated)
      AND (@beforeId IS NULL OR id < @beforeId)
      AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
    ORDER BY id DESC LIMIT @limit`).pluck();
  const commentUpsertStmt = db.prepare(
    'INSERT INTO ticket_comments (id, ticket_id, created_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const commentsStmt = db.prepare('SELECT data FROM ticket_comments WHERE ticket_id = ? ORDER BY created_at, id').pluck();

  return {
    /** `isNew` lets a bulk initial load skip the FTS delete of rows that cannot exist yet. */
    upsert(t: Ticket, isNew = false): void {
      upsertStmt.run({
        id: t.id,
        status: t.status,
        departmentId: t.departmentId,
        assigneeId: t.assigneeId,
        requesterEmail: t.requesterEmail,
        subject: t.subject,
        conversationId: t.conversationId,
        updatedAt: t.updatedAt,
        data: JSON.stringify(t),
      });
      if (!isNew) ftsDeleteStmt.run(t.id);
      ftsInsertStmt.run(t.id, t.subject, t.requesterEmail, String(t.id));
    },
    get(id: number): Ticket | null {
      const row = getStmt.get(id) as string | undefined;
      return row ? (JSON.parse(row) as Ticket) : null;
    },
    /** Newest first; `ids` restricts to search matches. */
    list(q: TicketQuery, ids: number[] | null = null): Ticket[] {
      const rows = listStmt.all({
        statuses: q.status ? JSON.stringify(q.status) : null,
        departmentId: q.departmentId ?? null,
        assigneeId: q.assigneeId ?? null,
        requesterEmail: q.requesterEmail ?? null,
        escalated: q.escalated === undefined ? null : q.escalated ? 1 : 0,
        beforeId: q.beforeId ?? null,
        ids: ids ? JSON.stringify(ids) : null,
        limit: q.limit,
      }) as string[];
      return rows.map((s) => JSON.parse(s) as Ticket);
    },
    addComment(c: TicketComment): boolean {
      const added = commentUpsertStmt.run(c.id, c.ticketId, c.createdAt, JSON.stringify(c)).changes === 1;
      if (added && c.attachments.length > 0) attachments.addFor('comment', c.id, c.attachments);
      return added;
    },
    comments(ticketId: number): TicketComment[] {
      return (commentsStmt.all(ticketId) as string[]).map((s) => JSON.parse(s) as TicketComment);
    },
  };
}
export type TicketsRepo = ReturnType<typeof createTicketsRepo>;
