import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../../../src-main/core/cache/migrations/migration';

describe('migration 002 outbox', () => {
  it('adds the outbox to a version-1 cache and keeps its data', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(`INSERT INTO kv (key, value) VALUES ('serverUrl', 'http://127.0.0.1:1')`).run();
    expect(migrate(db, 2)).toBe(2);
    db.prepare(`INSERT INTO outbox (client_id, kind, payload, summary, created_at, next_attempt_at) VALUES ('c1', 'message:send', '{}', 's', 1, 1)`).run();
    expect(db.prepare('SELECT state, attempts FROM outbox').get()).toEqual({ state: 'pending', attempts: 0 });
    expect(db.prepare('SELECT value FROM kv').pluck().get()).toBe('http://127.0.0.1:1');
    db.close();
  });

  it('refuses an unknown outbox state', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    const insert = () =>
      db.prepare(`INSERT INTO outbox (client_id, kind, payload, summary, created_at, next_attempt_at, state) VALUES ('c1', 'k', '{}', 's', 1, 1, 'lost')`).run();
    expect(insert).toThrow(/CHECK/);
    db.close();
  });
});
