import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../../../../src-main/core/cache/migrations/migration';

const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]);

describe('migration 001 entities', () => {
  it('creates the entity tables and a zero sync cursor on an empty database', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 1)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['attachments', 'conversations', 'departments', 'drop_boxes', 'kv', 'messages', 'specialists', 'sync_state', 'ticket_comments', 'tickets']),
    );
    expect(db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe(0);
    db.close();
  });

  it('is not applied twice when the database is already at version 1', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(`INSERT INTO kv (key, value) VALUES ('serverUrl', 'http://127.0.0.1:1')`).run();
    expect(migrate(db, 1)).toBe(1);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM kv').pluck().get()).toBe(1);
    db.close();
  });
});
