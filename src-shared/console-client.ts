// The client end of the console protocol: a ConsoleApi whose calls travel as frames over whatever transport
// is attached (preload: a MessagePort from the desktop main process; browser mode: the loopback WebSocket;
// the main process itself: its own MessagePort). Transports come and go (core restart, host reconnect);
// listeners stay, calls made while none is attached wait a little for the next one.
import {
  consoleMethodNames,
  isConsoleEventName,
  type ConsoleApi,
  type ConsoleEventName,
  type ConsoleEvents,
  type ConsoleMethod,
} from './console-api';
import { fromCoreFrameSchema, type FrameTransport } from './console-protocol';
import { err, type Result } from './result';

/** Timers are passed in: this module runs in browsers, preloads and Node alike, and tests use fake ones. */
export interface ClientTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConsoleClientOptions {
  timers: ClientTimers;
  /** A call made while no transport is attached waits this long for one, then answers `offline`. */
  waitForTransportMs?: number;
  /** A call the core does not answer within this long answers `unavailable`. */
  callTimeoutMs?: number;
  /** Frames that fail validation are dropped; this hears about them (for a log line). */
  onBadFrame?: (raw: unknown) => void;
}

export interface ConsoleClient {
  api: ConsoleApi;
  /** Uses `transport` from now on; calls in flight on the previous one answer `offline`. */
  attach(transport: FrameTransport): void;
  /** Called after every attach but the first (listeners of the `reconnected` event hear it too). */
  onReattach(listener: () => void): () => void;
  isAttached(): boolean;
  close(): void;
}

interface Pending {
  settle(result: Result<unknown>): void;
}

export function createConsoleClient(options: ConsoleClientOptions): ConsoleClient {
  const { timers } = options;
  const waitForTransportMs = options.waitForTransportMs ?? 5_000;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const listeners = new Map<ConsoleEventName, Set<(payload: never) => void>>();
  const reattachListeners = new Set<() => void>();
  const inFlight = new Map<number, Pending>();
  /** Calls waiting for a transport, sent in order on the next attach. */
  let waiting: Array<(transport: FrameTransport | null) => void> = [];
  let transport: FrameTransport | null = null;
  let attachments = 0;
  let nextId = 1;
  let closed = false;

  const failInFlight = (message: string) => {
    const pending = [...inFlight.values()];
    inFlight.clear();
    for (const p of pending) p.settle(err('offline', message));
  };

  function dispatch(event: ConsoleEventName, payload: unknown): void {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch {
        // One listener's bug must not stop the others from hearing the event.
      }
    }
  }

  function receive(raw: unknown): void {
    const parsed = fromCoreFrameSchema.safeParse(raw);
    if (!parsed.success) {
      options.onBadFrame?.(raw);
      return;
    }
    const frame = parsed.data;
    if (frame.type === 'result') {
      if (frame.id === null) return;
      const pending = inFlight.get(frame.id);
      inFlight.delete(frame.id);
      pending?.settle(frame.result as Result<unknown>);
      return;
    }
    if (!isConsoleEventName(frame.event) || frame.event === 'reconnected') return;
    dispatch(frame.event, frame.payload);
  }

  function send(via: FrameTransport, method: ConsoleMethod, input: unknown): Promise<Result<unknown>> {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = timers.setTimeout(() => {
        inFlight.delete(id);
        resolve(err('unavailable', 'the console core did not answer'));
      }, callTimeoutMs);
      inFlight.set(id, {
        settle(result) {
          timers.clearTimeout(timer);
          resolve(result);
        },
      });
      if (!via.send({ type: 'call', id, method, input: input ?? {} })) {
        inFlight.delete(id);
        timers.clearTimeout(timer);
        resolve(err('offline', 'connection to the console core closed'));
      }
    });
  }

  function call(method: ConsoleMethod, input: unknown): Promise<Result<unknown>> {
    if (closed) return Promise.resolve(err('offline', 'console client closed'));
    if (transport) return send(transport, method, input);
    return new Promise((resolve) => {
      const timer = timers.setTimeout(() => {
        waiting = waiting.filter((w) => w !== go);
        resolve(err('offline', 'console core unreachable'));
      }, waitForTransportMs);
      const go = (via: FrameTransport | null) => {
        timers.clearTimeout(timer);
        resolve(via ? send(via, method, input) : err('offline', 'console client closed'));
      };
      waiting.push(go);
    });
  }

  const api = {
    on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  } as ConsoleApi;
  // Methods are derived from the contract's list, so a new ConsoleApi method needs no change here.
  for (const method of consoleMethodNames) {
    (api as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>)[method] = (input) => call(method, input);
  }

  return {
    api,
    attach(next) {
      if (closed) {
        next.close();
        return;
      }
      const previous = transport;
      transport = next;
      failInFlight('connection to the console core was replaced');
      previous?.close();
      next.onFrame((raw) => {
        if (transport === next) receive(raw);
      });
      next.onClose(() => {
        if (transport !== next) return;
        transport = null;
        failInFlight('connection to the console core closed');
      });
      attachments += 1;
      const ready = waiting;
      waiting = [];
      for (const go of ready) go(next);
      if (attachments > 1) {
        for (const l of [...reattachListeners]) l();
        dispatch('reconnected', {});
      }
    },
    onReattach(listener) {
      reattachListeners.add(listener);
      return () => reattachListeners.delete(listener);
    },
    isAttached: () => transport !== null,
    close() {
      closed = true;
      transport?.close();
      transport = null;
      failInFlight('console client closed');
      const ready = waiting;
      waiting = [];
      for (const go of ready) go(null);
    },
  };
}
