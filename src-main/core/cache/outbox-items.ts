// The persisted outbox: agent actions waiting for (or refused by) the server, in the order they were taken, each
// in its lane (src-main/core/outbox-lanes.ts).
import type Database from 'better-sqlite3';
import type { OutboxItem } from '../../../src-shared/console-api';
import type { QueuedEntry } from '../outbox-lanes';

export interface StoredOutboxItem extends OutboxItem {
  payload: unknown;
  lane: string;
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
  lane: string;
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
  lane: r.lane,
  nextAttemptAt: r.next_attempt_at,
});

type ErrorInfo = { code: string; message: string };

export function createOutboxItemsRepo(db: Database.Database) {
  const addStmt = db.prepare(`
    INSERT INTO outbox (client_id, kind, payload, summary, created_at, next_attempt_at, lane)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (client_id) DO NOTHING`);
  const listStmt = db.prepare('SELECT * FROM outbox ORDER BY position');
  const getStmt = db.prepare('SELECT * FROM outbox WHERE client_id = ?');
  // Planning reads every item on each change: no payloads, nothing to parse.
  const queueStmt = db.prepare(
    'SELECT client_id AS clientId, lane, state, next_attempt_at AS nextAttemptAt, error_code AS errorCode FROM outbox ORDER BY position',
  );
  const markSendingStmt = db.prepare(`UPDATE outbox SET state = 'sending' WHERE client_id = ?`);
  const rescheduleStmt = db.prepare(
    `UPDATE outbox SET state = 'pending', attempts = ?, next_attempt_at = ?, error_code = ?, error_message = ? WHERE client_id = ?`,
  );
  const failStmt = db.prepare(`UPDATE outbox SET state = 'failed', attempts = ?, error_code = ?, error_message = ? WHERE client_id = ?`);
  // The specialist asked again: a fresh round of tries, due now.
  const retryStmt = db.prepare(
    `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, error_code = NULL, error_message = NULL WHERE client_id = ?`,
  );
  // After a crash mid-send the item is sent again with the same client id; the server deduplicates.
  const resetSendingStmt = db.prepare(`UPDATE outbox SET state = 'pending' WHERE state = 'sending'`);
  const makeDueStmt = db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`);
  const unlanedStmt = db.prepare(`SELECT * FROM outbox WHERE lane = ''`);
  const setLaneStmt = db.prepare('UPDATE outbox SET lane = ? WHERE client_id = ?');
  const deleteStmt = db.prepare('DELETE FROM outbox WHERE client_id = ?');
  const countStmt = db.prepare(`SELECT count(*) FROM outbox WHERE state != 'failed'`).pluck();
  const nextRetryStmt = db.prepare(`SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND attempts > 0`).pluck();

  return {
    add(item: { clientId: string; kind: string; payload: unknown; summary: string; createdAt: number; lane: string }): void {
      addStmt.run(item.clientId, item.kind, JSON.stringify(item.payload), item.summary, item.createdAt, item.createdAt, item.lane);
    },
    list(): StoredOutboxItem[] {
      return (listStmt.all() as Row[]).map(toItem);
    },
    get(clientId: string): StoredOutboxItem | null {
      const row = getStmt.get(clientId) as Row | undefined;
      return row ? toItem(row) : null;
    },
    /** Every item, oldest first, as the lane planner needs it. */
    queue(): QueuedEntry[] {
      return queueStmt.all() as QueuedEntry[];
    },
    markSending(clientId: string): void {
      markSendingStmt.run(clientId);
    },
    reschedule(clientId: string, attempts: number, nextAttemptAt: number, error: ErrorInfo | null): void {
      rescheduleStmt.run(attempts, nextAttemptAt, error?.code ?? null, error?.message ?? null, clientId);
    },
    fail(clientId: string, attempts: number, error: ErrorInfo): void {
      failStmt.run(attempts, error.code, error.message, clientId);
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
    /** Rows queued before lanes existed (migration 5) get theirs from `laneOf`, in one transaction. */
    assignLanes(laneOf: (item: StoredOutboxItem) => string): void {
      db.transaction(() => {
        for (const row of unlanedStmt.all() as Row[]) {
          const item = toItem(row);
          setLaneStmt.run(laneOf(item), item.clientId);
        }
      })();
    },
    remove(clientId: string): boolean {
      return deleteStmt.run(clientId).changes === 1;
    },
    unsentCount(): number {
      return countStmt.get() as number;
    },
    /** When the soonest retry of an item that already failed once is due (null: none waiting). */
    nextRetryAt(): number | null {
      return (nextRetryStmt.get() as number | null) ?? null;
    },
  };
}
export type OutboxItemsRepo = ReturnType<typeof createOutboxItemsRepo>;
