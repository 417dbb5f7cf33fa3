import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { WriteQueue } from '../../../../src-server/db/write-queue';

const MB = 1024 * 1024;
const ROW = 'x'.repeat(16 * 1024);
const ROUNDS = 500;
const JOBS_PER_ROUND = 16;

let dir: string;
let file: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-ckpt-'));
  file = join(dir, 'db.sqlite');
  handle = openSqlite(file, { intervalMs: 20, walLimitBytes: 1 * MB });
  await sql`create table filler (id integer primary key, body text not null)`.execute(handle.db);
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

const walSize = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

describe('checkpointer', () => {
  it('keeps the WAL file bounded under sustained writes through the write queue, and every write commits', async () => {
    const q = new WriteQueue(handle.db, true);
    let peak = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // One batch per round, like one busy event-loop turn; every job must commit even while the worker restarts the log.
      await Promise.all(
        Array.from({ length: JOBS_PER_ROUND }, () => q.run((trx) => sql`insert into filler (body) values (${ROW})`.execute(trx))),
      );
      peak = Math.max(peak, walSize());
    }
    const written = ROUNDS * JOBS_PER_ROUND * ROW.length;
    expect(written).toBeGreaterThan(120 * MB); // without log restarts the WAL would hold all of it
    expect(peak).toBeLessThan(48 * MB);
    const { rows } = await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db);
    expect(rows[0]?.n).toBe(ROUNDS * JOBS_PER_ROUND);
  });
});
