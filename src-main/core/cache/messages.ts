// Cached chat messages (confirmed and pending) and their FTS rows, written in the same statement batch.
import type Database from 'better-sqlite3';
import type { Message } from '../../../src-shared/message';
import type { ConsoleMessage } from '../../../src-shared/console-api';
import type { AttachmentsRepo } from './attachments';

interface MessageRow {
  rowid: number;
  id: string;
  client_id: string;
  conversation_id: string;
  seq: number | null;
  author_kind: Message['authorKind'];
  author_id: string | null;
  author_name: string;
  body: string;
  internal: number;
  created_at: number;
  has_attachments: number;
  pending: number;
}

/** What applying one message did, so callers only announce real changes. */
export type MessageWrite = 'inserted' | 'confirmed' | 'unchanged';

export function createMessagesRepo(db: Database.Database, attachments: AttachmentsRepo) {
  const insertStmt = db.prepare(`
    INSERT INTO messages (id, client_id, conversation_id, seq, author_kind, author_id, author_name, body, internal, created_at, has_attachments, pending)
    VALUES (@id, @clientId, @conversationId, @seq, @authorKind, @authorId, @authorName, @body, @internal, @createdAt, @hasAttachments, @pending)
    ON CONFLICT DO NOTHING`);
  const ftsInsertStmt = db.prepare('INSERT INTO messages_fts (rowid, body) VALUES (?, ?)');
  const ftsDeleteStmt = db.prepare(`INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', ?, ?)`);
  // A pending row turns into the server's message when the server echoes the same client id.
  const confirmStmt = db.prepare(`
    UPDATE messages SET id = @id, seq = @seq, created_at = @createdAt, author_name = @authorName,
      has_attachments = @hasAttachments, pending = 0
    WHERE client_id = @clientId AND pending = 1`);
  const pendingByClientIdStmt = db.prepare('SELECT * FROM messages WHERE client_id = ? AND pending = 1');
  const deleteStmt = db.prepare('DELETE FROM messages WHERE rowid = ?');
  const pageStmt = db.prepare(`
    SELECT * FROM (
      SELECT * FROM messages WHERE conversation_id = @conversationId AND pending = 0 AND seq < @beforeSeq
      ORDER BY seq DESC LIMIT @limit
    ) ORDER BY seq`);
  const pendingStmt = db.prepare('SELECT * FROM messages WHERE pending = 1 AND conversation_id = ? ORDER BY rowid');

  const toParams = (m: Message, pending: boolean) => ({
    id: m.id,
    clientId: m.clientId,
    conversationId: m.conversationId,
    seq: pending ? null : m.seq,
    authorKind: m.authorKind,
    authorId: m.authorId,
    authorName: m.authorName,
    body: m.body,
    internal: m.internal ? 1 : 0,
    createdAt: m.createdAt,
    hasAttachments: m.attachments.length > 0 ? 1 : 0,
    pending: pending ? 1 : 0,
  });

  const hydrate = (rows: MessageRow[]): ConsoleMessage[] => {
    const withFiles = rows.filter((r) => r.has_attachments === 1).map((r) => r.id);
    const files = attachments.forOwners('message', withFiles);
    return rows.map((r) => {
      const m: ConsoleMessage = {
        id: r.id,
        clientId: r.client_id,
        conversationId: r.conversation_id,
        seq: r.seq ?? 0,
        authorKind: r.author_kind,
        authorId: r.author_id,
        authorName: r.author_name,
        body: r.body,
        attachments: files.get(r.id) ?? [],
        internal: r.internal === 1,
        createdAt: r.created_at,
      };
      if (r.pending === 1) m.pending = true;
      return m;
    });
  };

  return {
    /** Idempotent: a known (conversation, seq) is ignored, a pending row with the same client id is confirmed. */
    apply(m: Message): MessageWrite {
      const params = toParams(m, false);
      if (confirmStmt.run(params).changes === 1) {
        if (m.attachments.length > 0) {
          // The pending copy listed its files under the client id, which was its id until now.
          attachments.setFor('message', m.clientId, []);
          attachments.addFor('message', m.id, m.attachments);
        }
        return 'confirmed';
      }
      const info = insertStmt.run(params);
      if (info.changes === 0) return 'unchanged';
      ftsInsertStmt.run(info.lastInsertRowid, m.body);
      if (m.attachments.length > 0) attachments.addFor('message', m.id, m.attachments);
      return 'inserted';
    },
    /** The optimistic copy of a message still in the outbox (its id is the client id until confirmed). */
    insertPending(m: Message): void {
      const info = insertStmt.run(toParams(m, true));
      if (info.changes === 1) ftsInsertStmt.run(info.lastInsertRowid, m.body);
      if (info.changes === 1 && m.attachments.length > 0) attachments.addFor('message', m.id, m.attachments);
    },
    removePending(clientId: string): boolean {
      const row = pendingByClientIdStmt.get(clientId) as MessageRow | undefined;
      if (!row) return false;
      ftsDeleteStmt.run(row.rowid, row.body);
      deleteStmt.run(row.rowid);
      return true;
    },
    /** Confirmed messages before `beforeSeq` (oldest first), then pending ones when reading the newest page. */
    page(conversationId: string, beforeSeq: number | undefined, limit: number): ConsoleMessage[] {
      const rows = pageStmt.all({ conversationId, beforeSeq: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit }) as MessageRow[];
      if (beforeSeq === undefined) rows.push(...(pendingStmt.all(conversationId) as MessageRow[]));
      return hydrate(rows);
    },
  };
}
export type MessagesRepo = ReturnType<typeof createMessagesRepo>;
