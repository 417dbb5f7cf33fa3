// Whether this node should get traffic (started, not draining, database reachable and migrated), and what is degraded
// while it does (Redis down: live events are not relayed between nodes, but every socket of this node is still served
// right from the database, so taking the node out of the balancer would only turn a partial outage into a total one).

/** One reason a node is not ready; `check` names the part, `message` says what is wrong without any detail an outsider could use. */
export interface NotReady {
  check: 'starting' | 'draining' | 'database' | 'migrations';
  message: string;
}

/** A part that is down while the node keeps serving; same shape and discretion as NotReady. */
export interface Degraded {
  check: 'redis';
  message: string;
}

export interface ReadinessState {
  started: boolean;
  draining: boolean;
  /** The applied schema version, or null when the database did not answer (in time). */
  schemaVersion: number | null;
  latestVersion: number;
  /** null: no Redis configured (a single node). */
  redisReady: boolean | null;
}

/** Pure: every reason the state is not ready, in the order a reader would fix them; empty means ready. */
export function notReadyReasons(s: ReadinessState): NotReady[] {
  const out: NotReady[] = [];
  if (!s.started) out.push({ check: 'starting', message: 'the server is still starting' });
  if (s.draining) out.push({ check: 'draining', message: 'the server is shutting down' });
  if (s.schemaVersion === null) out.push({ check: 'database', message: 'the database did not answer' });
  else if (s.schemaVersion < s.latestVersion) out.push({ check: 'migrations', message: 'database migrations are not applied' });
  return out;
}

/**
 * Pure: the parts down while the node still serves. Without Redis a node's own sockets get every event (its own
 * live, the other nodes' through events:since and the log:head it sends when Redis is back: docs/protocol.md).
 */
export function degradedParts(s: Pick<ReadinessState, 'redisReady'>): Degraded[] {
  return s.redisReady === false ? [{ check: 'redis', message: 'the Redis adapter is not connected: live events are not relayed between nodes' }] : [];
}

export interface ReadinessReport {
  /** Empty: the node should get traffic. */
  notReady: NotReady[];
  degraded: Degraded[];
}

export interface ReadinessProbes {
  /** Reads the applied schema version; rejects when the database is unreachable. */
  schemaVersion(): Promise<number>;
  latestVersion: number;
  redisReady(): boolean | null;
  /** Bound on the database probe, so a hung connection answers "not ready" instead of hanging the balancer's check. */
  probeTimeoutMs?: number;
}

/**
 * The node's readiness. Unauthenticated callers reach it, so the work per request is bounded: concurrent
 * checks share one database probe in flight, and the probe gives up after `probeTimeoutMs`.
 */
export class Readiness {
  private started = false;
  private draining = false;
  private inFlight: Promise<number | null> | null = null;
  private querying = false;

  constructor(private readonly probes: ReadinessProbes) {}

  markStarted(): void {
    this.started = true;
  }

  /** From now on the node answers "not ready" and refuses new socket.io connections (see app.ts). */
  markDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async check(): Promise<ReadinessReport> {
    const schemaVersion = await this.probeDatabase();
    const state: ReadinessState = { started: this.started, draining: this.draining, schemaVersion, latestVersion: this.probes.latestVersion, redisReady: this.probes.redisReady() };
    return { notReady: notReadyReasons(state), degraded: degradedParts(state) };
  }

  /** At most one query runs at a time: while a hung one is still out, later checks answer "no answer" at once. */
  private probeDatabase(): Promise<number | null> {
    if (this.inFlight) return this.inFlight;
    if (this.querying) return Promise.resolve(null);
    this.querying = true;
    const query = this.probes.schemaVersion().finally(() => {
      this.querying = false;
    });
    this.inFlight = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), this.probes.probeTimeoutMs ?? 2_000);
      query.then(resolve, () => resolve(null)).finally(() => clearTimeout(timer));
    }).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }
}
