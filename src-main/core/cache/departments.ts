// Cached departments (server copy), ordered as the server's drop-downs order them.
import type Database from 'better-sqlite3';
import type { Department } from '../../../src-shared/department';

export function createDepartmentsRepo(db: Database.Database) {
  const upsertStmt = db.prepare(
    'INSERT INTO departments (id, position, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position, data = excluded.data',
  );
  const listStmt = db.prepare('SELECT data FROM departments ORDER BY position, id').pluck();
  return {
    upsert(d: Department): void {
      upsertStmt.run(d.id, d.position, JSON.stringify(d));
    },
    list(): Department[] {
      // Rows cached before departments had greetings (or addresses) read as the default: the standard greeting, no address.
      return (listStmt.all() as string[]).map((s) => ({ greeting: '', email: null, ...(JSON.parse(s) as Omit<Department, 'greeting' | 'email'>) }));
    },
  };
}
export type DepartmentsRepo = ReturnType<typeof createDepartmentsRepo>;
