// The outbox: every agent action is stored with its client id first, then sent with acks and retried until the
// server confirms or refuses it. Actions keep their order within their lane (a chat, a ticket, an incident:
// outbox-lanes.ts) and lanes go out side by side; what a failure does to an item is outbox-retry.ts. Every send is
// bounded by a deadline, so nothing can wait forever. Survives restarts (SQLite).
import { randomUUID } from 'node:crypto';
import { err, type AppError, type ErrorCode, type Result } from '../../src-shared/result';
import type { OutboxItem } from '../../src-shared/console-api';
import type { OutboxItemsRepo, StoredOutboxItem } from './cache/outbox-items';
import type { BackoffOptions } from './backoff';
import type { Clock, Timers } from './clock';
import { systemTimers } from './clock';
import { laneOf, planSends } from './outbox-lanes';
import { afterFailure } from './outbox-retry';
import { withDeadline } from './deadline';

/** Sends in flight at once (at most one per lane): enough for a specialist's chats, few enough not to flood the server. */
export const MAX_IN_FLIGHT = 4;
/**
 * No send takes longer, whatever it waits on. Its own timeouts fit inside: an ack's 15 s, and for a file attached
 * offline a token refresh (15 s), the upload (60 s) and its message (15 s).
 */
export const SEND_DEADLINE_MS = 120_000;
/** While disconnected, how often to look again in case a reconnect was missed (the engine's onOnline is the normal path). */
const OFFLINE_RECHECK_MS = 5_000;

export interface OutboxTransport {
  isConnected(): boolean;
  /** Emits `kind` with the payload (which carries the client id) and resolves with the server's (checked) answer. */
  send(kind: string, payload: unknown): Promise<Result<unknown>>;
}

export interface OutboxDeps {
  repo: OutboxItemsRepo;
  transport: OutboxTransport;
  clock: Clock;
  random?: () => number;
  timers?: Timers;
  backoff?: BackoffOptions;
  maxTransientFailures?: number;
  maxInFlight?: number;
  sendDeadlineMs?: number;
  /** Applies the server's answer to the cache (e.g. the pending message becomes the real one). */
  onDelivered?: (item: StoredOutboxItem, value: unknown) => void;
  /** The item is now `failed` (refused, or given up on): shown in the outbox with its error. */
  onFailed?: (item: StoredOutboxItem, error: { code: string; message: string }) => void;
  onChange?: (items: OutboxItem[]) => void;
  /** A bug in a transport or in onDelivered: reported, and the outbox goes on. */
  onError?: (e: unknown, item: StoredOutboxItem) => void;
}

type Waiter = (result: Result<unknown>) => void;

const payloadRecord = (payload: unknown): Record<string, unknown> =>
  typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};

export function createOutbox(deps: OutboxDeps) {
  const { repo, transport, clock } = deps;
  const random = deps.random ?? Math.random;
  const timers = deps.timers ?? systemTimers;
  const maxInFlight = deps.maxInFlight ?? MAX_IN_FLIGHT;
  const sendDeadlineMs = deps.sendDeadlineMs ?? SEND_DEADLINE_MS;
  const waiters = new Map<string, Waiter[]>();
  /** Lane → client id of its item in flight. */
  const inFlight = new Map<string, string>();
  let timer: unknown = null;
  let stopped = false;

  const publicItems = (): OutboxItem[] => repo.list().map(({ payload: _p, nextAttemptAt: _n, lane: _l, ...item }) => item);
  const changed = () => deps.onChange?.(publicItems());
  const settle = (clientId: string, result: Result<unknown>) => {
    for (const w of waiters.get(clientId) ?? []) w(result);
    waiters.delete(clientId);
  };
  const cancelTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const wakeAt = (at: number) => {
    cancelTimer();
    timer = timers.setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, at - clock.now()),
    );
  };

  /** Starts every send that is due and has a free lane and slot; arms a timer for the next one that is not due yet. */
  function pump(): void {
    if (stopped) return;
    if (!transport.isConnected()) {
      // reconnected() pumps again; the slow re-check only guards against a missed reconnect.
      if (repo.unsentCount() > 0) wakeAt(clock.now() + OFFLINE_RECHECK_MS);
      else cancelTimer();
      return;
    }
    const plan = planSends(repo.queue(), clock.now(), new Set(inFlight.keys()), maxInFlight - inFlight.size);
    for (const clientId of plan.due) {
      const item = repo.get(clientId);
      if (item) void sendOne(item);
    }
    if (plan.wakeAt !== null) wakeAt(plan.wakeAt);
    else cancelTimer();
  }

  async function sendOne(item: StoredOutboxItem): Promise<void> {
    inFlight.set(item.lane, item.clientId);
    repo.markSending(item.clientId);
    changed();
    let result: Result<unknown>;
    try {
      result = await withDeadline(transport.send(item.kind, item.payload), sendDeadlineMs, timers, () =>
        err('unavailable', 'The server did not answer in time'),
      );
    } catch (e) {
      deps.onError?.(e, item);
      result = err('internal', 'The action could not be sent');
    } finally {
      inFlight.delete(item.lane);
    }
    if (stopped) return;
    // The specialist may have discarded it while it was in flight.
    if (repo.get(item.clientId)) settleItem(item, result);
    pump();
  }

  function settleItem(item: StoredOutboxItem, result: Result<unknown>): void {
    if (result.ok) {
      repo.remove(item.clientId);
      try {
        deps.onDelivered?.(item, result.value);
      } catch (e) {
        deps.onError?.(e, item);
      }
      settle(item.clientId, result);
    } else {
      const outcome = afterFailure(item.attempts, result.error, clock.now(), random, {
        ...(deps.backoff ? { backoff: deps.backoff } : {}),
        ...(deps.maxTransientFailures ? { maxTransientFailures: deps.maxTransientFailures } : {}),
      });
      if (outcome.action === 'retry') {
        repo.reschedule(item.clientId, outcome.attempts, outcome.at, { code: result.error.code, message: result.error.message });
      } else {
        repo.fail(item.clientId, outcome.attempts, outcome.error);
        deps.onFailed?.(item, outcome.error);
        settle(item.clientId, err(outcome.error.code as ErrorCode, outcome.error.message));
      }
    }
    changed();
  }

  return {
    /** Stores the action (the payload gets the client id) and tries to send it right away. */
    enqueue(kind: string, payload: Record<string, unknown>, summary: string, clientId: string = randomUUID()): string {
      const withId = { ...payload, clientId };
      repo.add({ clientId, kind, payload: withId, summary, createdAt: clock.now(), lane: laneOf(withId, clientId) });
      changed();
      pump();
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
    /** Called when anything may be sendable (an item stored by the caller). */
    kick(): void {
      pump();
    },
    /** Called on (re)connect: items backing off because of the outage go out right away. */
    reconnected(): void {
      repo.makeDue(clock.now());
      pump();
    },
    list: publicItems,
    unsent: (): number => repo.unsentCount(),
    nextRetryAt: (): number | null => repo.nextRetryAt(),
    /** A failed item gets a fresh round of tries (it holds its lane again, ahead of what was queued after it). */
    retry(clientId: string): boolean {
      const done = repo.retry(clientId, clock.now());
      if (done) {
        changed();
        pump();
      }
      return done;
    },
    discard(clientId: string): StoredOutboxItem | null {
      const item = repo.get(clientId);
      if (!item || !repo.remove(clientId)) return null;
      settle(clientId, err('conflict', 'discarded'));
      changed();
      pump();
      return item;
    },
    /** On start: items caught mid-send by a crash or quit go out again (same client id, deduplicated); old rows get lanes. */
    recover(): void {
      repo.resetInterrupted();
      repo.assignLanes((item) => laneOf(payloadRecord(item.payload), item.clientId));
    },
    stop(): void {
      stopped = true;
      cancelTimer();
      for (const id of [...waiters.keys()]) settle(id, err('offline', 'stopped'));
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
