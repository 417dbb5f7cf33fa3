// Cached conversations plus the local read marker that drives unread counts and the badge.
import type Database from 'better-sqlite3';
import type { Conversation } from '../../../src-shared/conversation';

/** Ended chats stay listed for a while so the specialist can finish notes; older ones live in tickets. */
const RECENT_ENDED_LIMIT = 50;

export function createConversationsRepo(db: Database.Database) {
  const upsertStmt = db.prepare(`
    INSERT INTO conversations (id, department_id, state, specialist_id, visitor_email, ticket_id, queued_at, last_seq, data)
    VALUES (@id, @departmentId, @state, @specialistId, @visitorEmail, @ticketId, @queuedAt, @lastSeq, @data)
    ON CONFLICT (id) DO UPDATE SET department_id = excluded.department_id, state = excluded.state,
      specialist_id = excluded.specialist_id, visitor_email = excluded.visitor_email, ticket_id = excluded.ticket_id,
      queued_at = excluded.queued_at, last_seq = max(conversations.last_seq, excluded.last_seq), data = excluded.data`);
  const getStmt = db.prepare('SELECT data, last_seq FROM conversations WHERE id = ?');
  const openStmt = db.prepare(
    `SELECT data, last_seq FROM conversations WHERE state != 'ended' AND (@dept IS NULL OR department_id = @dept) ORDER BY queued_at`,
  );
  const endedStmt = db.prepare(
    `SELECT data, last_seq FROM conversations WHERE state = 'ended' AND (@dept IS NULL OR department_id = @dept) ORDER BY queued_at DESC LIMIT ${RECENT_ENDED_LIMIT}`,
  );
  const bumpSeqStmt = db.prepare('UPDATE conversations SET last_seq = max(last_seq, ?) WHERE id = ?');
  const markReadStmt = db.prepare('UPDATE conversations SET read_seq = last_seq WHERE id = ?');
  const unreadStmt = db.prepare(`
    SELECT c.id AS id, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.pending = 0
                        AND m.seq > c.read_seq AND m.author_kind = 'visitor') AS unread
    FROM conversations c WHERE c.state IN ('assigned', 'active') AND c.specialist_id = ?`);
  const waitingStmt = db.prepare(`SELECT department_id AS departmentId, count(*) AS n FROM conversations WHERE state = 'queued' GROUP BY department_id`);

  // last_seq is tracked in its own column: message events may arrive before the conversation snapshot that counts them.
  const parse = (row: { data: string; last_seq: number }): Conversation => ({ ...(JSON.parse(row.data) as Conversation), lastSeq: row.last_seq });

  return {
    upsert(c: Conversation): void {
      upsertStmt.run({
        id: c.id,
        departmentId: c.departmentId,
        state: c.state,
        specialistId: c.specialist?.id ?? null,
        visitorEmail: c.visitorEmail,
        ticketId: c.ticketId,
        queuedAt: c.queuedAt,
        lastSeq: c.lastSeq,
        data: JSON.stringify(c),
      });
    },
    get(id: string): Conversation | null {
      const row = getStmt.get(id) as { data: string; last_seq: number } | undefined;
      return row ? parse(row) : null;
    },
    /** Open chats (queue and in progress) first, then the most recently ended ones. */
    list(departmentId: string | null = null): Conversation[] {
      const rows = [...openStmt.all({ dept: departmentId }), ...endedStmt.all({ dept: departmentId })] as { data: string; last_seq: number }[];
      return rows.map(parse);
    },
    noteMessageSeq(conversationId: string, seq: number): void {
      bumpSeqStmt.run(seq, conversationId);
    },
    markRead(id: string): void {
      markReadStmt.run(id);
    },
    /** Unread visitor messages per chat assigned to `specialistId`. */
    unreadFor(specialistId: string): Record<string, number> {
      const out: Record<string, number> = {};
      for (const row of unreadStmt.all(specialistId) as { id: string; unread: number }[]) out[row.id] = row.unread;
      return out;
    },
    waitingByDepartment(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const row of waitingStmt.all() as { departmentId: string; n: number }[]) out[row.departmentId] = row.n;
      return out;
    },
  };
}
export type ConversationsRepo = ReturnType<typeof createConversationsRepo>;
