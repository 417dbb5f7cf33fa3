// A TCP fault proxy on loopback for tests: put it between a program and a service (a server node and Redis,
// PostgreSQL, another node) and make the link slow, jittery, paused or cut, one direction at a time.
// Bytes of one connection always stay in order (TCP), so a delay reorders traffic only against other paths.
import { createServer, connect, type Server, type Socket } from 'node:net';

/** `toTarget`: from the program that connected to the proxy towards the service; `toClient`: the answers back. */
export type FaultDirection = 'toTarget' | 'toClient';

export interface FaultProxy {
  /** Where to connect instead of the target (127.0.0.1). */
  readonly host: string;
  readonly port: number;
  /** `url` (e.g. the service's `redis://127.0.0.1:6379`) with its host and port replaced by the proxy's. */
  through(url: string): string;
  /**
   * Every chunk in `direction` is held `ms` (plus up to `jitterMs` at random) before it is forwarded.
   * Applies to chunks arriving from now on; `delay(direction, 0)` restores a straight pipe.
   */
  delay(direction: FaultDirection | 'both', ms: number, jitterMs?: number): void;
  /** Holds everything in `direction` until `resume`; connections stay open. */
  pause(direction: FaultDirection | 'both'): void;
  /** Forwards what `pause` held (each chunk once its delay, if any, has passed) and lets traffic flow again. */
  resume(direction: FaultDirection | 'both'): void;
  /** Destroys every open connection on both sides, as a dropped link would (held bytes are lost); new ones are accepted. */
  cut(): void;
  /** Refuses (closes at once) new connections while true. */
  refuse(on: boolean): void;
  /** Open connections now. */
  connections(): number;
  /** Chunks forwarded so far per direction (to check the fault actually sat on the path). */
  forwarded(): Record<FaultDirection, number>;
  close(): Promise<void>;
}

interface Setting {
  delayMs: number;
  jitterMs: number;
  paused: boolean;
}

/** One direction of one connection: an ordered queue of chunks, each with the earliest instant it may leave. */
class Pipe {
  private queue: { data: Buffer; at: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = 0;
  private ended = false;

  constructor(
    private readonly to: Socket,
    private readonly setting: Setting,
    private readonly onForward: () => void,
    private readonly random: () => number,
  ) {}

  push(data: Buffer): void {
    const { delayMs, jitterMs, paused } = this.setting;
    if (!paused && delayMs === 0 && jitterMs === 0 && this.queue.length === 0) {
      this.write(data);
      return;
    }
    // Never earlier than the chunk before it: a stream's bytes keep their order whatever the jitter.
    const at = Math.max(Date.now() + delayMs + Math.floor(this.random() * jitterMs), this.lastAt);
    this.lastAt = at;
    this.queue.push({ data, at });
    this.pump();
  }

  /** The source finished: end the other side once everything queued has left. */
  end(): void {
    this.ended = true;
    this.pump();
  }

  pump(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.setting.paused) return;
    const now = Date.now();
    while (this.queue[0] && this.queue[0].at <= now) this.write(this.queue.shift()!.data);
    const head = this.queue[0];
    if (head) this.timer = setTimeout(() => this.pump(), head.at - now);
    else if (this.ended && !this.to.destroyed) this.to.end();
  }

  drop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
  }

  private write(data: Buffer): void {
    if (this.to.destroyed) return;
    this.to.write(data);
    this.onForward();
  }
}

export async function startFaultProxy(target: { host?: string; port: number }, opts: { random?: () => number } = {}): Promise<FaultProxy> {
  const targetHost = target.host ?? '127.0.0.1';
  const random = opts.random ?? Math.random;
  const settings: Record<FaultDirection, Setting> = {
    toTarget: { delayMs: 0, jitterMs: 0, paused: false },
    toClient: { delayMs: 0, jitterMs: 0, paused: false },
  };
  const counts: Record<FaultDirection, number> = { toTarget: 0, toClient: 0 };
  const open = new Set<{ client: Socket; upstream: Socket; pipes: Record<FaultDirection, Pipe> }>();
  let refusing = false;

  // Half-open on both sides: when one side ends, what is still delayed towards it must still be delivered.
  const server: Server = createServer({ allowHalfOpen: true }, (client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    client.pause();
    const upstream = connect({ host: targetHost, port: target.port, allowHalfOpen: true });
    const pipes: Record<FaultDirection, Pipe> = {
      toTarget: new Pipe(upstream, settings.toTarget, () => counts.toTarget++, random),
      toClient: new Pipe(client, settings.toClient, () => counts.toClient++, random),
    };
    const conn = { client, upstream, pipes };
    open.add(conn);
    const teardown = () => {
      if (!open.delete(conn)) return;
      pipes.toTarget.drop();
      pipes.toClient.drop();
      client.destroy();
      upstream.destroy();
    };
    upstream.once('connect', () => client.resume());
    client.on('data', (d: Buffer) => pipes.toTarget.push(d));
    upstream.on('data', (d: Buffer) => pipes.toClient.push(d));
    client.on('end', () => pipes.toTarget.end());
    upstream.on('end', () => pipes.toClient.end());
    client.on('close', teardown);
    upstream.on('close', teardown);
    client.on('error', teardown);
    upstream.on('error', teardown);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no port');
  const port = address.port;

  const each = (direction: FaultDirection | 'both', f: (d: FaultDirection) => void) =>
    (direction === 'both' ? (['toTarget', 'toClient'] as const) : [direction]).forEach(f);

  return {
    host: '127.0.0.1',
    port,
    through(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    delay(direction, ms, jitterMs = 0) {
      each(direction, (d) => {
        settings[d].delayMs = ms;
        settings[d].jitterMs = jitterMs;
      });
    },
    pause(direction) {
      each(direction, (d) => (settings[d].paused = true));
    },
    resume(direction) {
      each(direction, (d) => {
        settings[d].paused = false;
        for (const c of open) c.pipes[d].pump();
      });
    },
    cut() {
      for (const c of [...open]) {
        c.client.destroy();
        c.upstream.destroy();
      }
    },
    refuse(on) {
      refusing = on;
    },
    connections: () => open.size,
    forwarded: () => ({ ...counts }),
    close() {
      for (const c of [...open]) {
        c.client.destroy();
        c.upstream.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
