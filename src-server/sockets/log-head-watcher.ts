// Every LOG_HEAD_WATCH_MS, this node reads the newest committed seq; a seq that no node published live — a change
// made by `npm run admin` (a separate process with no sockets), or by another node while the Redis link between
// them was down — is announced to this node's own sockets with `log:head`, so their clients re-read the log. The
// same moment recomputes what this node derives from the database (availability, routing of queued chats).
//
// A seq is judged one interval after it was first read, never at once: a node publishes right after it commits, so
// by then every seq a node did publish is known here (its own through the broadcaster, the other nodes' through the
// reports they send each interval over the adapter). Reports can still arrive a little late; then a head is sent that
// was not needed, which costs a client one events:since and nothing else.
import type { Logger } from 'pino';
import type { Broadcaster } from './broadcaster';

export interface LogHeadWatcherDeps {
  readHead(): Promise<number>;
  /** `log:head` to this node's own sockets of both namespaces. */
  announce(seq: number): void;
  /** Tells the other nodes the highest seq this node published; absent on a single node, a no-op while they cannot hear. */
  report?(seq: number): void;
  /** The log moved past what any node published: re-derive from the database what depends on it. */
  foreignChange(): Promise<void>;
  intervalMs: number;
  log: Logger;
}

/** The seq to announce: the head read one interval ago, when it is above everything known to have reached clients. Pure. */
export function headToAnnounce(headBefore: number | null, known: number): number | null {
  return headBefore !== null && headBefore > known ? headBefore : null;
}

export class LogHeadWatcher {
  private published = 0;
  private announced = 0;
  private peers = 0;
  private reported = 0;
  private headBefore: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: LogHeadWatcherDeps) {}

  /** This node published events up to `seq` (the broadcaster calls it). */
  sawPublished(seq: number): void {
    if (seq > this.published) this.published = seq;
  }

  /** Another node published up to `seq`. */
  sawPeer(seq: number): void {
    if (Number.isSafeInteger(seq) && seq > this.peers) this.peers = seq;
  }

  /** A `log:head` with `seq` went out by another path (the Redis-recovery head, sockets/log-head.ts). */
  sawAnnounced(seq: number): void {
    if (seq > this.announced) this.announced = seq;
  }

  /** Infrastructure, not a business rule: on the real clock. 0 = never. */
  start(): void {
    if (this.deps.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.tick());
    }, this.deps.intervalMs);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    try {
      if (this.published > this.reported) {
        this.reported = this.published;
        this.deps.report?.(this.published);
      }
      const head = await this.deps.readHead();
      const seq = headToAnnounce(this.headBefore, Math.max(this.published, this.announced, this.peers));
      this.headBefore = head;
      if (seq === null) return;
      this.announced = seq;
      this.deps.announce(seq);
      this.deps.log.info({ seq }, 'log:head sent: the log holds events no node published live');
      await this.deps.foreignChange();
    } catch (e) {
      this.deps.log.warn({ err: e }, 'log head check failed; the next one tries again');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** The broadcaster, telling the watcher what this node published. */
export function watchedBroadcaster(b: Broadcaster, watcher: Pick<LogHeadWatcher, 'sawPublished'>): Broadcaster {
  return {
    ...b,
    publish(events) {
      b.publish(events);
      for (const e of events) watcher.sawPublished(e.envelope.seq);
    },
  };
}
