// Migration 6: the team's canned responses as the server last listed them, so the composer offers them offline.
import type { Migration } from './migration';

export const migration006Canned: Migration = {
  version: 6,
  name: 'canned',
  up: `
    CREATE TABLE canned (
      id TEXT PRIMARY KEY,
      department_id TEXT,
      shortcut TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX canned_by_shortcut ON canned (shortcut, department_id);
  `,
};
