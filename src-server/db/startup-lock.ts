// Serialises a node's start-up work (migrations, first-start seeding) across nodes that share one PostgreSQL.
import { sql } from 'kysely';
import type { Db, DialectName } from './schema';

/** Arbitrary constant naming the start-up lock in pg_advisory_lock (the write queue's lock is 4_080_001). */
const STARTUP_LOCK_KEY = 4_080_002;

/**
 * PostgreSQL: a session advisory lock held on one connection while `work` runs on that same connection, so
 * nodes started together take turns and the later ones find the schema and seed data in place (concurrent
 * `create table if not exists` would otherwise race on the catalog). The lock is re-entrant within a session
 * and ends with it, so a node that dies mid-start does not block the others.
 * SQLite: one file belongs to one machine; its write lock serialises each transaction, not the whole start-up.
 * A process that waited longer than the busy timeout (another one is migrating and seeding, which hashes
 * passwords) gets SQLITE_BUSY with nothing written; one that seeded at the same moment as another finds the
 * demo accounts taken (a unique constraint) with its own seeding rolled back. Both try the work again — it
 * finds the schema and the accounts in place — for up to STARTUP_BUSY_RETRY_MS.
 */
export async function withStartupLock<T>(db: Db, dialect: DialectName, work: (db: Db) => Promise<T>): Promise<T> {
  if (dialect !== 'postgres') return retryWhileBusy(() => work(db));
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
    }
  });
}

const STARTUP_BUSY_RETRY_MS = 120_000;

async function retryWhileBusy<T>(attempt: () => Promise<T>): Promise<T> {
  const until = Date.now() + STARTUP_BUSY_RETRY_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
      const anotherProcess = code === 'SQLITE_BUSY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
      if (!anotherProcess || Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
}
