// The presence leases this node holds for the specialists connected to it: renewed on a heartbeat (real clock,
// every third of a lease), so other nodes route to them and the grace period never starts while they are here;
// ended on a graceful stop, so other nodes stop routing to them at once.
import type { ServerContext } from '../context';
import * as specialists from '../db/specialists';
import type { PresenceRegistry } from './presence';

/** Presence lease for other server nodes; renewed every third of it while a local socket is connected. */
export const PRESENCE_LEASE_MS = 15_000;

export class PresenceLeases {
  private ticker: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: ServerContext,
    private readonly presence: PresenceRegistry,
  ) {}

  /** Starts the heartbeat (infrastructure, not a business rule: on the real clock). */
  start(beat: () => Promise<void>): void {
    this.ticker = setInterval(() => void beat().catch((e) => this.ctx.log.error({ err: e }, 'lease renewal failed')), PRESENCE_LEASE_MS / 3);
    this.ticker.unref();
  }

  async renew(): Promise<void> {
    const ids = this.presence.connectedIds();
    if (ids.length > 0) await this.ctx.writes.run((trx) => specialists.renewLeases(trx, ids, this.ctx.clock.now() + PRESENCE_LEASE_MS));
  }

  /** The leases end now; the grace period runs from now (their consoles reconnect elsewhere, or here after a restart). */
  async release(): Promise<void> {
    const ids = this.presence.connectedIds();
    if (ids.length > 0) await this.ctx.writes.run((trx) => specialists.renewLeases(trx, ids, this.ctx.clock.now())).catch(() => undefined);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }
}
