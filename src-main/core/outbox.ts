// The outbox: every agent action is stored with its client id first, then sent in order with acks and
// retried with backoff until the server confirms or permanently refuses it. Survives restarts (SQLite).
import { randomUUID } from 'node:crypto';
import { err, type AppError, type Result } from '../../src-shared/result';
import type { OutboxItem } from '../../src-shared/console-api';
import type { OutboxItemsRepo, StoredOutboxItem } from './cache/outbox-items';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import type { Clock, Timers } from './clock';
import { systemTimers } from './clock';

/** Codes worth retrying: the server or the link had a problem, not the action. Everything else is final. */
export const transientCodes: ReadonlySet<string> = new Set(['internal', 'rate_limited', 'unavailable', 'offline', 'timeout']);
export const isTransient = (error: Pick<AppError, 'code'>): boolean => transientCodes.has(error.code);

export interface OutboxTransport {
  isConnected(): boolean;
  /** Emits `kind` with the payload (which carries the client id) and resolves with the server's ack. */
  send(kind: string, payload: unknown): Promise<Result<unknown>>;
}

export interface OutboxDeps {
  repo: OutboxItemsRepo;
  transport: OutboxTransport;
  clock: Clock;
  random?: () => number;
  timers?: Timers;
  backoff?: BackoffOptions;
  /** Applies the server's answer to the cache (e.g. the pending message becomes the real one). */
  onDelivered?: (item: StoredOutboxItem, value: unknown) => void;
  onFailed?: (item: StoredOutboxItem, error: AppError) => void;
  onChange?: (items: OutboxItem[]) => void;
}

type Waiter = (result: Result<unknown>) => void;

export function createOutbox(deps: OutboxDeps) {
  const { repo, transport, clock } = deps;
  const random = deps.random ?? Math.random;
  const timers = deps.timers ?? systemTimers;
  const waiters = new Map<string, Waiter[]>();
  let pumping = false;
  let again = false;
  let timer: unknown = null;
  let stopped = false;

  const publicItems = (): OutboxItem[] => repo.list().map(({ payload: _p, nextAttemptAt: _n, ...item }) => item);
  const changed = () => deps.onChange?.(publicItems());
  const settle = (clientId: string, result: Result<unknown>) => {
    for (const w of waiters.get(clientId) ?? []) w(result);
    waiters.delete(clientId);
  };
  const scheduleAt = (at: number) => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      void pump();
    }, Math.max(0, at - clock.now()));
  };

  async function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        while (!stopped) {
          const head = repo.head();
          if (!head || !transport.isConnected()) break;
          if (head.nextAttemptAt > clock.now()) {
            scheduleAt(head.nextAttemptAt);
            break;
          }
          repo.markSending(head.clientId);
          changed();
          const result = await transport.send(head.kind, head.payload);
          if (stopped) return;
          // The user may have discarded the item while it was in flight.
          if (!repo.get(head.clientId)) continue;
          if (result.ok) {
            repo.remove(head.clientId);
            deps.onDelivered?.(head, result.value);
            settle(head.clientId, result);
          } else if (isTransient(result.error)) {
            const attempts = head.attempts + 1;
            repo.reschedule(head.clientId, clock.now() + backoffDelay(attempts, random, deps.backoff ?? defaultBackoff), result.error);
            changed();
            // Head-of-line: later actions wait so a chat's messages never overtake each other.
            if (result.error.code !== 'offline') scheduleAt(repo.head()?.nextAttemptAt ?? clock.now());
            break;
          } else {
            repo.fail(head.clientId, { code: result.error.code, message: result.error.message });
            deps.onFailed?.(head, result.error);
            settle(head.clientId, result);
          }
          changed();
        }
      } while (again && !stopped);
    } finally {
      pumping = false;
    }
  }

  return {
    /** Stores the action (the payload gets the client id) and tries to send it right away. */
    enqueue(kind: string, payload: Record<string, unknown>, summary: string, clientId: string = randomUUID()): string {
      repo.add({ clientId, kind, payload: { ...payload, clientId }, summary, createdAt: clock.now() });
      changed();
      void pump();
      return clientId;
    },
    /** Resolves with the server's answer, or `offline` if none arrived within `timeoutMs` (the item stays queued). */
    waitFor(clientId: string, timeoutMs: number): Promise<Result<unknown>> {
      return new Promise((resolve) => {
        const item = repo.get(clientId);
        if (!item) return resolve(err('not_found', 'no such outbox item'));
        if (item.state === 'failed' && item.error) return resolve(err(item.error.code as AppError['code'], item.error.message));
        let done = false;
        const finish: Waiter = (r) => {
          if (done) return;
          done = true;
          timers.clearTimeout(handle);
          resolve(r);
        };
        const handle = timers.setTimeout(() => finish(err('offline', 'Saved in the outbox; it will be sent when the server answers')), timeoutMs);
        waiters.set(clientId, [...(waiters.get(clientId) ?? []), finish]);
      });
    },
    /** Called when anything may be sendable (new item, timer). */
    kick(): void {
      void pump();
    },
    /** Called on (re)connect: items backing off because of the outage go out right away. */
    reconnected(): void {
      repo.makeDue(clock.now());
      void pump();
    },
    list: publicItems,
    unsent: (): number => repo.unsentCount(),
    nextRetryAt(): number | null {
      const head = repo.head();
      return head && head.attempts > 0 ? head.nextAttemptAt : null;
    },
    retry(clientId: string): boolean {
      const done = repo.retry(clientId, clock.now());
      if (done) {
        changed();
        void pump();
      }
      return done;
    },
    discard(clientId: string): StoredOutboxItem | null {
      const item = repo.get(clientId);
      if (!item || !repo.remove(clientId)) return null;
      settle(clientId, err('conflict', 'discarded'));
      changed();
      return item;
    },
    /** On start: items caught mid-send by a crash or quit go out again (same client id, deduplicated). */
    recover(): void {
      repo.resetInterrupted();
    },
    stop(): void {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      for (const id of [...waiters.keys()]) settle(id, err('offline', 'stopped'));
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
