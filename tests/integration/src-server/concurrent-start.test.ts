// Several nodes starting together on one fresh database: every migration runs once and every node starts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPostgres, openSqlite, type DbHandle } from '../../../src-server/db/connection';
import { LATEST_VERSION, migrate } from '../../../src-server/db/migrations';
import { postgresUnavailableReason, startPostgres, type TestPostgres } from '../../support/postgres';
import { startServer, type TestServer } from '../../support/start-server';
import { startServerProcess } from '../../support/server-process';

const servers: TestServer[] = [];
const handles: DbHandle[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(handles.splice(0).map((h) => h.close()));
});

const allVersions = Array.from({ length: LATEST_VERSION }, (_, i) => i + 1);

async function migrationRows(h: DbHandle): Promise<number[]> {
  const r = await sql<{ version: number }>`select version from schema_migrations order by version`.execute(h.db);
  return r.rows.map((row) => Number(row.version));
}

const reason = postgresUnavailableReason();

describe.skipIf(reason !== null)(`three nodes on one fresh PostgreSQL${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let pg: TestPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
  });

  async function freshDatabase(name: string): Promise<string> {
    const admin = openPostgres(pg.url);
    await sql.raw(`create database ${name}`).execute(admin.db);
    await admin.close();
    return pg.url.replace(/\/postgres$/, `/${name}`);
  }

  it('each migration is applied by exactly one of three concurrent migrators', async () => {
    const url = await freshDatabase('migrators');
    const three = [openPostgres(url), openPostgres(url), openPostgres(url)];
    handles.push(...three);
    const applied = await Promise.all(three.map((h) => migrate(h.db, 'postgres', 0)));
    expect(applied.flat().sort((a, b) => a - b)).toEqual(allVersions);
    expect(await migrationRows(three[0] as DbHandle)).toEqual(allVersions);
  });

  it('three servers started at once all start, with the demo accounts seeded once', async () => {
    const url = await freshDatabase('nodes');
    servers.push(...(await Promise.all([1, 2, 3].map(() => startServer({ databaseUrl: url, demoPassword: 'demo-password-1' })))));
    expect(new Set(servers.map((s) => s.port)).size).toBe(3);
    for (const s of servers) expect((await s.http('GET', '/ready')).status).toBe(200);
    const check = openPostgres(url);
    handles.push(check);
    expect(await migrationRows(check)).toEqual(allVersions);
    const accounts = await sql<{ n: number }>`select count(*)::int as n from specialists`.execute(check.db);
    expect(accounts.rows[0]?.n).toBe(2);
  }, 60_000);
});

describe('three server processes on one SQLite file', () => {
  // Separate processes, as in production: in one process the synchronous SQLite busy wait would block the lock holder.
  it('each migration is applied once and all three start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-shared-'));
    const env = { DATA_DIR: dataDir, WIDGET_DIR: join(dataDir, 'no-widget'), DRAIN_DELAY_MS: '0' };
    const started = await Promise.allSettled([1, 2, 3].map(() => startServerProcess(env, 60_000)));
    const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
      expect(new Set(nodes.map((n) => n.url)).size).toBe(3);
      const check = openSqlite(join(dataDir, 'switchboard.db'));
      handles.push(check);
      expect(await migrationRows(check)).toEqual(allVersions);
    } finally {
      for (const n of nodes) n.child.kill('SIGTERM');
      await Promise.all(nodes.map((n) => n.exited));
      await Promise.all(handles.splice(0).map((h) => h.close()));
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
