// Opens the server database: SQLite in WAL mode under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Database, Db, DialectName } from './schema';
import { DEFAULT_CHECKPOINTER, attachCheckpointer, startCheckpointer, type CheckpointerOptions } from './checkpointer';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

export function openSqlite(file: string, checkpoints: CheckpointerOptions = DEFAULT_CHECKPOINTER): DbHandle {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only a power loss can drop the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker (checkpointer.ts), not inside our commits.
  sqlite.pragma('wal_autocheckpoint = 0');
  // When a commit rewinds the log it also cuts the file back to this size, so one burst does not keep it large.
  sqlite.pragma(`journal_size_limit = ${checkpoints.walLimitBytes}`);
  const checkpointer = startCheckpointer(file, checkpoints);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  attachCheckpointer(db, checkpointer);
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer.stop();
      // Closing the last connection checkpoints the rest of the WAL into the database file.
      await db.destroy();
    },
  };
}

/**
 * Every transaction on this connection writes, so it begins IMMEDIATE: it takes the write lock up front and
 * waits on busy_timeout while the checkpointer restarts the log. A deferred one begins with a read (the
 * duplicate checks) and its upgrade to a write fails with SQLITE_BUSY at once instead of waiting.
 * Kysely's SQLite driver has no option for this; it always sends exactly `begin`.
 */
const BEGIN = 'begin';
const BEGIN_IMMEDIATE = 'begin immediate';

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small statement. The hot
 * paths repeat a few dozen SQL strings, so prepared statements are kept by SQL text (bounded, oldest out).
 * Safe because Kysely runs one query at a time on the single SQLite connection.
 */
function cachingStatements(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string): SqliteStatement {
      const sql = query === BEGIN ? BEGIN_IMMEDIATE : query;
      const hit = cache.get(sql);
      if (hit) return hit;
      const stmt = sqlite.prepare(sql) as unknown as SqliteStatement;
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

let int8Parsed = false;

export function openPostgres(url: string): DbHandle {
  if (!int8Parsed) {
    // BIGINT (epoch ms, bigserial) fits a JS number exactly; pg would hand back strings.
    pg.types.setTypeParser(20, (v) => Number(v));
    int8Parsed = true;
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the database closes (a restart, a failover, an administrator) is dropped from the pool
  // and replaced on the next query; unhandled, pg's 'error' event would end the whole process.
  pool.on('error', (e) => process.emitWarning(`PostgreSQL closed an idle connection: ${e.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Where the embedded database lives under DATA_DIR (the server and `admin backup` agree on it). */
export const sqliteFile = (dataDir: string): string => join(dataDir, 'switchboard.db');

export function openDatabase(opts: { dataDir: string; databaseUrl: string | null }): DbHandle {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  mkdirSync(opts.dataDir, { recursive: true });
  return openSqlite(sqliteFile(opts.dataDir));
}
