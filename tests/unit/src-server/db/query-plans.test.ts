import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import type { Database } from '../../../../src-server/db/schema';
import { eventsForAgent, eventsForVisitor } from '../../../../src-server/db/events';
import { findMessageByClientId, listMessages, reserveSeqIfOpen } from '../../../../src-server/db/messages';

// Guards migration 6 and any later index change: the chat's hot reads must keep a SEARCH (an index or rowid range), never a table SCAN.
let dir: string;
let handle: DbHandle;
let sqlite: SQLite.Database;
let traced: Kysely<Database>;
let queries: CompiledQuery[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-plans-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
  await migrate(handle.db, 'sqlite', 0);
  // A second connection whose log hands us the exact SQL the repository functions run.
  sqlite = new SQLite(join(dir, 'db.sqlite'));
  queries = [];
  traced = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void queries.push(e.query) });
});
afterEach(async () => {
  await traced.destroy();
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

/** The plan of the one query `run` issued, as SQLite's EXPLAIN QUERY PLAN detail lines. */
async function planOf(run: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
  queries = [];
  await run(traced);
  expect(queries).toHaveLength(1);
  const q = queries[0]!;
  const rows = sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

const scans = (plan: string[]) => plan.filter((d) => d.startsWith('SCAN '));

describe('query plans of the chat hot paths', () => {
  it('reads a visitor conversation stream through the events_conversation index', async () => {
    const plan = await planOf((db) => eventsForVisitor(db, 'c1', 10, 50));
    expect(plan.join('\n')).toContain('USING INDEX events_conversation');
    expect(scans(plan)).toEqual([]);
  });

  it('reads the global visitor notices through the events_conversation index', async () => {
    const plan = await planOf((db) => eventsForVisitor(db, null, 10, 50));
    expect(plan.join('\n')).toContain('USING INDEX events_conversation');
    expect(scans(plan)).toEqual([]);
  });

  it('reads a scoped agent stream as a seq range of the event log, which needs no department index', async () => {
    const plan = await planOf((db) => eventsForAgent(db, { all: false, departmentIds: ['finance', 'sales'], specialistId: 's1' }, 10, 50));
    expect(plan).toEqual(['SEARCH events USING INTEGER PRIMARY KEY (rowid>?)']);
  });

  it('finds a retried message by its client id through an index', async () => {
    const plan = await planOf((db) => findMessageByClientId(db, 'c1', 'k1'));
    expect(plan.join('\n')).toMatch(/SEARCH messages USING INDEX \S+ \(conversation_id=\? AND client_id=\?\)/);
  });

  it('reserves a seq by the conversation primary key', async () => {
    const plan = await planOf((db) => reserveSeqIfOpen(db, 'c1', 1));
    expect(plan.join('\n')).toMatch(/SEARCH conversations USING INDEX \S+ \(id=\?\)/);
  });

  it('reads a transcript in seq order through the conversation index, without sorting', async () => {
    const plan = await planOf((db) => listMessages(db, 'c1', { includeInternal: false }));
    expect(plan.join('\n')).toMatch(/SEARCH messages USING INDEX \S+ \(conversation_id=\?\)/);
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
  });
});
