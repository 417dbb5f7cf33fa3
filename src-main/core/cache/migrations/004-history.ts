// Migration 4: ticket audit entries (the ticket's history) and incidents, both kept from server events.
import type { Migration } from './migration';

export const migration004History: Migration = {
  version: 4,
  name: 'history',
  up: `
    CREATE TABLE ticket_audit (
      key TEXT PRIMARY KEY,
      ticket_id INTEGER NOT NULL,
      at INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX ticket_audit_by_ticket ON ticket_audit (ticket_id, at);
    CREATE TABLE incidents (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX incidents_by_created ON incidents (created_at);
  `,
};
