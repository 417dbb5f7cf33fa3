// Browser mode: the ConsoleApi over the host's loopback WebSocket. The launch secret arrives in the URL
// fragment (never sent to a server), is moved to sessionStorage and out of the address bar, and goes back
// to the host only on the WebSocket URL. Requests are {id, method, input} → {id, result}; pushes {event, payload}.
import {
  consoleMethodNames,
  isConsoleEventName,
  type ConsoleApi,
  type ConsoleEventName,
  type ConsoleEvents,
  type ConsoleMethod,
} from '../../src-shared/console-api';
import { err, type Result } from '../../src-shared/result';

const SECRET_KEY = 'switchboard.secret';
const WS_PATH = '/ws';
const REQUEST_TIMEOUT_MS = 30_000;

/** Reads the launch secret from `#secret=…` (first load) or sessionStorage (reloads). */
export function takeLaunchSecret(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const match = /(?:^#|&)secret=([^&]+)/.exec(loc.hash);
  if (match?.[1]) {
    const secret = decodeURIComponent(match[1]);
    storage.setItem(SECRET_KEY, secret);
    history.replaceState(null, '', loc.pathname + loc.search);
    return secret;
  }
  return storage.getItem(SECRET_KEY);
}

export interface WsConsoleApi extends ConsoleApi {
  close(): void;
}

export function createWsConsoleApi(options: { secret: string; origin?: string }): WsConsoleApi {
  const origin = options.origin ?? window.location.origin;
  const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}?secret=${encodeURIComponent(options.secret)}`;
  const listeners = new Map<ConsoleEventName, Set<(payload: never) => void>>();
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  let ws: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let closed = false;

  function open(): Promise<WebSocket> {
    if (ws && ws.readyState === WebSocket.OPEN) return Promise.resolve(ws);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.onopen = () => {
        ws = socket;
        opening = null;
        resolve(socket);
      };
      socket.onerror = () => {
        opening = null;
        reject(new Error('console host unreachable'));
      };
      socket.onclose = () => {
        ws = null;
        for (const [, settle] of waiting) settle(err('offline', 'connection to the console host closed'));
        waiting.clear();
        // The host lives as long as the page's launcher; reconnect quietly so pushes keep flowing.
        if (!closed) setTimeout(() => void open().catch(() => undefined), 1000);
      };
      socket.onmessage = (e: MessageEvent<string>) => {
        const msg = JSON.parse(e.data) as { id?: number; result?: Result<unknown>; event?: unknown; payload?: unknown };
        if (typeof msg.id === 'number' && msg.result) {
          waiting.get(msg.id)?.(msg.result);
          waiting.delete(msg.id);
        } else if (isConsoleEventName(msg.event)) {
          for (const l of listeners.get(msg.event) ?? []) (l as (p: unknown) => void)(msg.payload);
        }
      };
    });
    return opening;
  }

  async function call(method: ConsoleMethod, input: unknown): Promise<Result<unknown>> {
    let socket: WebSocket;
    try {
      socket = await open();
    } catch {
      return err('offline', 'console host unreachable');
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(err('unavailable', 'the console host did not answer'));
      }, REQUEST_TIMEOUT_MS);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      socket.send(JSON.stringify({ id, method, input }));
    });
  }

  const api = {
    on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      void open().catch(() => undefined);
      return () => set.delete(listener as (payload: never) => void);
    },
    close(): void {
      closed = true;
      ws?.close();
    },
  } as WsConsoleApi;
  // Methods are derived from the contract's list, so a new ConsoleApi method needs no change here.
  for (const method of consoleMethodNames) {
    (api as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>)[method] = (input) => call(method, input);
  }
  return api;
}
