import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../../../../src-main/core/cache/migrations/migration';
import { createOutboxItemsRepo } from '../../../../../../src-main/core/cache/outbox-items';
import { createOutbox } from '../../../../../../src-main/core/outbox';

describe('migration 005 outbox lanes', () => {
  it('keeps items queued on a version-4 cache; on start the outbox gives each its lane', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    const insert = db.prepare('INSERT INTO outbox (client_id, kind, payload, summary, created_at, next_attempt_at) VALUES (?, ?, ?, ?, 1, 1)');
    insert.run('m1', 'message:send', JSON.stringify({ clientId: 'm1', conversationId: 'c1', body: 'hi' }), 'Message');
    insert.run('t1', 'ticket:comment', JSON.stringify({ clientId: 't1', ticketId: 7, body: 'note' }), 'Comment');
    insert.run('n1', 'chat:accept-next', JSON.stringify({ clientId: 'n1' }), 'Accept next');
    expect(migrate(db, 5)).toBe(5);
    const repo = createOutboxItemsRepo(db);
    expect(repo.queue().map((e) => e.lane)).toEqual(['', '', '']);
    createOutbox({ repo, transport: { isConnected: () => false, send: async () => ({ ok: true, value: null }) }, clock: { now: () => 1 } }).recover();
    expect(repo.queue().map((e) => [e.clientId, e.lane])).toEqual([
      ['m1', 'chat:c1'],
      ['t1', 'ticket:7'],
      ['n1', 'own:n1'],
    ]);
    db.close();
  });
});
