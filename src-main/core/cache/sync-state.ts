// The sync cursor (last applied server event seq) and small session values (server URL, me, refresh token).
import type Database from 'better-sqlite3';

/** `stats`: the last dashboard numbers fetched (JSON with their fetch time), shown with their age offline. */
export type SessionKey = 'serverUrl' | 'refreshToken' | 'me' | 'stats';

export function createSyncStateRepo(db: Database.Database) {
  const getCursorStmt = db.prepare('SELECT cursor FROM sync_state WHERE id = 1').pluck();
  const setCursorStmt = db.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1');
  const getStmt = db.prepare('SELECT value FROM kv WHERE key = ?').pluck();
  const setStmt = db.prepare('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const deleteStmt = db.prepare('DELETE FROM kv WHERE key = ?');
  return {
    cursor(): number {
      return (getCursorStmt.get() as number | undefined) ?? 0;
    },
    setCursor(cursor: number): void {
      setCursorStmt.run(cursor);
    },
    get(key: SessionKey): string | null {
      return (getStmt.get(key) as string | undefined) ?? null;
    },
    set(key: SessionKey, value: string | null): void {
      if (value === null) deleteStmt.run(key);
      else setStmt.run(key, value);
    },
  };
}
export type SyncStateRepo = ReturnType<typeof createSyncStateRepo>;
