// Moves SQLite WAL checkpoints off the event loop: a worker thread with its own connection checkpoints on a timer.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

/*
 * Measured on this machine: with SQLite's automatic checkpoint (every 1000 WAL pages, run inside the
 * committing call) a small commit averaged ~2 ms with stalls up to ~160 ms, because each checkpoint
 * fsyncs the database file; with autocheckpoint off it averaged ~0.3 ms. A PASSIVE checkpoint from another
 * connection never blocks the writer, so the fsync happens on the worker's thread instead of ours.
 *
 * PASSIVE alone never bounds the WAL under steady load: SQLite rewinds the log only when a write begins
 * after a checkpoint that copied every frame, and our writer keeps appending while the worker copies. So
 * once the log passes the limit the worker follows its PASSIVE pass (which copies the bulk without
 * blocking anyone) with a RESTART, which needs the write lock. Left to SQLite's busy handler the worker
 * almost never gets it (the writer takes it again microseconds after each commit while the worker sleeps
 * between retries; measured in the unit test's load: the WAL still grew to 80 MB), so they hand it over through a shared gate:
 * the worker asks, the write queue grants before its next transaction and waits (asynchronously — the
 * event loop keeps serving) until the worker has copied the few frames committed since its PASSIVE pass.
 * The main connection's transactions also begin IMMEDIATE (connection.ts), so any other writer waits on
 * busy_timeout instead of failing with SQLITE_BUSY.
 */
const GATE_OPEN = 0;
const GATE_ASKED = 1;
const GATE_GRANTED = 2;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const gate = new Int32Array(workerData.gate);
const frameBytes = db.pragma('page_size', { simple: true }) + 24;
const restart = () => {
  Atomics.store(gate, 0, ${GATE_ASKED});
  Atomics.wait(gate, 0, ${GATE_ASKED}, workerData.intervalMs);
  // Not granted: the writer is idle, so the log is not growing; a PASSIVE pass can copy it all.
  if (Atomics.compareExchange(gate, 0, ${GATE_ASKED}, ${GATE_OPEN}) === ${GATE_ASKED}) return false;
  try { db.pragma('wal_checkpoint(RESTART)'); } finally { Atomics.store(gate, 0, ${GATE_OPEN}); Atomics.notify(gate, 0); }
  return true;
};
const walFile = workerData.file + '-wal';
const checkpoint = () => {
  try {
    // A rewound log is cut back to the limit (journal_size_limit), so a file twice that size means the writer
    // outran the last pass: copy everything under the gate at once rather than chase it with another PASSIVE pass.
    const file = statSync(walFile, { throwIfNoEntry: false });
    if (file && file.size > 2 * workerData.walLimitBytes && restart()) return;
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    // All frames copied: the next write rewinds the log by itself, no need to stop the writer.
    if (passive && passive.log > passive.checkpointed && passive.log * frameBytes > workerData.walLimitBytes) restart();
  } catch { /* busy: next tick */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
  /** Null unless the worker asked for the write lock; then resolves once it has restarted the log. */
  writerTurn(): Promise<void> | null;
}

export interface CheckpointerOptions {
  intervalMs: number;
  /** WAL size past which the worker restarts the log (see above). */
  walLimitBytes: number;
}

/*
 * db-path bench (saturated writer, 88 messages per commit): a 16 MB limit peaked at ~53 MB WAL and ~6.3k msgs/s,
 * 32 MB at ~150 MB and ~9.6k, 64 MB at ~180 MB and ~11k (a larger log rewrites hot pages fewer times per copy).
 */
export const DEFAULT_CHECKPOINTER: CheckpointerOptions = { intervalMs: 100, walLimitBytes: 32 * 1024 * 1024 };

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
/** Node 20 has Atomics.waitAsync; the project's TypeScript lib (before ES2024) does not declare it. */
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync.bind(Atomics);

/** Longest a writer waits for the worker's RESTART (busy_timeout); past it the writer goes ahead. */
const MAX_WAIT_MS = 5000;

export function startCheckpointer(file: string, opts: CheckpointerOptions = DEFAULT_CHECKPOINTER): Checkpointer {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, ...opts, modulePath, gate: gate.buffer } });
  worker.unref();
  let stopped: Promise<void> | null = null;
  return {
    writerTurn() {
      if (Atomics.compareExchange(gate, 0, GATE_ASKED, GATE_GRANTED) !== GATE_ASKED) return null;
      const wait = waitAsync(gate, 0, GATE_GRANTED, MAX_WAIT_MS);
      if (!wait.async) return Promise.resolve();
      // A pending waitAsync does not keep Node's event loop alive; the queued writes must still commit.
      const keepAlive = setTimeout(() => undefined, MAX_WAIT_MS);
      return wait.value.then(() => clearTimeout(keepAlive));
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => {
          // A writer still waiting on a dead worker must not wait out the timeout.
          Atomics.store(gate, 0, GATE_OPEN);
          Atomics.notify(gate, 0);
          resolve();
        };
        worker.once('message', () => void worker.terminate().then(done, done));
        worker.once('error', done);
        worker.once('exit', done);
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}

const byDb = new WeakMap<object, Checkpointer>();

/** Ties a checkpointer to the database object the write queue holds, so the queue can give way to it. */
export function attachCheckpointer(db: object, checkpointer: Checkpointer): void {
  byDb.set(db, checkpointer);
}

/** Null unless the database's checkpointer is waiting for the write lock; see Checkpointer.writerTurn. */
export function checkpointerTurn(db: object): Promise<void> | null {
  return byDb.get(db)?.writerTurn() ?? null;
}
