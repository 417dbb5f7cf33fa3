// Who gets a queued chat: routing in `auto` departments, accepting one (or the next), and transfers; each assignment greets and takes the ticket.
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { Conversation } from '../../src-shared/conversation';
import type { Specialist } from '../../src-shared/specialist';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { Db } from '../db/schema';
import { appendEvent, type LoggedEvent } from '../db/events';
import * as conversations from '../db/conversations';
import * as specialists from '../db/specialists';
import { getDepartment, listDepartments } from '../db/departments';
import { getTicket, saveTicket } from '../db/tickets';
import { once, type Outcome } from '../outcome';
import { planAssignments, type RoutingCandidate } from './routing';
import { canSeeConversation } from './conversation-scope';
import { SYSTEM_NAME } from './message-identity';
import { greetingText } from './greeting';
import type { ChatWrites } from './chat-writes';
import type { PresenceRegistry } from './presence';
import type { ChatDeadlines } from './chat-deadlines';
import type { QueueStatus } from './queue-status';
import type { AvailabilityPublisher } from './availability-publisher';

export interface ChatAssignmentDeps {
  presence: Pick<PresenceRegistry, 'isRoutable'>;
  deadlines: Pick<ChatDeadlines, 'chatMoved'>;
  queue: Pick<QueueStatus, 'push'>;
  availability: Pick<AvailabilityPublisher, 'refresh'>;
}

export class ChatAssignment {
  private stopped = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly writes: ChatWrites,
    private readonly deps: ChatAssignmentDeps,
  ) {}

  /** Assigns what can be assigned in `auto` departments, then pushes queue positions and availability. */
  async route(): Promise<void> {
    if (this.stopped) return;
    await this.writes.commit<null>(async (trx) => {
      const depts = await listDepartments(trx);
      const auto = new Set(depts.filter((d) => d.routing === 'auto').map((d) => d.id));
      const queue = (await conversations.listQueued(trx)).filter((c) => auto.has(c.departmentId));
      if (queue.length === 0) return { result: ok(null), events: [] };
      const all = await specialists.listSpecialists(trx);
      const idle = await specialists.idleSinceById(trx);
      const leased = await specialists.leasedIds(trx, this.ctx.clock.now());
      const candidates: RoutingCandidate[] = all
        .filter((s) => this.deps.presence.isRoutable(s, leased))
        .map((s) => ({ id: s.id, departmentIds: s.departmentIds, activeChats: s.activeChats, maxConcurrentChats: s.maxConcurrentChats, idleSince: idle.get(s.id) ?? 0 }));
      const plan = planAssignments(queue, candidates, this.ctx.clock.now());
      const events: LoggedEvent[] = [];
      const byId = new Map(all.map((s) => [s.id, s]));
      for (const a of plan) {
        const s = byId.get(a.specialistId);
        if (s) events.push(...(await this.assign(trx, a.conversationId, s)));
        this.deps.deadlines.chatMoved();
      }
      return { result: ok(null), events };
    });
    await this.publishQueue();
  }

  async accept(actor: AgentActor, input: AgentCommand<'chat:accept'>): Promise<Result<Conversation>> {
    const res = await this.writes.commit<Conversation>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, this.ctx.clock.now(), async () => {
        const c = await conversations.getConversation(trx, input.conversationId);
        if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
        return this.takeChat(trx, actor, c);
      }),
    );
    await this.afterQueueChange(res);
    return res;
  }

  async acceptNext(actor: AgentActor, input: AgentCommand<'chat:accept-next'>): Promise<Result<Conversation | null>> {
    const res = await this.writes.commit<Conversation | null>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, this.ctx.clock.now(), async () => {
        const queue = (await conversations.listQueued(trx, input.departmentId)).filter((c) => canSeeConversation(actor, c));
        const next = queue[0];
        if (!next) return { result: ok(null), events: [] };
        return this.takeChat(trx, actor, next);
      }),
    );
    await this.afterQueueChange(res);
    return res;
  }

  async transfer(actor: AgentActor, input: AgentCommand<'chat:transfer'>): Promise<Result<Conversation>> {
    const res = await this.writes.commit<Conversation>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, this.ctx.clock.now(), async () => {
        const c = await conversations.getConversation(trx, input.conversationId);
        if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
        if (c.state === 'ended') return { result: err('conflict', 'This chat has ended.'), events: [] };
        if (actor.role === 'agent' && c.specialist?.id !== actor.specialistId) return { result: err('forbidden', 'Only the assigned specialist can transfer this chat.'), events: [] };
        const events: LoggedEvent[] = [];
        if (input.note) {
          events.push(
            (await this.writes.addMessage(trx, c, { clientId: randomUUID(), authorKind: 'specialist', authorId: actor.specialistId, authorName: actor.displayName, body: input.note, internal: true }))
              .event,
          );
        }
        if ('specialistId' in input.to) {
          const target = await specialists.getSpecialist(trx, input.to.specialistId);
          if (!target) return { result: err('not_found', 'Specialist not found.'), events: [] };
          if (target.id === c.specialist?.id) return { result: err('conflict', 'The chat is already with this specialist.'), events: [] };
          if (!this.deps.presence.isRoutable(target, await specialists.leasedIds(trx, this.ctx.clock.now()))) return { result: err('unavailable', `${target.displayName} is not online.`), events: [] };
          if (target.activeChats >= target.maxConcurrentChats) return { result: err('capacity_full', `${target.displayName} has no free chat slot.`), events: [] };
          events.push(...(await this.assign(trx, c.id, target)));
        } else {
          const dept = await getDepartment(trx, input.to.departmentId);
          if (!dept) return { result: err('not_found', 'Unknown department.'), events: [] };
          await conversations.updateConversation(trx, c.id, { state: 'queued', specialistId: null, assignedAt: null, departmentId: dept.id });
          const upd = await this.writes.conversationEvent(trx, c.id);
          events.push(upd.event);
          events.push(
            (
              await this.writes.addMessage(trx, upd.conversation, {
                clientId: randomUUID(),
                authorKind: 'system',
                authorId: null,
                authorName: SYSTEM_NAME,
                body: `You are being transferred to ${dept.name}. A specialist will join shortly.`,
                internal: false,
              })
            ).event,
          );
        }
        const updated = await conversations.getConversation(trx, c.id);
        return updated ? { result: ok(updated), events } : { result: err('internal', 'Chat missing.'), events };
      }),
    );
    if (res.ok) await this.route();
    return res;
  }

  /** Once stopped, nothing is assigned any more (the node is going away). */
  stop(): void {
    this.stopped = true;
  }

  private async takeChat(trx: Db, actor: AgentActor, c: Conversation): Promise<Outcome<Conversation>> {
    if (c.state !== 'queued') return { result: err('conflict', 'This chat was already taken.'), events: [] };
    const me = await specialists.getSpecialist(trx, actor.specialistId);
    if (!me) return { result: err('not_found', 'Specialist not found.'), events: [] };
    if (me.activeChats >= me.maxConcurrentChats) return { result: err('capacity_full', `You already have ${me.activeChats} chats.`), events: [] };
    const events = await this.assign(trx, c.id, me);
    const updated = await conversations.getConversation(trx, c.id);
    return updated ? { result: ok(updated), events } : { result: err('internal', 'Chat missing.'), events };
  }

  private async assign(trx: Db, conversationId: string, specialist: Specialist): Promise<LoggedEvent[]> {
    const now = this.ctx.clock.now();
    await conversations.updateConversation(trx, conversationId, { state: 'assigned', specialistId: specialist.id, assignedAt: now });
    await specialists.setIdleSince(trx, specialist.id, now);
    const { conversation, event } = await this.writes.conversationEvent(trx, conversationId);
    const greeting = await this.writes.addMessage(trx, conversation, {
      clientId: randomUUID(),
      authorKind: 'specialist',
      authorId: specialist.id,
      authorName: specialist.displayName,
      body: greetingText(await getDepartment(trx, conversation.departmentId), specialist.displayName, conversation.visitorEmail),
      internal: false,
    });
    const events = [event, greeting.event];
    if (conversation.ticketId !== null) {
      const ticket = await getTicket(trx, conversation.ticketId);
      if (ticket && ticket.assigneeId !== specialist.id) {
        const updated = { ...ticket, assigneeId: specialist.id, departmentId: conversation.departmentId, updatedAt: now };
        await saveTicket(trx, updated);
        events.push(await appendEvent(trx, 'ticket.updated', updated, now, { conversationId: null, departmentId: updated.departmentId, specialistId: specialist.id, visitorVisible: false }));
      }
    }
    return events;
  }

  private async afterQueueChange(res: Result<Conversation | null>): Promise<void> {
    if (res.ok && res.value) this.deps.deadlines.chatMoved();
    await this.publishQueue();
  }

  private async publishQueue(): Promise<void> {
    await this.deps.queue.push();
    await this.deps.availability.refresh();
  }
}
