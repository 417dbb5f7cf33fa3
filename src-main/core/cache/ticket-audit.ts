// Cached ticket audit entries (who changed which field, when); entries have no id, so a content key dedupes them.
import type Database from 'better-sqlite3';
import type { TicketAuditEntry } from '../../../src-shared/ticket';

/** Same entry from an event and from `ticket:get` → same key, so replays and refetches never duplicate it. */
export const auditKey = (e: TicketAuditEntry): string =>
  JSON.stringify([e.ticketId, e.at, e.field, e.actorKind, e.actorId, e.from ?? null, e.to ?? null]);

export function createTicketAuditRepo(db: Database.Database) {
  const insertStmt = db.prepare('INSERT INTO ticket_audit (key, ticket_id, at, data) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING');
  const listStmt = db.prepare('SELECT data FROM ticket_audit WHERE ticket_id = ? ORDER BY at, rowid').pluck();
  const deleteStmt = db.prepare('DELETE FROM ticket_audit WHERE ticket_id = ?');
  return {
    /** True when the entry was new. */
    add(e: TicketAuditEntry): boolean {
      return insertStmt.run(auditKey(e), e.ticketId, e.at, JSON.stringify(e)).changes === 1;
    },
    /** The server's full history replaces what the cache had (call inside a transaction). */
    replace(ticketId: number, entries: readonly TicketAuditEntry[]): void {
      deleteStmt.run(ticketId);
      for (const e of entries) insertStmt.run(auditKey(e), e.ticketId, e.at, JSON.stringify(e));
    },
    /** Oldest first. */
    list(ticketId: number): TicketAuditEntry[] {
      return (listStmt.all(ticketId) as string[]).map((s) => JSON.parse(s) as TicketAuditEntry);
    },
  };
}
export type TicketAuditRepo = ReturnType<typeof createTicketAuditRepo>;
