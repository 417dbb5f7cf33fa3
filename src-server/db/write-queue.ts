// Group commit: every write job of one event-loop turn runs in one transaction, and each caller is answered after the commit.
import { sql } from 'kysely';
import type { Db, DialectName } from './schema';
import { checkpointerTurn } from './checkpointer';

/** Arbitrary constant naming the server's write lock in pg_advisory_xact_lock. */
const WRITE_LOCK_KEY = 4_080_001;

export type WriteJob<T> = (trx: Db) => Promise<T>;

/** One committed (or failed) transaction: how many jobs it held and how long it took from begin to commit. */
export interface BatchObservation {
  size: number;
  seconds: number;
  ok: boolean;
}

interface Pending {
  job: WriteJob<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Jobs run one after another (never interleaved), so a job may read, decide and write without races inside
 * this process. With group commit off every job gets its own transaction (the bench compares both).
 * If a batch fails (a bug or a constraint race in one job) the jobs are retried one per transaction, so only
 * the failing job's caller sees the error.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  private observer: ((b: BatchObservation) => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly groupCommit: boolean,
    private readonly dialect: DialectName = 'sqlite',
  ) {}

  /**
   * PostgreSQL with several server nodes: one advisory lock per write transaction serialises writers across
   * nodes, so event seqs commit in order (a reader never skips a seq committed late) and routing decisions
   * never race. SQLite has a single writer already.
   */
  private async begin(trx: Db): Promise<void> {
    if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
  }

  /** Metrics: called once per transaction, after it ends; never per job, so the hot path pays one clock read per batch. */
  observeBatches(observer: ((b: BatchObservation) => void) | null): void {
    this.observer = observer;
  }

  private observe(size: number, startedAt: number, ok: boolean): void {
    if (this.observer) this.observer({ size, seconds: (performance.now() - startedAt) / 1000, ok });
  }

  run<T>(job: WriteJob<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('write queue closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ job, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate: let every handler of this turn enqueue before we commit them together.
        setImmediate(() => {
          this.running = this.running.then(() => this.flush());
        });
      }
    });
  }

  /** Waits for everything queued so far to commit (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.scheduled) {
      await new Promise((r) => setImmediate(r));
      await this.running;
    }
    await this.running;
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // Between transactions is the only moment the SQLite checkpointer can take the write lock to bound the WAL.
    const turn = checkpointerTurn(this.db);
    if (turn) await turn;
    if (!this.groupCommit || batch.length === 1) {
      for (const p of batch) await this.runAlone(p);
      return;
    }
    let results: unknown[];
    const startedAt = performance.now();
    try {
      results = await this.db.transaction().execute(async (trx) => {
        await this.begin(trx);
        const out: unknown[] = [];
        for (const p of batch) out.push(await p.job(trx));
        return out;
      });
    } catch {
      this.observe(batch.length, startedAt, false);
      for (const p of batch) await this.runAlone(p);
      return;
    }
    this.observe(batch.length, startedAt, true);
    batch.forEach((p, i) => p.resolve(results[i]));
  }

  private async runAlone(p: Pending): Promise<void> {
    const startedAt = performance.now();
    try {
      const value = await this.db.transaction().execute(async (trx) => {
        await this.begin(trx);
        return p.job(trx);
      });
      this.observe(1, startedAt, true);
      p.resolve(value);
    } catch (e) {
      this.observe(1, startedAt, false);
      p.reject(e);
    }
  }
}
