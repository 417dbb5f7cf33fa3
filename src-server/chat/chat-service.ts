// The chat lifecycle: request → queued → assigned → active → ended, with routing, transfer, grace requeue, idle timeout and drop boxes.
// The deadlines (idle end, grace requeue) are decided in the database by ChatDeadlines, never by one node's timers.
import { createHmac, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { err, ok, type Result } from '../../src-shared/result';
import type { Conversation, EndReason } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { DropBox } from '../../src-shared/drop-box';
import type { Availability } from '../../src-shared/department';
import type { Specialist, Presence } from '../../src-shared/specialist';
import type { ChatRequest, VisitorChatState } from '../../src-shared/protocol/visitor';
import type { AgentSnapshot, agentInbound } from '../../src-shared/protocol/agent';
import { isOpen } from '../../src-shared/business-hours';
import type { AgentActor, ServerContext } from '../context';
import type { Db } from '../db/schema';
import type { QueueStat } from '../sockets/broadcaster';
import { appendEvent, latestSeq, type LoggedEvent } from '../db/events';
import * as conversations from '../db/conversations';
import * as messages from '../db/messages';
import * as dropBoxes from '../db/drop-boxes';
import * as specialists from '../db/specialists';
import { getDepartment, listDepartments } from '../db/departments';
import { insertTicket, getTicket, saveTicket } from '../db/tickets';
import { getAttachments } from '../db/attachments';
import { once, type Outcome } from '../outcome';
import { sha256 } from '../auth/tokens';
import { queueChatEndMail } from '../email/customer-mail';
import { questionTicketDraft } from '../automation/new-ticket';
import { PresenceRegistry } from './presence';
import { ChatDeadlines } from './chat-deadlines';
import { endLease, isStillIdle, isStillLapsed } from '../db/chat-deadlines';
import { planAssignments, queuePositions, type RoutingCandidate } from './routing';
import { AvailabilityPublisher } from './availability-publisher';
import { PresenceLeases, PRESENCE_LEASE_MS } from './presence-leases';
import { SYSTEM_NAME, uuidV7 } from './message-identity';
import { REQUEUE_NOTES, requeueChatsOf } from './requeue';
import { greetingText } from './greeting';

export { uuidV7 } from './message-identity';

type AgentIn<E extends keyof typeof agentInbound> = z.output<(typeof agentInbound)[E]>;

export const TYPING_TTL_MS = 5000;
/** Re-broadcast a "still typing" signal at most this often per sender and conversation. */
export const TYPING_THROTTLE_MS = 1000;

function queueStatsOf(queue: readonly Conversation[]): QueueStat[] {
  const stats = new Map<string, { waiting: number; longestWaitSince: number | null }>();
  for (const q of queue) {
    const s = stats.get(q.departmentId) ?? { waiting: 0, longestWaitSince: null };
    s.waiting += 1;
    s.longestWaitSince = s.longestWaitSince === null ? q.queuedAt : Math.min(s.longestWaitSince, q.queuedAt);
    stats.set(q.departmentId, s);
  }
  return [...stats].map(([departmentId, s]) => ({ departmentId, ...s }));
}

/** What a message's event scope needs of its conversation. */
type ConversationRef = Pick<Conversation, 'id' | 'departmentId'> & { specialist: { id: string } | null };

const conversationScope = (c: ConversationRef, visitorVisible = true) => ({
  conversationId: c.id,
  departmentId: c.departmentId,
  specialistId: c.specialist?.id ?? null,
  visitorVisible,
});

export const canSeeConversation = (actor: AgentActor, c: Pick<Conversation, 'departmentId' | 'specialist'>): boolean =>
  actor.role !== 'agent' || actor.departmentIds.includes(c.departmentId) || c.specialist?.id === actor.specialistId;

export class ChatService {
  readonly presence: PresenceRegistry;
  readonly deadlines: ChatDeadlines;
  private readonly lastPositions = new Map<string, number>();
  private readonly typingSent = new Map<string, { at: number; typing: boolean }>();
  private readonly availability: AvailabilityPublisher;
  private readonly leases: PresenceLeases;
  private stopped = false;

  constructor(private readonly ctx: ServerContext) {
    this.presence = new PresenceRegistry();
    this.availability = new AvailabilityPublisher(ctx, (s, leased) => this.isRoutable(s, leased));
    this.leases = new PresenceLeases(ctx, this.presence);
    this.deadlines = new ChatDeadlines(ctx, {
      renewLocalLeases: () => this.leases.renew(),
      localSpecialistIds: () => this.presence.connectedIds(),
      endIdle: async (conversationId, cutoff) => {
        const res = await this.endConversation(conversationId, 'idle_timeout', null, cutoff);
        if (!res.ok && res.error.code !== 'conflict') this.ctx.log.error({ conversationId, code: res.error.code }, 'idle end failed');
      },
      requeue: (specialistId, cutoff) =>
        this.graceExpired(specialistId, cutoff).catch((e: unknown) => this.ctx.log.error({ err: e, specialistId }, 'requeue failed')),
    });
  }

  // ---------- plumbing ----------

  private async commit<T>(job: (trx: Db) => Promise<Outcome<T>>): Promise<Result<T>> {
    const out = await this.ctx.writes.run(job);
    this.ctx.broadcaster.publish(out.events);
    for (const c of out.ended ?? []) this.afterEnded(c);
    return out.result;
  }

  private visitorToken(conversationId: string): string {
    // Derived, not stored: a retried chat:request (same client id) can be answered with the same token; only its hash is kept.
    return createHmac('sha256', this.ctx.secret).update(`visitor:${conversationId}`).digest('base64url');
  }

  private async addMessage(
    trx: Db,
    c: ConversationRef,
    m: Omit<Message, 'id' | 'seq' | 'conversationId' | 'createdAt' | 'attachments'> & { attachments?: Message['attachments'] },
    reservedSeq?: number,
  ): Promise<{ message: Message; event: LoggedEvent }> {
    const now = this.ctx.clock.now();
    const seq = reservedSeq ?? (await conversations.nextMessageSeq(trx, c.id, now));
    const message: Message = { ...m, attachments: m.attachments ?? [], id: uuidV7(now), seq, conversationId: c.id, createdAt: now };
    await messages.insertMessage(trx, message);
    const event = await appendEvent(trx, 'message.created', message, now, conversationScope(c, !message.internal));
    return { message, event };
  }

  private async conversationEvent(trx: Db, id: string): Promise<{ conversation: Conversation; event: LoggedEvent }> {
    const conversation = await conversations.getConversation(trx, id);
    if (!conversation) throw new Error(`conversation ${id} vanished`);
    const event = await appendEvent(trx, 'conversation.updated', conversation, this.ctx.clock.now(), conversationScope(conversation));
    return { conversation, event };
  }

  // ---------- visitor side ----------

  async requestChat(input: ChatRequest): Promise<Result<{ state: VisitorChatState; token: string }>> {
    const now = this.ctx.clock.now();
    const res = await this.commit<string>(async (trx) => {
      const prior = await conversations.findConversationByClientId(trx, input.clientId);
      if (prior) {
        return prior.visitorEmail === input.email ? { result: ok(prior.id), events: [] } : { result: err('conflict', 'This client id was used for another request.'), events: [] };
      }
      const dept = await getDepartment(trx, input.departmentId);
      if (!dept) return { result: err('not_found', 'Unknown department.'), events: [] };
      if (!isOpen(dept.schedule, now)) return { result: err('unavailable', 'This department is outside its chat hours; please email us.'), events: [] };
      const leased = await specialists.leasedIds(trx, now);
      const online = (await specialists.listSpecialists(trx)).some((s) => s.departmentIds.includes(dept.id) && this.isRoutable(s, leased));
      if (!online) return { result: err('unavailable', 'No specialist is available right now; please email us.'), events: [] };

      const id = randomUUID();
      await conversations.insertConversation(trx, {
        id,
        clientId: input.clientId,
        departmentId: dept.id,
        visitorEmail: input.email,
        question: input.question,
        context: input.context,
        tokenHash: sha256(this.visitorToken(id)),
        now,
      });
      const ticket = await insertTicket(trx, {
        clientId: null,
        ...questionTicketDraft(input, dept, 'chat', id, now),
      });
      await conversations.updateConversation(trx, id, { ticketId: ticket.id });
      const ticketEvent = await appendEvent(trx, 'ticket.updated', ticket, now, { conversationId: null, departmentId: dept.id, specialistId: null, visitorVisible: false });
      const { conversation, event } = await this.conversationEvent(trx, id);
      const first = await this.addMessage(trx, conversation, {
        clientId: input.clientId,
        authorKind: 'visitor',
        authorId: null,
        authorName: input.email,
        body: input.question,
        internal: false,
      });
      return { result: ok(id), events: [event, ticketEvent, first.event] };
    });
    if (!res.ok) return res;
    this.ctx.log.info({ conversationId: res.value, departmentId: input.departmentId }, 'chat requested');
    await this.route();
    const state = await this.visitorState(res.value);
    return state ? ok({ state, token: this.visitorToken(res.value) }) : err('internal', 'Chat state missing.');
  }

  async conversationForToken(token: string): Promise<Conversation | null> {
    return conversations.findConversationByTokenHash(this.ctx.db, sha256(token));
  }

  async visitorState(conversationId: string): Promise<VisitorChatState | null> {
    const cursor = await latestSeq(this.ctx.db);
    const conversation = await conversations.getConversation(this.ctx.db, conversationId);
    if (!conversation) return null;
    const [msgs, boxes] = await Promise.all([
      messages.listMessages(this.ctx.db, conversationId, { includeInternal: false }),
      dropBoxes.listDropBoxes(this.ctx.db, conversationId),
    ]);
    let queuePosition: number | null = null;
    if (conversation.state === 'queued') {
      const queue = await conversations.listQueued(this.ctx.db, conversation.departmentId);
      queuePosition = queuePositions(queue).get(conversationId) ?? null;
    }
    return { conversation, messages: msgs, dropBoxes: boxes, queuePosition, cursor };
  }

  async visitorSend(conversationId: string, input: { clientId: string; body: string }): Promise<Result<Message>> {
    const res = await this.commit<Message>(async (trx) => {
      const prior = await messages.findMessageByClientId(trx, conversationId, input.clientId);
      if (prior) return { result: ok(prior), events: [] };
      const open = await messages.reserveSeqIfOpen(trx, conversationId, this.ctx.clock.now());
      if (!open) {
        const exists = await conversations.getConversation(trx, conversationId);
        return { result: exists ? err('conflict', 'This chat has ended.') : err('not_found', 'Conversation not found.'), events: [] };
      }
      const ref = { id: conversationId, departmentId: open.departmentId, specialist: open.specialistId ? { id: open.specialistId } : null };
      const { message, event } = await this.addMessage(
        trx,
        ref,
        { clientId: input.clientId, authorKind: 'visitor', authorId: null, authorName: open.visitorEmail, body: input.body, internal: false },
        open.seq,
      );
      return { result: ok(message), events: [event] };
    });
    if (res.ok) this.touchIdle(conversationId);
    return res;
  }

  async visitorTyping(conversationId: string, typing: boolean): Promise<void> {
    const c = await conversations.getConversation(this.ctx.db, conversationId);
    if (!c || c.state === 'ended' || !this.shouldSendTyping(`v:${conversationId}`, typing)) return;
    this.ctx.broadcaster.typingToAgents({ conversationId, departmentId: c.departmentId, specialistId: c.specialist?.id ?? null, typing, ttlMs: TYPING_TTL_MS });
  }

  /** `answerByEmail`: "Answer me by email instead" — honoured before any specialist wrote (queued or just assigned). */
  async visitorLeave(conversationId: string, opts: { answerByEmail?: boolean } = {}): Promise<Result<null>> {
    const res = await this.endConversation(conversationId, 'visitor_left', null, undefined, opts.answerByEmail === true);
    return res.ok || res.error.code === 'conflict' ? ok(null) : res;
  }

  // ---------- specialist side ----------

  /** Active, online and connected: to this node (in memory) or to another one (a live presence lease in the database). */
  private isRoutable(s: Specialist, leased: ReadonlySet<string>): boolean {
    return s.active && s.status === 'online' && (this.presence.isConnected(s.id) || leased.has(s.id));
  }

  async specialistConnected(actor: AgentActor): Promise<void> {
    const first = this.presence.connect(actor.specialistId);
    if (!first) return;
    await this.setStatus(actor, 'online');
  }

  async specialistDisconnected(actor: AgentActor): Promise<void> {
    const last = this.presence.disconnect(actor.specialistId);
    if (!last || this.stopped) return;
    // They stop counting as available at once (a node still holding a socket of theirs renews the lease);
    // their chats wait out the grace period, which runs from the lease's end.
    const now = this.ctx.clock.now();
    await this.ctx.writes.run((trx) => endLease(trx, actor.specialistId, now));
    this.deadlines.dueBy(now + this.ctx.config.specialistGraceMs);
    await this.refreshAvailability();
  }

  async setStatus(actor: AgentActor, status: Presence): Promise<Result<Specialist>> {
    const now = this.ctx.clock.now();
    const res = await this.commit<Specialist>(async (trx) => {
      await specialists.setSpecialistStatus(trx, actor.specialistId, status);
      if (status === 'online') await specialists.setIdleSince(trx, actor.specialistId, now);
      if (this.presence.isConnected(actor.specialistId)) await specialists.renewLeases(trx, [actor.specialistId], now + PRESENCE_LEASE_MS);
      const me = await specialists.getSpecialist(trx, actor.specialistId);
      if (!me) return { result: err('not_found', 'Specialist not found.'), events: [] };
      const event = await appendEvent(trx, 'specialist.updated', me, now, { conversationId: null, departmentId: null, specialistId: null, visitorVisible: false });
      return { result: ok(me), events: [event] };
    });
    if (res.ok) {
      if (status === 'online') await this.route();
      else await this.refreshAvailability();
    }
    return res;
  }

  /**
   * No node has held the specialist's presence since `cutoff` (the grace period ran out): mark them offline and
   * put their chats back at the head of the queue.
   */
  private async graceExpired(specialistId: string, cutoff: number): Promise<void> {
    const now = this.ctx.clock.now();
    let requeued = false;
    await this.commit<null>(async (trx) => {
      const events: LoggedEvent[] = [];
      // Back on some node meanwhile, or already handled by another node's sweep: nothing to do.
      if (!(await isStillLapsed(trx, specialistId, cutoff))) return { result: ok(null), events };
      requeued = true;
      await specialists.setSpecialistStatus(trx, specialistId, 'offline');
      events.push(...(await requeueChatsOf(trx, specialistId, now, REQUEUE_NOTES.disconnected)));
      const me = await specialists.getSpecialist(trx, specialistId);
      if (me) events.push(await appendEvent(trx, 'specialist.updated', me, now, { conversationId: null, departmentId: null, specialistId: null, visitorVisible: false }));
      return { result: ok(null), events };
    });
    if (!requeued) return;
    this.ctx.log.info({ specialistId }, 'grace expired; chats requeued');
    await this.route();
  }

  async agentSend(actor: AgentActor, input: AgentIn<'message:send'>): Promise<Result<Message>> {
    const res = await this.commit<Message>(async (trx) => {
      const prior = await messages.findMessageByClientId(trx, input.conversationId, input.clientId);
      if (prior) return { result: ok(prior), events: [] };
      const c = await conversations.getConversation(trx, input.conversationId);
      if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
      if (c.state === 'ended') return { result: err('conflict', 'This chat has ended.'), events: [] };
      // Anyone who may see the chat can leave an internal note; only its specialist (or a lead/admin) talks to the visitor.
      if (!input.internal && c.specialist?.id !== actor.specialistId && actor.role === 'agent') {
        return { result: err('forbidden', 'Only the assigned specialist can message the visitor.'), events: [] };
      }
      const stored = await getAttachments(trx, input.attachmentIds);
      if (stored.length !== input.attachmentIds.length || stored.some((s) => s.conversationId !== c.id)) {
        return { result: err('bad_request', 'Unknown attachment for this conversation.'), events: [] };
      }
      const events: LoggedEvent[] = [];
      const { message, event } = await this.addMessage(trx, c, {
        clientId: input.clientId,
        authorKind: 'specialist',
        authorId: actor.specialistId,
        authorName: actor.displayName,
        body: input.body,
        internal: input.internal,
        attachments: stored.map((s) => s.attachment),
      });
      events.push(event);
      if (!input.internal && c.state === 'assigned' && c.specialist?.id === actor.specialistId) {
        await conversations.updateConversation(trx, c.id, { state: 'active', firstResponseAt: this.ctx.clock.now() });
        events.push((await this.conversationEvent(trx, c.id)).event);
      }
      return { result: ok(message), events };
    });
    if (res.ok && !res.value.internal) this.touchIdle(input.conversationId);
    return res;
  }

  async agentTyping(actor: AgentActor, input: AgentIn<'typing'>): Promise<Result<null>> {
    const c = await conversations.getConversation(this.ctx.db, input.conversationId);
    if (!c || !canSeeConversation(actor, c)) return err('not_found', 'Conversation not found.');
    if (c.state !== 'ended' && c.specialist?.id === actor.specialistId && this.shouldSendTyping(`s:${actor.specialistId}:${c.id}`, input.typing)) {
      this.ctx.broadcaster.typingToVisitor(c.id, actor.displayName, input.typing, TYPING_TTL_MS);
    }
    return ok(null);
  }

  private shouldSendTyping(key: string, typing: boolean): boolean {
    const now = this.ctx.clock.now();
    const last = this.typingSent.get(key);
    if (last && last.typing === typing && (!typing || now - last.at < TYPING_THROTTLE_MS)) return false;
    this.typingSent.set(key, { at: now, typing });
    return true;
  }

  private async assign(trx: Db, conversationId: string, specialist: Specialist): Promise<LoggedEvent[]> {
    const now = this.ctx.clock.now();
    await conversations.updateConversation(trx, conversationId, { state: 'assigned', specialistId: specialist.id, assignedAt: now });
    await specialists.setIdleSince(trx, specialist.id, now);
    const { conversation, event } = await this.conversationEvent(trx, conversationId);
    const greeting = await this.addMessage(trx, conversation, {
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

  async accept(actor: AgentActor, input: AgentIn<'chat:accept'>): Promise<Result<Conversation>> {
    const res = await this.commit<Conversation>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, this.ctx.clock.now(), async () => {
        const c = await conversations.getConversation(trx, input.conversationId);
        if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
        return this.takeChat(trx, actor, c);
      }),
    );
    await this.afterQueueChange(res);
    return res;
  }

  async acceptNext(actor: AgentActor, input: AgentIn<'chat:accept-next'>): Promise<Result<Conversation | null>> {
    const res = await this.commit<Conversation | null>((trx) =>
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

  private async takeChat(trx: Db, actor: AgentActor, c: Conversation): Promise<Outcome<Conversation>> {
    if (c.state !== 'queued') return { result: err('conflict', 'This chat was already taken.'), events: [] };
    const me = await specialists.getSpecialist(trx, actor.specialistId);
    if (!me) return { result: err('not_found', 'Specialist not found.'), events: [] };
    if (me.activeChats >= me.maxConcurrentChats) return { result: err('capacity_full', `You already have ${me.activeChats} chats.`), events: [] };
    const events = await this.assign(trx, c.id, me);
    const updated = await conversations.getConversation(trx, c.id);
    return updated ? { result: ok(updated), events } : { result: err('internal', 'Chat missing.'), events };
  }

  async transfer(actor: AgentActor, input: AgentIn<'chat:transfer'>): Promise<Result<Conversation>> {
    const res = await this.commit<Conversation>((trx) =>
      once(trx, `${actor.specialistId}:${input.clientId}`, this.ctx.clock.now(), async () => {
        const c = await conversations.getConversation(trx, input.conversationId);
        if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
        if (c.state === 'ended') return { result: err('conflict', 'This chat has ended.'), events: [] };
        if (actor.role === 'agent' && c.specialist?.id !== actor.specialistId) return { result: err('forbidden', 'Only the assigned specialist can transfer this chat.'), events: [] };
        const events: LoggedEvent[] = [];
        if (input.note) {
          events.push(
            (await this.addMessage(trx, c, { clientId: randomUUID(), authorKind: 'specialist', authorId: actor.specialistId, authorName: actor.displayName, body: input.note, internal: true }))
              .event,
          );
        }
        if ('specialistId' in input.to) {
          const target = await specialists.getSpecialist(trx, input.to.specialistId);
          if (!target) return { result: err('not_found', 'Specialist not found.'), events: [] };
          if (target.id === c.specialist?.id) return { result: err('conflict', 'The chat is already with this specialist.'), events: [] };
          if (!this.isRoutable(target, await specialists.leasedIds(trx, this.ctx.clock.now()))) return { result: err('unavailable', `${target.displayName} is not online.`), events: [] };
          if (target.activeChats >= target.maxConcurrentChats) return { result: err('capacity_full', `${target.displayName} has no free chat slot.`), events: [] };
          events.push(...(await this.assign(trx, c.id, target)));
        } else {
          const dept = await getDepartment(trx, input.to.departmentId);
          if (!dept) return { result: err('not_found', 'Unknown department.'), events: [] };
          await conversations.updateConversation(trx, c.id, { state: 'queued', specialistId: null, assignedAt: null, departmentId: dept.id });
          const upd = await this.conversationEvent(trx, c.id);
          events.push(upd.event);
          events.push(
            (
              await this.addMessage(trx, upd.conversation, {
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

  async end(actor: AgentActor, input: AgentIn<'chat:end'>): Promise<Result<Conversation>> {
    const key = `${actor.specialistId}:${input.clientId}`;
    return this.endConversation(input.conversationId, 'specialist', { actor, key });
  }

  /** `idleCutoff`: end only if the chat is still quiet since then (an idle end decided by a sweep, re-checked here). */
  private async endConversation(
    conversationId: string,
    reason: EndReason,
    by: { actor: AgentActor; key: string } | null,
    idleCutoff?: number,
    answerByEmail = false,
  ): Promise<Result<Conversation>> {
    const job = async (trx: Db): Promise<Outcome<Conversation>> => {
      const c = await conversations.getConversation(trx, conversationId);
      if (!c || (by && !canSeeConversation(by.actor, c))) return { result: err('not_found', 'Conversation not found.'), events: [] };
      if (c.state === 'ended') return { result: err('conflict', 'This chat has already ended.'), events: [] };
      if (idleCutoff !== undefined && !(await isStillIdle(trx, conversationId, idleCutoff))) {
        return { result: err('conflict', 'The chat is not idle any more.'), events: [] };
      }
      if (by && by.actor.role === 'agent' && c.specialist?.id !== by.actor.specialistId) {
        return { result: err('forbidden', 'Only the assigned specialist can end this chat.'), events: [] };
      }
      const text: Record<EndReason, string> = {
        specialist: 'The specialist ended the chat.',
        visitor_left: 'The visitor left the chat.',
        idle_timeout: 'The chat ended after a period of inactivity.',
        no_specialist: 'No specialist could take the chat.',
      };
      const byEmail = answerByEmail && (c.state === 'queued' || c.state === 'assigned');
      const body = byEmail ? 'The visitor asked to be answered by email instead.' : text[reason];
      const note = await this.addMessage(trx, c, { clientId: randomUUID(), authorKind: 'system', authorId: null, authorName: SYSTEM_NAME, body, internal: false });
      await conversations.updateConversation(trx, c.id, { state: 'ended', endedAt: this.ctx.clock.now(), endReason: reason });
      const upd = await this.conversationEvent(trx, c.id);
      // In this transaction: the chat is never ended without its mail (recap, or the email answer's receipt) in the outbox.
      const withheld = await queueChatEndMail(this.ctx, trx, upd.conversation, { answerByEmail: byEmail });
      return { result: ok(upd.conversation), events: [note.event, upd.event, ...withheld], ended: [upd.conversation] };
    };
    const res = await this.commit<Conversation>((trx) => (by ? once(trx, by.key, this.ctx.clock.now(), () => job(trx)) : job(trx)));
    if (res.ok) await this.route();
    return res;
  }

  private afterEnded(c: Conversation): void {
    this.lastPositions.delete(c.id);
    this.ctx.log.info({ conversationId: c.id, ticketId: c.ticketId, reason: c.endReason }, 'chat ended');
    // The recap was queued with the change; delivery starts now and never delays the ack.
    this.ctx.mailOutbox.wake();
  }

  async insertDropBox(actor: AgentActor, input: AgentIn<'dropbox:insert'>): Promise<Result<DropBox>> {
    return this.commit<DropBox>(async (trx) => {
      const prior = await dropBoxes.findDropBoxByClientId(trx, input.clientId);
      if (prior) return { result: prior.requestedBy === actor.specialistId ? ok(prior) : err('conflict', 'Client id reused.'), events: [] };
      const c = await conversations.getConversation(trx, input.conversationId);
      if (!c || !canSeeConversation(actor, c)) return { result: err('not_found', 'Conversation not found.'), events: [] };
      if (c.state === 'ended') return { result: err('conflict', 'This chat has ended.'), events: [] };
      const now = this.ctx.clock.now();
      const box: DropBox = { id: randomUUID(), conversationId: c.id, requestedBy: actor.specialistId, label: input.label, state: 'open', attachments: [], createdAt: now };
      await dropBoxes.insertDropBox(trx, box, input.clientId);
      const event = await appendEvent(trx, 'dropbox.updated', box, now, conversationScope(c));
      return { result: ok(box), events: [event] };
    });
  }

  async snapshot(actor: AgentActor): Promise<Result<AgentSnapshot>> {
    const cursor = await latestSeq(this.ctx.db);
    const me = await specialists.getSpecialist(this.ctx.db, actor.specialistId);
    if (!me) return err('not_found', 'Specialist not found.');
    const all = actor.role !== 'agent';
    const departments = (await listDepartments(this.ctx.db)).filter((d) => all || actor.departmentIds.includes(d.id));
    const visible = await conversations.listOpenConversations(this.ctx.db, all ? undefined : actor.departmentIds);
    const mine = all ? [] : await conversations.listAssignedTo(this.ctx.db, actor.specialistId);
    const byId = new Map([...visible, ...mine].map((c) => [c.id, c]));
    return ok({ me, departments, specialists: await specialists.listSpecialists(this.ctx.db), conversations: [...byId.values()], cursor });
  }

  // ---------- routing, queue, availability, timers ----------

  /** Assigns what can be assigned in `auto` departments, then pushes queue positions and availability. */
  async route(): Promise<void> {
    if (this.stopped) return;
    await this.commit<null>(async (trx) => {
      const depts = await listDepartments(trx);
      const auto = new Set(depts.filter((d) => d.routing === 'auto').map((d) => d.id));
      const queue = (await conversations.listQueued(trx)).filter((c) => auto.has(c.departmentId));
      if (queue.length === 0) return { result: ok(null), events: [] };
      const all = await specialists.listSpecialists(trx);
      const idle = await specialists.idleSinceById(trx);
      const leased = await specialists.leasedIds(trx, this.ctx.clock.now());
      const candidates: RoutingCandidate[] = all
        .filter((s) => this.isRoutable(s, leased))
        .map((s) => ({ id: s.id, departmentIds: s.departmentIds, activeChats: s.activeChats, maxConcurrentChats: s.maxConcurrentChats, idleSince: idle.get(s.id) ?? 0 }));
      const plan = planAssignments(queue, candidates, this.ctx.clock.now());
      const events: LoggedEvent[] = [];
      const byId = new Map(all.map((s) => [s.id, s]));
      for (const a of plan) {
        const s = byId.get(a.specialistId);
        if (s) events.push(...(await this.assign(trx, a.conversationId, s)));
        this.touchIdle(a.conversationId);
      }
      return { result: ok(null), events };
    });
    await this.pushQueuePositions();
    await this.refreshAvailability();
  }

  private async afterQueueChange(res: Result<Conversation | null>): Promise<void> {
    if (res.ok && res.value) this.touchIdle(res.value.id);
    await this.pushQueuePositions();
    await this.refreshAvailability();
  }

  private async pushQueuePositions(): Promise<void> {
    const queue = await conversations.listQueued(this.ctx.db);
    const positions = queuePositions(queue);
    for (const [id, position] of positions) {
      if (this.lastPositions.get(id) === position) continue;
      this.lastPositions.set(id, position);
      this.ctx.broadcaster.queuePosition(id, position);
    }
    for (const id of [...this.lastPositions.keys()]) if (!positions.has(id)) this.lastPositions.delete(id);
    this.ctx.broadcaster.queueStats(queueStatsOf(queue));
  }

  /** Waiting chats per department right now (sent to a console when it connects). */
  async queueStats(): Promise<QueueStat[]> {
    return queueStatsOf(await conversations.listQueued(this.ctx.db));
  }

  currentAvailability(): Availability[] {
    return this.availability.current();
  }

  /** Recomputes availability, pushes it to every visitor when it changed, and re-arms the hours-boundary timer. */
  refreshAvailability(): Promise<Availability[]> {
    return this.availability.refresh();
  }

  /** The chat moved (a message, an assignment): its idle deadline is now + the timeout; sweep by then. */
  private touchIdle(_conversationId: string): void {
    this.deadlines.dueBy(this.ctx.clock.now() + this.ctx.config.chatIdleTimeoutMs);
  }

  /**
   * After a restart: the first sweep ends chats that went idle while no node ran, and requeues the chats of
   * specialists nobody has held for the grace period (statuses a crash left "online" included).
   */
  async start(): Promise<void> {
    await this.deadlines.start();
    await this.refreshAvailability();
    // Renew the leases of locally connected specialists, and pick up availability changes caused on other nodes.
    this.leases.start(() => this.heartbeat());
  }

  /** The presence heartbeat (every third of a lease on the real clock; tests on a fake clock call it themselves). */
  async heartbeat(): Promise<void> {
    if (this.stopped) return;
    await this.leases.renew();
    await this.refreshAvailability();
  }

  /** Graceful shutdown: give up the presence leases this node holds, so other nodes stop routing to it at once. */
  releaseLeases(): Promise<void> {
    return this.leases.release();
  }

  stop(): void {
    this.stopped = true;
    this.leases.stop();
    this.deadlines.stop();
    this.availability.stop();
    this.presence.clear();
  }
}
