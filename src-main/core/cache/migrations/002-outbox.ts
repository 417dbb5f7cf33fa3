// Migration 2: the outbox, so unsent agent actions survive an app restart.
import type { Migration } from './migration';

export const migration002Outbox: Migration = {
  version: 2,
  name: 'outbox',
  up: `
    CREATE TABLE outbox (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      summary TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'failed')),
      error_code TEXT,
      error_message TEXT,
      next_attempt_at INTEGER NOT NULL
    );
  `,
};
