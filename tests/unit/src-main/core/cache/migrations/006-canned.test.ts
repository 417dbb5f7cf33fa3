import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../../../src-main/core/cache/migrations/migration';
import { createCannedRepo } from '../../../../../../src-main/core/cache/canned';

describe('migration 006 canned', () => {
  it('adds an empty canned table to a version-5 cache, keeping its outbox and departments', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare(`INSERT INTO departments (id, position, data) VALUES ('technical', 0, '{}')`).run();
    db.prepare(`INSERT INTO outbox (client_id, kind, payload, summary, created_at, next_attempt_at, lane) VALUES ('m1', 'message:send', '{}', 'Message', 1, 1, 'chat:c1')`).run();
    expect(migrate(db, 6)).toBe(6);
    expect(db.prepare('SELECT count(*) FROM departments').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
    const canned = createCannedRepo(db);
    expect(canned.list()).toEqual([]);
    const hello = { id: '40000000-0000-4000-8000-000000000001', departmentId: null, shortcut: 'hello', title: 'Greeting', body: 'Hi', updatedAt: 1 };
    canned.replaceAll([hello, { ...hello, id: '40000000-0000-4000-8000-000000000002', departmentId: 'technical', shortcut: 'aaa' }]);
    expect(canned.list().map((c) => c.shortcut)).toEqual(['aaa', 'hello']);
    canned.replaceAll([hello]);
    expect(canned.list()).toEqual([hello]);
    db.close();
  });
});
