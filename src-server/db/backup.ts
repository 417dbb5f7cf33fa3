// Online backup of the SQLite database (better-sqlite3's backup API): a consistent copy while the server keeps writing.
import { closeSync, openSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

/** Everything in one step: a step that sees another connection's write restarts, so small steps under steady load might never finish. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies `source` to `target`, which must not exist yet (created exclusively first, so two backups or an
 * existing file are never overwritten). In WAL mode the copy reads one snapshot while writers carry on.
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  // 'wx' fails if the file exists: the refusal and the creation are one atomic step.
  closeSync(openSync(target, 'wx'));
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const result = await db.backup(target, { progress: () => ALL_PAGES });
    return { pages: result.totalPages };
  } catch (e) {
    rmSync(target, { force: true });
    throw e;
  } finally {
    db.close();
  }
}
