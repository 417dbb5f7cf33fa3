// Removes files customers uploaded on the comment page but never sent with a comment, once they are older than
// the allowed age: the row goes in one conditional DELETE (db/attachments.ts), then its bytes under DATA_DIR/files.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../clock';
import type { Db } from '../db/schema';
import type { WriteJob } from '../db/write-queue';
import { deleteUnsentCommentUploads } from '../db/attachments';

/** How often each node sweeps; the age limit (UNSENT_UPLOAD_MAX_AGE_MS) decides what goes. */
export const UNSENT_UPLOAD_SWEEP_INTERVAL_MS = 3_600_000;
/** Rows per statement, so one sweep after a long outage never holds the write lock for long. */
const BATCH = 200;

export interface SweepDeps {
  /** The node's write queue: the delete commits like every other write (group commit, PostgreSQL write lock). */
  write<T>(job: WriteJob<T>): Promise<T>;
  clock: Clock;
  filesDir: string;
  log: Logger;
  maxAgeMs: number;
}

/**
 * One sweep: deletes every unsent comment upload older than maxAgeMs, batch by batch, and returns how many.
 * Safe on every node at once: each row is deleted by exactly one node's statement, and only that node removes
 * the file. A node that dies between the two leaves only bytes without a row (never a row without bytes).
 */
export async function sweepUnsentUploads(deps: SweepDeps): Promise<number> {
  const before = deps.clock.now() - deps.maxAgeMs;
  let removed = 0;
  for (;;) {
    const names = await deps.write((db: Db) => deleteUnsentCommentUploads(db, before, BATCH));
    await Promise.all(names.map((name) => rm(join(deps.filesDir, name), { force: true })));
    removed += names.length;
    if (names.length < BATCH) break;
  }
  if (removed > 0) deps.log.info({ removed }, 'removed comment-page uploads that were never sent');
  return removed;
}

export type UnsentUploadSweeper = {
  /** Sweeps now, after the sweep in progress (if any), so it sees everything up to the call; resolves with how many. */
  runNow(): Promise<number>;
  /** Stops re-arming and waits for a sweep in progress. */
  stop(): Promise<void>;
};

/** Sweeps every interval on this node's clock; nothing is kept in memory, so a restart loses nothing. */
export function startUnsentUploadSweeper(deps: SweepDeps & { intervalMs?: number }): UnsentUploadSweeper {
  const interval = deps.intervalMs ?? UNSENT_UPLOAD_SWEEP_INTERVAL_MS;
  // One sweep at a time on a node: two would only race each other for the same rows.
  let last: Promise<unknown> = Promise.resolve();
  let timer: TimerHandle | null = null;
  let stopped = false;
  const runNow = (): Promise<number> => {
    const next = last.catch(() => undefined).then(() => sweepUnsentUploads(deps));
    last = next;
    return next;
  };
  const arm = () => {
    if (stopped) return;
    timer = deps.clock.setTimer(interval, () => {
      runNow()
        .catch((error: unknown) => deps.log.error({ err: error }, 'unsent upload sweep failed'))
        .finally(arm);
    });
  };
  arm();
  return {
    runNow,
    async stop() {
      stopped = true;
      timer?.cancel();
      await last.catch(() => undefined);
    },
  };
}
