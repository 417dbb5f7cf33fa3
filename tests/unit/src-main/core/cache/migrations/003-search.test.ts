import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../../../src-main/core/cache/migrations/migration';

describe('migration 003 search', () => {
  it('indexes messages and tickets that a version-2 cache already holds', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare(`
      INSERT INTO messages (id, client_id, conversation_id, seq, author_kind, author_name, body, internal, created_at)
      VALUES ('m1', 'c1', 'conv', 1, 'visitor', 'V', 'the projector flickers', 0, 1)`).run();
    db.prepare(`
      INSERT INTO tickets (id, status, department_id, requester_email, subject, updated_at, data)
      VALUES (42, 'open', 'technical', 'ann@example.com', 'Invoice missing', 1, '{}')`).run();
    expect(migrate(db, 3)).toBe(3);
    expect(db.prepare(`SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'projector'`).pluck().all()).toHaveLength(1);
    expect(db.prepare(`SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH 'invoice'`).pluck().all()).toEqual([42]);
    expect(db.prepare(`SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH 'ticket_no:42'`).pluck().all()).toEqual([42]);
    db.close();
  });
});
