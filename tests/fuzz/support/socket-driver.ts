// Sends socket cases one at a time and judges each: an emit with an ack gets a Result within the timeout, `internal`
// is a failure (a handler threw), and the server never closes the socket. Reconnects when it must.
import type { Socket } from 'socket.io-client';
import { errorCodes } from '../../../src-shared/result';
import { connectAgent, connectVisitor } from '../../support/socket-clients';
import type { TestServer } from '../../support/start-server';
import type { Known, Role } from './fuzz-server';
import type { Namespace, SocketCase } from './socket-cases';
import type { Tally } from './tally';
import { shorten } from './tally';

/**
 * The server's token bucket runs on the test's fake clock, which never moves during a run: a socket would be
 * `rate_limited` for good after its burst (200). Each connection sends fewer, then a fresh one takes over.
 */
const EMITS_PER_CONNECTION = 150;

/** A case whose event name may be anything at all (reserved, a number, an object): sent below the client's checks. */
export type RawSocketCase = Omit<SocketCase, 'event'> & { event: unknown };

export type Answer = { kind: 'answered'; args: unknown[] } | { kind: 'unanswered'; why: string } | { kind: 'not-expected' };

interface Conn {
  socket: Socket;
  emitted: number;
  closing: boolean;
  /** The last cases sent on it, for blame when the server closes it. */
  recent: RawSocketCase[];
}

export class SocketDriver {
  private readonly conns = new Map<string, Conn>();
  private rotations = 0;
  unanswered = 0;

  constructor(
    private readonly server: TestServer,
    private readonly known: Known,
    private readonly tally: Tally,
    private readonly ackTimeoutMs: number,
  ) {}

  async send(c: SocketCase): Promise<void> {
    const conn = await this.connection(c.ns, c.role);
    conn.emitted += 1;
    conn.recent = [...conn.recent.slice(-2), c];
    this.tally.countSent(`${c.ns}:${c.form}${c.form === 'unknown-event' ? '' : `:${c.event}`}`);
    // Unknown names are ignored by design (docs/protocol.md, "Acks are required"): sent with an ack, not waited for.
    const wait = c.ack && c.form !== 'unknown-event';
    const copies = c.copies ?? 1;
    conn.emitted += copies - 1;
    // Never the sender's own role: asking for its connection again could rotate the socket just used.
    const others = await Promise.all((c.alsoAs ?? []).filter((r) => r !== c.role).map((r) => this.connection(c.ns, r)));
    for (const o of others) o.emitted += 1;
    const sockets = [...Array.from({ length: copies }, () => conn.socket), ...others.map((o) => o.socket)];
    const t0 = performance.now();
    const answers = await Promise.all(sockets.map((s) => emit(s, c.event, c.args, c.ack, wait ? this.ackTimeoutMs : 0)));
    if (wait) this.tally.countLatency(`${c.ns}:${c.event}`, performance.now() - t0);
    for (const answer of answers) this.judge(c, c.event, answer);
  }

  /** Emits through socket.io's packet layer, for event names the client refuses to emit (reserved, not strings). */
  async sendRaw(c: RawSocketCase): Promise<Answer> {
    const conn = await this.connection(c.ns, c.role);
    conn.emitted += 1;
    conn.recent = [...conn.recent.slice(-2), c];
    const label = typeof c.event === 'string' ? c.event : shorten(c.event, 40);
    this.tally.countSent(`${c.ns}:raw:${label}${c.ack ? '' : ' (no ack)'}`);
    const answer = await emitRaw(conn.socket, c.event, c.args, c.ack ? this.ackTimeoutMs : 0);
    this.judge(c, label, answer);
    return answer;
  }

  /** Whether the connection that sent the last case is still up (give the server a moment to close it). */
  async stillConnected(ns: Namespace, role: Role): Promise<boolean> {
    await new Promise((r) => setTimeout(r, 50));
    return this.conns.get(ns === 'agent' ? `agent:${role}` : 'visitor')?.socket.connected ?? false;
  }

  async closeAll(): Promise<void> {
    for (const conn of this.conns.values()) {
      conn.closing = true;
      conn.socket.disconnect();
    }
    this.conns.clear();
  }

  private judge(c: RawSocketCase, event: string, answer: Answer): void {
    const sig = `${c.ns}:${event.length > 40 ? `${event.slice(0, 40)}…` : event} [${c.form}]`;
    if (answer.kind === 'not-expected') {
      this.tally.countAnswer('(no ack asked)');
      return;
    }
    if (answer.kind === 'unanswered') {
      this.unanswered += 1;
      this.tally.countAnswer('UNANSWERED');
      this.tally.fail({ signature: `${sig} unanswered`, example: caseView(c), detail: answer.why });
      return;
    }
    const code = resultCode(answer.args);
    this.tally.countAnswer(code ?? 'NOT A RESULT');
    if (code === null) this.tally.fail({ signature: `${sig} answered with something else than a Result`, example: caseView(c), detail: shorten(answer.args, 200) });
    else if (code === 'internal') this.tally.fail({ signature: `${sig} answered internal (a handler threw)`, example: caseView(c) });
  }

  private async connection(ns: Namespace, role: Role): Promise<Conn> {
    const key = ns === 'agent' ? `agent:${role}` : 'visitor';
    const cur = this.conns.get(key);
    if (cur && cur.socket.connected && cur.emitted < EMITS_PER_CONNECTION) return cur;
    if (cur) {
      cur.closing = true;
      cur.socket.disconnect();
    }
    this.rotations += 1;
    const socket = await this.open(ns, role);
    const conn: Conn = { socket, emitted: 0, closing: false, recent: [] };
    socket.on('disconnect', (reason: string) => {
      if (conn.closing) return;
      this.tally.fail({ signature: `${ns === 'agent' ? `agent (as ${role})` : 'visitor'}: the server closed the socket (${reason})`, example: conn.recent.map(caseView), detail: 'blame the last of these cases' });
    });
    this.conns.set(key, conn);
    return conn;
  }

  private async open(ns: Namespace, role: Role): Promise<Socket> {
    if (ns === 'agent') return (await connectAgent(this.server.url, this.known.accessTokens[role])).socket as unknown as Socket;
    // Every other visitor connection resumes a known chat from the handshake, so chat-bound events get past `unauthorized`.
    const token = this.rotations % 2 === 0 ? this.known.visitorTokens[this.rotations % this.known.visitorTokens.length] : undefined;
    return (await connectVisitor(this.server.url, token ? { token } : {})).socket as unknown as Socket;
  }
}

/** The case as something to paste into a reproduction: namespace, role, event, args, whether an ack was passed. */
export function caseView(c: RawSocketCase): unknown {
  return { ns: c.ns, role: c.role, event: c.event, args: c.args, ack: c.ack, ...(c.copies ? { copies: c.copies } : {}), ...(c.alsoAs ? { alsoAs: c.alsoAs } : {}) };
}

/** The error code of a Result ack ('ok' for success), or null when the answer is not a Result. */
export function resultCode(args: unknown[]): string | null {
  if (args.length !== 1) return null;
  const r = args[0] as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (typeof r !== 'object' || r === null) return null;
  if (r.ok === true && 'value' in r) return 'ok';
  if (r.ok === false && typeof r.error?.message === 'string' && (errorCodes as readonly unknown[]).includes(r.error.code)) return r.error.code as string;
  return null;
}

function emit(socket: Socket, event: string, args: unknown[], ack: boolean, timeoutMs: number): Promise<Answer> {
  if (!ack) {
    socket.emit(event, ...args);
    return Promise.resolve({ kind: 'not-expected' });
  }
  if (timeoutMs === 0) {
    socket.emit(event, ...args, () => undefined);
    return Promise.resolve({ kind: 'not-expected' });
  }
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, ...args, (e: Error | null, ...res: unknown[]) => {
      resolve(e ? { kind: 'unanswered', why: e.message } : { kind: 'answered', args: res });
    });
  });
}

/** The internals socket.io-client's own `emit` uses; typed here because they are private in its declarations. */
interface PacketLayer {
  ids: number;
  acks: Record<number, (...args: unknown[]) => void>;
  packet(p: { type: number; data: unknown[]; id?: number; options?: { compress: boolean } }): void;
}

const EVENT_PACKET = 2;

function emitRaw(socket: Socket, event: unknown, args: unknown[], timeoutMs: number): Promise<Answer> {
  const layer = socket as unknown as PacketLayer;
  if (timeoutMs === 0) {
    layer.packet({ type: EVENT_PACKET, data: [event, ...args], options: { compress: true } });
    return Promise.resolve({ kind: 'not-expected' });
  }
  return new Promise((resolve) => {
    const id = layer.ids++;
    const timer = setTimeout(() => {
      delete layer.acks[id];
      socket.off('disconnect', onClose);
      resolve({ kind: 'unanswered', why: `no answer within ${timeoutMs} ms${socket.connected ? '' : ' (socket closed)'}` });
    }, timeoutMs);
    const onClose = (reason: string) => {
      clearTimeout(timer);
      delete layer.acks[id];
      resolve({ kind: 'unanswered', why: `socket closed (${reason})` });
    };
    socket.once('disconnect', onClose);
    layer.acks[id] = (...res: unknown[]) => {
      clearTimeout(timer);
      socket.off('disconnect', onClose);
      resolve({ kind: 'answered', args: res });
    };
    layer.packet({ type: EVENT_PACKET, data: [event, ...args], id, options: { compress: true } });
  });
}
