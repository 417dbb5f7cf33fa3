// Migration 1: the cached copy of what the server sends (entities, the sync cursor, key/value session state).
import type { Migration } from './migration';

export const migration001Entities: Migration = {
  version: 1,
  name: 'entities',
  up: `
    CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sync_state (id INTEGER PRIMARY KEY CHECK (id = 1), cursor INTEGER NOT NULL);
    INSERT INTO sync_state (id, cursor) VALUES (1, 0);
    CREATE TABLE departments (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
    CREATE TABLE specialists (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      department_id TEXT NOT NULL,
      state TEXT NOT NULL,
      specialist_id TEXT,
      visitor_email TEXT NOT NULL,
      ticket_id INTEGER,
      queued_at INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      read_seq INTEGER NOT NULL DEFAULT 0,
      data TEXT NOT NULL
    );
    CREATE INDEX conversations_state ON conversations (state, queued_at);
    -- rowid is explicit so the external-content FTS index can point at it. Two small indexes only (bulk
    -- sync speed): the server's (conversation, seq) identifies a message; pending rows are found by client id.
    CREATE TABLE messages (
      rowid INTEGER PRIMARY KEY,
      id TEXT NOT NULL,
      client_id TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      seq INTEGER,
      author_kind TEXT NOT NULL,
      author_id TEXT,
      author_name TEXT NOT NULL,
      body TEXT NOT NULL,
      internal INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      has_attachments INTEGER NOT NULL DEFAULT 0,
      pending INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX messages_conversation_seq ON messages (conversation_id, seq);
    CREATE UNIQUE INDEX messages_pending_client_id ON messages (client_id) WHERE pending = 1;
    CREATE TABLE tickets (
      id INTEGER PRIMARY KEY,
      status TEXT NOT NULL,
      department_id TEXT NOT NULL,
      assignee_id TEXT,
      requester_email TEXT NOT NULL,
      subject TEXT NOT NULL,
      conversation_id TEXT,
      updated_at INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX tickets_status ON tickets (status, id);
    CREATE INDEX tickets_assignee ON tickets (assignee_id, id);
    CREATE TABLE ticket_comments (id TEXT PRIMARY KEY, ticket_id INTEGER NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL);
    CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, created_at);
    CREATE TABLE drop_boxes (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, created_at INTEGER NOT NULL, data TEXT NOT NULL);
    CREATE INDEX drop_boxes_conversation ON drop_boxes (conversation_id, created_at);
    -- Metadata only; bytes stay on the server. owner_kind: message | comment | dropbox.
    CREATE TABLE attachments (
      id TEXT NOT NULL,
      owner_kind TEXT NOT NULL,
      owner_id TEXT NOT NULL,
      file_name TEXT NOT NULL,
      size INTEGER NOT NULL,
      content_type TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      uploaded_by TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (owner_kind, owner_id, id)
    );
  `,
};
