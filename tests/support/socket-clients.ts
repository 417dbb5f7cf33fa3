// Real socket.io clients for tests: a visitor or a specialist over loopback, with Result-typed emits and event waiting.
import { io, type Socket } from 'socket.io-client';
import type { Result } from '../../src-shared/result';
import type { EventEnvelope } from '../../src-shared/events';
import type { VisitorClientToServerEvents, VisitorServerToClientEvents } from '../../src-shared/protocol/visitor';
import type { AgentClientToServerEvents, AgentServerToClientEvents } from '../../src-shared/protocol/agent';
import { VISITOR_NAMESPACE } from '../../src-shared/protocol/visitor';
import { AGENT_NAMESPACE } from '../../src-shared/protocol/agent';

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

/** Collects every server-pushed event of a socket, so tests can await ones that may already have arrived. */
export class Inbox {
  readonly received: { name: string; payload: unknown }[] = [];
  private waiters: { name: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];

  constructor(socket: Socket) {
    socket.onAny((name: string, payload: unknown) => {
      this.received.push({ name, payload });
      for (const w of [...this.waiters]) {
        if (w.name === name && w.match(payload)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(payload);
        }
      }
    });
  }

  /** The first `name` event matching `match` — already received or still to come. */
  next<T = unknown>(name: string, match: (p: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    const found = this.received.find((r) => r.name === name && match(r.payload as T));
    if (found) return Promise.resolve(found.payload as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for "${name}"`)), timeoutMs);
      this.waiters.push({
        name,
        match: (p) => match(p as T),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  }

  /** Logged events (`event`) of one type, matching `match`. */
  nextEvent<T extends EventEnvelope['type']>(type: T, match: (e: Extract<EventEnvelope, { type: T }>) => boolean = () => true) {
    return this.next<Extract<EventEnvelope, { type: T }>>('event', (e) => e.type === type && match(e));
  }

  events(): EventEnvelope[] {
    return this.received.filter((r) => r.name === 'event').map((r) => r.payload as EventEnvelope);
  }

  clear(): void {
    this.received.length = 0;
  }
}

/** Emits with an ack and resolves with the Result (socket.io's emitWithAck, typed loosely for any payload). */
export function call<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<Result<T>> {
  return (socket.timeout(10_000).emitWithAck as (ev: string, ...args: unknown[]) => Promise<Result<T>>)(event, payload);
}

/** Unwraps an ok Result or throws with the error, for steps that must succeed. */
export async function callOk<T = unknown>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const r = await call<T>(socket, event, payload);
  if (!r.ok) throw new Error(`${event} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

function waitConnected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

/** `headers`: extra handshake headers (e.g. X-Forwarded-For, as a balancer would add). */
export async function connectVisitor(baseUrl: string, opts: { token?: string; headers?: Record<string, string> } = {}): Promise<{ socket: VisitorSocket; inbox: Inbox }> {
  const socket: VisitorSocket = io(`${baseUrl}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: opts.token ? { token: opts.token } : {},
    ...(opts.headers ? { extraHeaders: opts.headers } : {}),
  });
  const inbox = new Inbox(socket as unknown as Socket);
  await waitConnected(socket as unknown as Socket);
  return { socket, inbox };
}

export async function connectAgent(baseUrl: string, accessToken: string): Promise<{ socket: AgentSocket; inbox: Inbox }> {
  const socket: AgentSocket = io(`${baseUrl}${AGENT_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token: accessToken } });
  const inbox = new Inbox(socket as unknown as Socket);
  await waitConnected(socket as unknown as Socket);
  return { socket, inbox };
}
