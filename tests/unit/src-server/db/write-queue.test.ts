import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type DbHandle } from '../../../../src-server/db/connection';
import { migrate } from '../../../../src-server/db/migrations';
import { WriteQueue, type BatchObservation } from '../../../../src-server/db/write-queue';
import { saveCommandResult, findCommandResult } from '../../../../src-server/db/command-results';

let dir: string;
let handle: DbHandle;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-wq-'));
  handle = openSqlite(join(dir, 'db.sqlite'));
  await migrate(handle.db, 'sqlite', 0);
});
afterEach(async () => {
  await handle.close();
  await rm(dir, { recursive: true, force: true });
});

describe('WriteQueue', () => {
  it('commits the jobs of one turn together and answers each caller', async () => {
    const q = new WriteQueue(handle.db, true);
    const results = await Promise.all([1, 2, 3].map((n) => q.run(async (trx) => (await saveCommandResult(trx, `k${n}`, n, 0), n * 10))));
    expect(results).toEqual([10, 20, 30]);
    expect(await findCommandResult(handle.db, 'k2')).toBe(2);
  });

  it('a failing job fails alone: the others of its batch still commit', async () => {
    const q = new WriteQueue(handle.db, true);
    const ok1 = q.run((trx) => saveCommandResult(trx, 'a', 1, 0));
    const bad = q.run((trx) => saveCommandResult(trx, 'a', 2, 0)); // duplicate key in the same batch
    const ok2 = q.run((trx) => saveCommandResult(trx, 'b', 3, 0));
    await expect(ok1).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow();
    await expect(ok2).resolves.toBeUndefined();
    expect(await findCommandResult(handle.db, 'a')).toBe(1);
    expect(await findCommandResult(handle.db, 'b')).toBe(3);
  });

  it('runs jobs one after another, never interleaved, in arrival order', async () => {
    for (const group of [true, false]) {
      const q = new WriteQueue(handle.db, group);
      const log: string[] = [];
      await Promise.all(
        ['x', 'y'].map((name) =>
          q.run(async (trx) => {
            log.push(`${name} start`);
            await findCommandResult(trx, 'none');
            log.push(`${name} end`);
          }),
        ),
      );
      expect(log).toEqual(['x start', 'x end', 'y start', 'y end']);
    }
  });

  it('drain waits for queued writes and a closed queue refuses new ones', async () => {
    const q = new WriteQueue(handle.db, true);
    const pending = q.run((trx) => saveCommandResult(trx, 'late', 1, 0));
    await q.close();
    await pending;
    expect(await findCommandResult(handle.db, 'late')).toBe(1);
    await expect(q.run(async () => 1)).rejects.toThrow('closed');
  });

  it('reports one observation per transaction: a batch of three, then a failed batch and its jobs retried alone', async () => {
    const q = new WriteQueue(handle.db, true);
    const seen: BatchObservation[] = [];
    q.observeBatches((b) => seen.push(b));
    await Promise.all([1, 2, 3].map((n) => q.run((trx) => saveCommandResult(trx, `o${n}`, n, 0))));
    expect(seen.map((b) => [b.size, b.ok])).toEqual([[3, true]]);
    expect(seen[0]?.seconds).toBeGreaterThan(0);
    seen.length = 0;
    await Promise.allSettled([q.run((trx) => saveCommandResult(trx, 'dup', 1, 0)), q.run((trx) => saveCommandResult(trx, 'dup', 2, 0))]);
    expect(seen.map((b) => [b.size, b.ok])).toEqual([[2, false], [1, true], [1, false]]);
  });
});
