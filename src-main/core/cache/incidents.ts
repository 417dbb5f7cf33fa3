// Cached incidents (leads only), kept current by `incident.updated` events and `incidents:list` answers.
import type Database from 'better-sqlite3';
import type { Incident, IncidentState } from '../../../src-shared/incident';

export function createIncidentsRepo(db: Database.Database) {
  const upsertStmt = db.prepare(`
    INSERT INTO incidents (id, state, created_at, data) VALUES (@id, @state, @createdAt, @data)
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, created_at = excluded.created_at, data = excluded.data`);
  const getStmt = db.prepare('SELECT data FROM incidents WHERE id = ?').pluck();
  const listStmt = db.prepare('SELECT data FROM incidents WHERE (@state IS NULL OR state = @state) ORDER BY created_at DESC, id').pluck();
  return {
    upsert(i: Incident): void {
      upsertStmt.run({ id: i.id, state: i.state, createdAt: i.createdAt, data: JSON.stringify(i) });
    },
    get(id: string): Incident | null {
      const row = getStmt.get(id) as string | undefined;
      return row ? (JSON.parse(row) as Incident) : null;
    },
    /** Newest first. */
    list(state: IncidentState | null = null): Incident[] {
      return (listStmt.all({ state }) as string[]).map((s) => JSON.parse(s) as Incident);
    },
    /** Incidents a ticket is linked to (offline ticket view). */
    forTicket(ticketId: number): string[] {
      return this.list().filter((i) => i.ticketIds.includes(ticketId)).map((i) => i.id);
    },
  };
}
export type IncidentsRepo = ReturnType<typeof createIncidentsRepo>;
