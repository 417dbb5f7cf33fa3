// The persisted outbox: agent actions waiting for (or refused by) the server, in the order they were taken.
import type Database from 'better-sqlite3';
import type { OutboxItem } from '../../../src-shared/console-api';

export interface StoredOutboxItem extends OutboxItem {
  payload: unknown;
  nextAttemptAt: number;
}

interface Row {
  client_id: string;
  kind: string;
  payload: string;
  summary: string;
  created_at: number;
  attempts: number;
  state: OutboxItem['state'];
  error_code: string | null;
  error_message: string | null;
  next_attempt_at: number;
}

const toItem = (r: Row): StoredOutboxItem => ({
  clientId: r.client_id,
  kind: r.kind,
  summary: r.summary,
  createdAt: r.created_at,
  attempts: r.attempts,
  state: r.state,
  error: r.error_code === null ? null : { code: r.error_code, message: r.error_message ?? '' },
  payload: JSON.parse(r.payload) as unknown,
  nextAttemptAt: r.next_attempt_at,
});

export function createOutboxItemsRepo(db: Database.Database) {
  const addStmt = db.prepare(`
    INSERT INTO outbox (client_id, kind, payload, summary, created_at, next_attempt_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING`);
  const listStmt = db.prepare('SELECT * FROM outbox ORDER BY position');
  const getStmt = db.prepare('SELECT * FROM outbox WHERE client_id = ?');
  const headStmt = db.prepare(`SELECT * FROM outbox WHERE state != 'failed' ORDER BY position LIMIT 1`);
  const markSendingStmt = db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE client_id = ?`);
  const rescheduleStmt = db.prepare(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, error_code = ?, error_message = ? WHERE client_id = ?`,
  );
  const failStmt = db.prepare(`UPDATE outbox SET state = 'failed', error_code = ?, error_message = ? WHERE client_id = ?`);
  const retryStmt = db.prepare(
    `UPDATE outbox SET state = 'pending', next_attempt_at = ?, error_code = NULL, error_message = NULL WHERE client_id = ?`,
  );
  // After a crash mid-send the item is sent again with the same client id; the server deduplicates.
  const resetSendingStmt = db.prepare(`UPDATE outbox SET state = 'pending' WHERE state = 'sending'`);
  const makeDueStmt = db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`);
  const deleteStmt = db.prepare('DELETE FROM outbox WHERE client_id = ?');
  const countStmt = db.prepare(`SELECT count(*) FROM outbox WHERE state != 'failed'`).pluck();

  return {
    add(item: { clientId: string; kind: string; payload: unknown; summary: string; createdAt: number }): void {
      addStmt.run(item.clientId, item.kind, JSON.stringify(item.payload), item.summary, item.createdAt, item.createdAt);
    },
    list(): StoredOutboxItem[] {
      return (listStmt.all() as Row[]).map(toItem);
    },
    get(clientId: string): StoredOutboxItem | null {
      const row = getStmt.get(clientId) as Row | undefined;
      return row ? toItem(row) : null;
    },
    /** The oldest item not failed: actions go out in order, so a chat's messages keep their order. */
    head(): StoredOutboxItem | null {
      const row = headStmt.get() as Row | undefined;
      return row ? toItem(row) : null;
    },
    markSending(clientId: string): void {
      markSendingStmt.run(clientId);
    },
    reschedule(clientId: string, nextAttemptAt: number, error: { code: string; message: string } | null): void {
      rescheduleStmt.run(nextAttemptAt, error?.code ?? null, error?.message ?? null, clientId);
    },
    fail(clientId: string, error: { code: string; message: string }): void {
      failStmt.run(error.code, error.message, clientId);
    },
    retry(clientId: string, now: number): boolean {
      return retryStmt.run(now, clientId).changes === 1;
    },
    /** Waiting retries become due now (the connection just came back; the backoff was for the outage). */
    makeDue(now: number): void {
      makeDueStmt.run(now, now);
    },
    resetInterrupted(): void {
      resetSendingStmt.run();
    },
    remove(clientId: string): boolean {
      return deleteStmt.run(clientId).changes === 1;
    },
    unsentCount(): number {
      return countStmt.get() as number;
    },
  };
}
export type OutboxItemsRepo = ReturnType<typeof createOutboxItemsRepo>;
