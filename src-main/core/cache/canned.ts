// Cached canned responses (the ones this specialist may use), kept by `canned:list` answers and `canned.updated` events.
import type Database from 'better-sqlite3';
import type { CannedResponse } from '../../../src-shared/canned-response';

export function createCannedRepo(db: Database.Database) {
  const upsertStmt = db.prepare(`
    INSERT INTO canned (id, department_id, shortcut, data) VALUES (@id, @departmentId, @shortcut, @data)
    ON CONFLICT (id) DO UPDATE SET department_id = excluded.department_id, shortcut = excluded.shortcut, data = excluded.data`);
  const removeStmt = db.prepare('DELETE FROM canned WHERE id = ?');
  const clearStmt = db.prepare('DELETE FROM canned');
  const listStmt = db.prepare('SELECT data FROM canned ORDER BY shortcut, department_id, id').pluck();
  const upsert = (c: CannedResponse) => upsertStmt.run({ id: c.id, departmentId: c.departmentId, shortcut: c.shortcut, data: JSON.stringify(c) });
  return {
    upsert(c: CannedResponse): void {
      upsert(c);
    },
    /** True when the response was cached. */
    remove(id: string): boolean {
      return removeStmt.run(id).changes > 0;
    },
    /** The server's full list replaces the cached one (a response deleted while offline must go). */
    replaceAll(list: readonly CannedResponse[]): void {
      db.transaction(() => {
        clearStmt.run();
        for (const c of list) upsert(c);
      })();
    },
    /** By shortcut. */
    list(): CannedResponse[] {
      return (listStmt.all() as string[]).map((s) => JSON.parse(s) as CannedResponse);
    },
  };
}
export type CannedRepo = ReturnType<typeof createCannedRepo>;
