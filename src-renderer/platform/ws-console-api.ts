// Browser mode: the ConsoleApi over the host's loopback WebSocket. The launch secret arrives in the URL
// fragment (never sent to a server), is moved to sessionStorage and out of the address bar, and goes back
// to the host only on the WebSocket URL. Frames are the console protocol (src-shared/console-protocol.ts) as JSON.
import type { ConsoleApi } from '../../src-shared/console-api';
import { createConsoleClient } from '../../src-shared/console-client';
import type { FrameTransport } from '../../src-shared/console-protocol';

const SECRET_KEY = 'switchboard.secret';
const WS_PATH = '/ws';
const RECONNECT_MS = 1_000;

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

/** A browser WebSocket as a console-protocol transport: frames travel as JSON text. */
function browserSocketTransport(socket: WebSocket): FrameTransport {
  return {
    send(frame) {
      if (socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    onFrame(listener) {
      socket.addEventListener('message', (e: MessageEvent<unknown>) => {
        let frame: unknown;
        try {
          frame = JSON.parse(String(e.data));
        } catch {
          frame = undefined;
        }
        listener(frame);
      });
    },
    onClose(listener) {
      socket.addEventListener('close', () => listener());
    },
    close() {
      socket.close();
    },
  };
}

export function createWsConsoleApi(options: { secret: string; origin?: string }): WsConsoleApi {
  const origin = options.origin ?? window.location.origin;
  const url = `${origin.replace(/^http/, 'ws')}${WS_PATH}?secret=${encodeURIComponent(options.secret)}`;
  const client = createConsoleClient({ timers: { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (h) => window.clearTimeout(h as number) } });
  let closed = false;

  // The host lives as long as the page's launcher; reconnect quietly so pushes keep flowing.
  function connect(): void {
    if (closed) return;
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => client.attach(browserSocketTransport(socket)));
    socket.addEventListener('close', () => {
      if (!closed) window.setTimeout(connect, RECONNECT_MS);
    });
  }
  connect();

  return Object.assign(client.api, {
    close(): void {
      closed = true;
      client.close();
    },
  });
}
