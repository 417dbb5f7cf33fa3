// The help authoring and image tests run on both databases: a fresh server per test on SQLite, and on PostgreSQL one
// cluster per file with a fresh database per test (skipped only where PostgreSQL is not installed, reason in the title).
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../../support/postgres';
import { startServer, type StartServerOptions, type TestServer } from '../../../support/start-server';

export const dialects = [
  { dialect: 'sqlite' as const, skipped: null },
  { dialect: 'postgres' as const, skipped: postgresUnavailableReason() },
].map((d) => ({ ...d, title: d.skipped ? `${d.dialect} (skipped: ${d.skipped})` : d.dialect }));

/** Registers the hooks; `get()` is the running server of the current test. */
export function serverPerTest(dialect: 'sqlite' | 'postgres', opts: StartServerOptions = {}): { get(): TestServer } {
  let cluster: TestPostgres | null = null;
  let server: TestServer | null = null;
  if (dialect === 'postgres') {
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });
  }
  beforeEach(async () => {
    if (!cluster) {
      server = await startServer(opts);
      return;
    }
    const name = `help_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    server = await startServer({ ...opts, databaseUrl: cluster.url.replace(/\/postgres$/, `/${name}`) });
  }, 30_000);
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  return {
    get() {
      if (!server) throw new Error('no server running');
      return server;
    },
  };
}

/** The ids of indexed articles matching the words, by the dialect's own full-text match (not the search service). */
export async function matchingArticleIds(server: TestServer, words: string): Promise<string[]> {
  const { db, dialect } = server.app.ctx;
  const rows =
    dialect === 'sqlite'
      ? await sql<{ article_id: string }>`select article_id from help_search where help_search match ${words}`.execute(db)
      : await sql<{ article_id: string }>`select article_id from help_search where document @@ plainto_tsquery('english', ${words})`.execute(db);
  return rows.rows.map((r) => r.article_id).sort();
}
