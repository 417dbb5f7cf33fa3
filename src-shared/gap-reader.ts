// Feeds live events through an EventSequencer and closes the holes it reports with events:since re-reads: after a
// short pause (so a burst of events costs one request), at most one request in flight, paging until the last page,
// and again if new holes opened meanwhile; after a `log:head` above the cursor, after a random pause instead (a node
// whose Redis link comes back sends it to all its sockets at once). Shared by the console core and the customer
// widget; I/O and randomness are injected.
import type { EventEnvelope, EventsPage } from './events';
import type { Result } from './result';
import type { EventSequencer } from './event-sequencer';

/** Pause between the first hole of a burst and its re-read: long enough for a burst relayed by another node. */
export const GAP_REREAD_DELAY_MS = 150;
/** Pause before trying again after a re-read failed while still connected. */
export const GAP_REREAD_RETRY_MS = 2_000;
/**
 * Upper bound of the random pause before the re-read a `log:head` asks for: a node with thousands of sockets sends
 * the head to all of them at once, and their re-reads should reach the database spread over this window, not together.
 */
export const HEAD_REREAD_SPREAD_MS = 2_000;
/** Re-reads are short (events of the last moments); pages are parsed in full like live events. */
export const GAP_REREAD_PAGE_SIZE = 500;

export interface GapReaderTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface GapReaderDeps {
  sequencer: EventSequencer;
  timers: GapReaderTimers;
  /** events:since over the current connection. */
  read(since: number, limit: number): Promise<Result<EventsPage>>;
  /** Apply `events` in this order, then keep `verified` as the cursor (the sequencer's; never past a hole). */
  apply(events: EventEnvelope[], verified: number, origin: 'live' | 're-read'): void;
  delayMs?: number;
  retryMs?: number;
  pageSize?: number;
  /** Uniform in [0, 1), like Math.random (the default); tests pass their own. */
  random?: () => number;
  headSpreadMs?: number;
}

export interface GapReader {
  /** Live envelopes as they arrive (one, or those buffered during a catch-up, in arrival order). */
  live(events: readonly EventEnvelope[]): void;
  /** A `log:head`: above the verified cursor, a re-read after a random pause of 0 to `headSpreadMs` (unless one is already waiting or under way). */
  head(seq: number): void;
  /** Re-read now, skipping the pause; resolves when the holes known at the call are closed (false: a read failed or was cancelled). */
  readNow(): Promise<boolean>;
  /** The connection is gone: forget the pending re-read and ignore an answer still under way. */
  cancel(): void;
  /** A re-read is waiting or under way. */
  busy(): boolean;
}

export function createGapReader(deps: GapReaderDeps): GapReader {
  const { sequencer, timers } = deps;
  const delayMs = deps.delayMs ?? GAP_REREAD_DELAY_MS;
  const retryMs = deps.retryMs ?? GAP_REREAD_RETRY_MS;
  const pageSize = deps.pageSize ?? GAP_REREAD_PAGE_SIZE;
  const random = deps.random ?? Math.random;
  const headSpreadMs = deps.headSpreadMs ?? HEAD_REREAD_SPREAD_MS;
  let timer: unknown = null;
  let running: Promise<boolean> | null = null;
  /** Bumped by cancel(): an answer of an older generation is dropped. */
  let generation = 0;

  function schedule(ms: number): void {
    if (timer !== null || running !== null) return;
    timer = timers.setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  }

  async function readPages(started: number): Promise<boolean> {
    for (;;) {
      const receivedAtRequest = sequencer.received;
      const page = await deps.read(sequencer.verified, pageSize);
      if (started !== generation) return false;
      if (!page.ok) return false;
      const before = sequencer.verified;
      const out = sequencer.page(page.value, receivedAtRequest);
      if (out.length > 0 || sequencer.verified !== before) deps.apply(out, sequencer.verified, 're-read');
      if (!page.value.hasMore) return true;
    }
  }

  function run(): Promise<boolean> {
    if (running) return running;
    const started = generation;
    running = readPages(started).then(
      (done) => done,
      () => false,
    );
    void running.then((done) => {
      if (started !== generation) return;
      running = null;
      // Holes left now were opened by events that arrived while the request was under way: one more round.
      if (!done) schedule(retryMs);
      else if (sequencer.hasGap) schedule(delayMs);
    });
    return running;
  }

  return {
    live(events) {
      const out: EventEnvelope[] = [];
      const before = sequencer.verified;
      for (const e of events) out.push(...sequencer.live(e));
      if (out.length > 0 || sequencer.verified !== before) deps.apply(out, sequencer.verified, 'live');
      if (sequencer.hasGap) schedule(delayMs);
    },
    head(seq) {
      // A re-read already waiting keeps its time; one under way was sent before the head, so the sequencer still
      // reports the hole when it ends and the usual second round reads it.
      if (sequencer.head(seq)) schedule(Math.floor(random() * headSpreadMs));
    },
    async readNow() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      // A request already under way may have been sent before the holes the caller knows of: wait, then read again.
      if (running) await running;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      return run();
    },
    cancel() {
      generation++;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      running = null;
    },
    busy: () => timer !== null || running !== null,
  };
}
