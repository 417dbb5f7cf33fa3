// Cached specialists (colleagues and me), as the server last described them.
import type Database from 'better-sqlite3';
import type { Specialist } from '../../../src-shared/specialist';

export function createSpecialistsRepo(db: Database.Database) {
  const upsertStmt = db.prepare(
    'INSERT INTO specialists (id, display_name, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, data = excluded.data',
  );
  const listStmt = db.prepare('SELECT data FROM specialists ORDER BY display_name, id').pluck();
  const getStmt = db.prepare('SELECT data FROM specialists WHERE id = ?').pluck();
  return {
    upsert(s: Specialist): void {
      upsertStmt.run(s.id, s.displayName, JSON.stringify(s));
    },
    get(id: string): Specialist | null {
      const row = getStmt.get(id) as string | undefined;
      return row ? (JSON.parse(row) as Specialist) : null;
    },
    list(): Specialist[] {
      return (listStmt.all() as string[]).map((s) => JSON.parse(s) as Specialist);
    },
  };
}
export type SpecialistsRepo = ReturnType<typeof createSpecialistsRepo>;
