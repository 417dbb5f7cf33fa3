// Prometheus metrics of one server node (prom-client): sockets, queues, group commit, accepted messages, mail outbox, Redis link, process.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BatchObservation } from '../db/write-queue';

/** Where the figures read at scrape time come from; every one is cheap (a map size or one grouped query). */
export interface MetricsSources {
  /** Connected sockets on this node, per socket.io namespace. */
  socketsConnected(): { namespace: string; count: number }[];
  /** Chats waiting per department; read from the database, so every node reports the same cluster-wide figure. */
  queuedByDepartment(): Promise<{ departmentId: string; waiting: number }[]>;
  /** The mail outbox (cluster-wide, from the database). */
  mailOutbox(): Promise<{ queued: number; retrying: number; failed: number }>;
  /** This node's Redis adapter connection; absent without REDIS_URL (a single node), and so is the series. */
  redisConnected?(): boolean;
}

export type MessageAuthor = 'visitor' | 'specialist';

export interface ServerMetrics {
  readonly contentType: string;
  /** The text exposition of every metric, collected now. */
  render(): Promise<string>;
  /** Hooked to WriteQueue.observeBatches: one observation per transaction. */
  observeBatch(b: BatchObservation): void;
  messageAccepted(author: MessageAuthor): void;
}

/** Batch sizes double up to the largest turns seen in the bench (hundreds of jobs). */
const BATCH_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
/** Commit times from a fraction of a millisecond (SQLite) to seconds (a stalled disk or a lock wait). */
const COMMIT_SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** A registry per app (not prom-client's global one), so several apps in one process (tests) do not collide. */
export function createServerMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  // Process CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_seconds and its percentiles).
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'switchboard_sockets_connected',
    help: 'Connected socket.io clients on this node, per namespace',
    labelNames: ['namespace'],
    registers: [registry],
    collect() {
      for (const { namespace, count } of sources.socketsConnected()) this.set({ namespace }, count);
    },
  });
  new Gauge({
    name: 'switchboard_queue_waiting_chats',
    help: 'Chats waiting for a specialist, per department (cluster-wide, read from the database)',
    labelNames: ['department'],
    registers: [registry],
    async collect() {
      const rows = await sources.queuedByDepartment();
      // A deleted department must disappear rather than keep its last figure.
      this.reset();
      for (const r of rows) this.set({ department: r.departmentId }, r.waiting);
    },
  });
  new Gauge({
    name: 'switchboard_mail_outbox',
    help: 'Mails in the outbox (cluster-wide): queued for a first try, retrying after a failure, failed for good',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const s = await sources.mailOutbox();
      this.set({ state: 'queued' }, s.queued);
      this.set({ state: 'retrying' }, s.retrying);
      this.set({ state: 'failed' }, s.failed);
    },
  });
  const { redisConnected } = sources;
  if (redisConnected) {
    new Gauge({
      name: 'switchboard_redis_connected',
      help: '1 while this node is connected to Redis; 0 while degraded (live events are not relayed between nodes, /ready says "degraded")',
      registers: [registry],
      collect() {
        this.set(redisConnected() ? 1 : 0);
      },
    });
  }
  const batchSize = new Histogram({
    name: 'switchboard_write_batch_size',
    help: 'Write jobs per database transaction (group commit: all writes of one event-loop turn)',
    buckets: BATCH_SIZE_BUCKETS,
    registers: [registry],
  });
  const commitSeconds = new Histogram({
    name: 'switchboard_write_commit_seconds',
    help: 'Time from the start of a write transaction to its commit',
    labelNames: ['outcome'],
    buckets: COMMIT_SECONDS_BUCKETS,
    registers: [registry],
  });
  const accepted = new Counter({
    name: 'switchboard_messages_accepted_total',
    help: 'Chat messages accepted (committed) on this node, by author; rate() gives messages per second',
    labelNames: ['author'],
    registers: [registry],
  });
  // Zero-valued series from the start, so rate() works before the first message.
  accepted.inc({ author: 'visitor' }, 0);
  accepted.inc({ author: 'specialist' }, 0);

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observeBatch(b) {
      batchSize.observe(b.size);
      commitSeconds.observe({ outcome: b.ok ? 'committed' : 'failed' }, b.seconds);
    },
    messageAccepted(author) {
      accepted.inc({ author });
    },
  };
}
