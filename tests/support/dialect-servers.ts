// Integration tests that run on both databases: a fresh server per test on SQLite, and on PostgreSQL one cluster per
// file with a fresh database per test (skipped only where PostgreSQL is not installed, reason in the title).
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from './postgres';
import { startServer, type StartServerOptions, type TestServer } from './start-server';

export const dialects = [
  { dialect: 'sqlite' as const, skipped: null },
  { dialect: 'postgres' as const, skipped: postgresUnavailableReason() },
].map((d) => ({ ...d, title: d.skipped ? `${d.dialect} (skipped: ${d.skipped})` : d.dialect }));

/** Registers the hooks; `get()` is the running server of the current test. */
export function serverPerTest(dialect: 'sqlite' | 'postgres', opts: StartServerOptions = {}): { get(): TestServer } {
  let cluster: TestPostgres | null = null;
  let server: TestServer | null = null;
  // Where PostgreSQL is missing its tests skip (their titles say why) and nothing here may try to start it.
  if (dialect === 'postgres' && postgresUnavailableReason() !== null) return { get: () => { throw new Error('PostgreSQL is not available'); } };
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
