import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../../../src-main/core/cache/migrations/migration';
import { createTicketAuditRepo } from '../../../../../../src-main/core/cache/ticket-audit';

describe('migration 004 history', () => {
  it('adds empty audit and incident tables to a version-3 cache, keeping its tickets', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare(`
      INSERT INTO tickets (id, status, department_id, requester_email, subject, updated_at, data)
      VALUES (42, 'open', 'technical', 'ann@example.com', 'Invoice missing', 1, '{}')`).run();
    expect(migrate(db, 4)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);
    const audit = createTicketAuditRepo(db);
    audit.replace(42, [{ ticketId: 42, at: 5, actorKind: 'system', actorId: null, field: 'status', from: 'open', to: 'closed' }]);
    expect(audit.list(42)).toHaveLength(1);
    db.close();
  });
});
