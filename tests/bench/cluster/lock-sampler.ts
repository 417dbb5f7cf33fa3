// Samples, from outside the nodes, who holds and who waits for the write lock of src-server/db/write-queue.ts
// (pg_advisory_xact_lock(4080001)) while a bench phase runs: pg_locks joined with pg_stat_activity every few ms.
import pg from 'pg';

/** The key write-queue.ts locks (a bigint key below 2^32 shows as classid 0, objid = key, objsubid 1). */
const WRITE_LOCK_KEY = 4_080_001;

export interface LockProfile {
  samples: number;
  /** Share of samples in which some transaction held the lock. */
  heldShare: number;
  /** Of the samples where it was held: the holder was running SQL in PostgreSQL ('active')… */
  holderActiveShare: number;
  /** …or idle in its transaction, i.e. waiting for its node to send the next statement or the commit. */
  holderIdleShare: number;
  /** Mean number of transactions (one per node at most) queued behind the holder. */
  meanWaiters: number;
  /** Share of samples with at least one waiter. */
  waitedShare: number;
  /** Median time of one sampling query from this process: a rough PostgreSQL round trip on the loaded machine. */
  roundTripMs: number;
}

export async function sampleWriteLock(url: string, everyMs = 5): Promise<{ stop(): Promise<LockProfile> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let running = true;
  let samples = 0;
  let held = 0;
  let holderActive = 0;
  let holderIdle = 0;
  let waiters = 0;
  let waited = 0;
  const times: number[] = [];
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      const { rows } = await client.query<{ granted: boolean; state: string | null }>(
        `select l.granted, a.state from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.classid = 0 and l.objid = $1 and l.objsubid = 1`,
        [WRITE_LOCK_KEY],
      );
      times.push(performance.now() - t0);
      samples++;
      const holder = rows.find((r) => r.granted);
      const queued = rows.filter((r) => !r.granted).length;
      if (holder) {
        held++;
        if (holder.state === 'active') holderActive++;
        else if (holder.state?.startsWith('idle in transaction')) holderIdle++;
      }
      waiters += queued;
      if (queued > 0) waited++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      await client.end();
      const n = Math.max(1, samples);
      return {
        samples,
        heldShare: held / n,
        holderActiveShare: holderActive / Math.max(1, held),
        holderIdleShare: holderIdle / Math.max(1, held),
        meanWaiters: waiters / n,
        waitedShare: waited / n,
        roundTripMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN,
      };
    },
  };
}
