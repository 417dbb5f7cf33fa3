// Specialists coming and going: connect, disconnect (then a grace period before their chats are requeued), status, and the lease heartbeat.
import { err, ok, type Result } from '../../src-shared/result';
import type { Specialist, Presence } from '../../src-shared/specialist';
import type { AgentActor, ServerContext } from '../context';
import { appendEvent, type EventScope, type LoggedEvent } from '../db/events';
import * as specialists from '../db/specialists';
import { endLease, isStillLapsed } from '../db/chat-deadlines';
import type { PresenceRegistry } from './presence';
import { type PresenceLeases, PRESENCE_LEASE_MS } from './presence-leases';
import type { ChatDeadlines } from './chat-deadlines';
import type { AvailabilityPublisher } from './availability-publisher';
import type { ChatWrites } from './chat-writes';
import { REQUEUE_NOTES, requeueChatsOf } from './requeue';

/** A specialist's own changes go to every console, never to visitors. */
const CONSOLES: EventScope = { conversationId: null, departmentId: null, specialistId: null, visitorVisible: false };

export interface SpecialistPresenceDeps {
  presence: PresenceRegistry;
  leases: Pick<PresenceLeases, 'renew'>;
  deadlines: Pick<ChatDeadlines, 'dueBy'>;
  availability: Pick<AvailabilityPublisher, 'refresh'>;
  routing: { route(): Promise<void> };
}

export class SpecialistPresence {
  private stopped = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly writes: ChatWrites,
    private readonly deps: SpecialistPresenceDeps,
  ) {}

  async specialistConnected(actor: AgentActor): Promise<void> {
    const first = this.deps.presence.connect(actor.specialistId);
    if (!first) return;
    await this.setStatus(actor, 'online');
  }

  async specialistDisconnected(actor: AgentActor): Promise<void> {
    const last = this.deps.presence.disconnect(actor.specialistId);
    if (!last || this.stopped) return;
    // They stop counting as available at once (a node still holding a socket of theirs renews the lease);
    // their chats wait out the grace period, which runs from the lease's end.
    const now = this.ctx.clock.now();
    await this.ctx.writes.run((trx) => endLease(trx, actor.specialistId, now));
    this.deps.deadlines.dueBy(now + this.ctx.config.specialistGraceMs);
    await this.deps.availability.refresh();
  }

  async setStatus(actor: AgentActor, status: Presence): Promise<Result<Specialist>> {
    const now = this.ctx.clock.now();
    const res = await this.writes.commit<Specialist>(async (trx) => {
      await specialists.setSpecialistStatus(trx, actor.specialistId, status);
      if (status === 'online') await specialists.setIdleSince(trx, actor.specialistId, now);
      if (this.deps.presence.isConnected(actor.specialistId)) await specialists.renewLeases(trx, [actor.specialistId], now + PRESENCE_LEASE_MS);
      const me = await specialists.getSpecialist(trx, actor.specialistId);
      if (!me) return { result: err('not_found', 'Specialist not found.'), events: [] };
      const event = await appendEvent(trx, 'specialist.updated', me, now, CONSOLES);
      return { result: ok(me), events: [event] };
    });
    if (res.ok) {
      if (status === 'online') await this.deps.routing.route();
      else await this.deps.availability.refresh();
    }
    return res;
  }

  /**
   * No node has held the specialist's presence since `cutoff` (the grace period ran out): mark them offline and
   * put their chats back at the head of the queue.
   */
  async graceExpired(specialistId: string, cutoff: number): Promise<void> {
    const now = this.ctx.clock.now();
    let requeued = false;
    await this.writes.commit<null>(async (trx) => {
      const events: LoggedEvent[] = [];
      // Back on some node meanwhile, or already handled by another node's sweep: nothing to do.
      if (!(await isStillLapsed(trx, specialistId, cutoff))) return { result: ok(null), events };
      requeued = true;
      await specialists.setSpecialistStatus(trx, specialistId, 'offline');
      events.push(...(await requeueChatsOf(trx, specialistId, now, REQUEUE_NOTES.disconnected)));
      const me = await specialists.getSpecialist(trx, specialistId);
      if (me) events.push(await appendEvent(trx, 'specialist.updated', me, now, CONSOLES));
      return { result: ok(null), events };
    });
    if (!requeued) return;
    this.ctx.log.info({ specialistId }, 'grace expired; chats requeued');
    await this.deps.routing.route();
  }

  /** The presence heartbeat (every third of a lease on the real clock; tests on a fake clock call it themselves). */
  async heartbeat(): Promise<void> {
    if (this.stopped) return;
    await this.deps.leases.renew();
    await this.deps.availability.refresh();
  }

  /** Once stopped, the sockets that close with the server end no lease and refresh nothing (their leases were released). */
  stop(): void {
    this.stopped = true;
  }
}
