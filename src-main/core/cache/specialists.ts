// Cached specialists (colleagues and me), as the server last described them.
import type Database from 'better-sqlite3';
import type { Specialist } from '../../../src-shared/specialist';

/** Rows cached before accounts could be deactivated read as active (the schema's default). */
const read = (row: string): Specialist => ({ active: true, ...(JSON.parse(row) as Omit<Specialist, 'active'>) });

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
      return row ? read(row) : null;
    },
    list(): Specialist[] {
      return (listStmt.all() as string[]).map(read);
    },
  };
}
export type SpecialistsRepo = ReturnType<typeof createSpecialistsRepo>;
