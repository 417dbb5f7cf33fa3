// The visitor's side of a chat: requesting one (which opens its ticket), finding it by token, its state, sending, typing and leaving.
import { createHmac, randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { Conversation } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { ChatRequest, VisitorChatState } from '../../src-shared/protocol/visitor';
import { isOpen } from '../../src-shared/business-hours';
import type { ServerContext } from '../context';
import { appendEvent, latestSeq } from '../db/events';
import * as conversations from '../db/conversations';
import * as messages from '../db/messages';
import * as dropBoxes from '../db/drop-boxes';
import * as specialists from '../db/specialists';
import { getDepartment } from '../db/departments';
import { insertTicket } from '../db/tickets';
import { sha256 } from '../auth/tokens';
import { questionTicketDraft } from '../automation/new-ticket';
import { queuePositions } from './routing';
import { TYPING_TTL_MS, type TypingThrottle } from './typing-signals';
import type { ChatWrites } from './chat-writes';
import type { PresenceRegistry } from './presence';
import type { ChatDeadlines } from './chat-deadlines';
import type { ChatEnding } from './chat-ending';

export interface VisitorChatsDeps {
  presence: Pick<PresenceRegistry, 'isRoutable'>;
  deadlines: Pick<ChatDeadlines, 'chatMoved'>;
  routing: { route(): Promise<void> };
  ending: Pick<ChatEnding, 'endConversation'>;
  typing: TypingThrottle;
}

export class VisitorChats {
  constructor(
    private readonly ctx: ServerContext,
    private readonly writes: ChatWrites,
    private readonly deps: VisitorChatsDeps,
  ) {}

  async requestChat(input: ChatRequest): Promise<Result<{ state: VisitorChatState; token: string }>> {
    const now = this.ctx.clock.now();
    const res = await this.writes.commit<string>(async (trx) => {
      const prior = await conversations.findConversationByClientId(trx, input.clientId);
      if (prior) {
        return prior.visitorEmail === input.email ? { result: ok(prior.id), events: [] } : { result: err('conflict', 'This client id was used for another request.'), events: [] };
      }
      const dept = await getDepartment(trx, input.departmentId);
      if (!dept) return { result: err('not_found', 'Unknown department.'), events: [] };
      if (!isOpen(dept.schedule, now)) return { result: err('unavailable', 'This department is outside its chat hours; please email us.'), events: [] };
      const leased = await specialists.leasedIds(trx, now);
      const online = (await specialists.listSpecialists(trx)).some((s) => s.departmentIds.includes(dept.id) && this.deps.presence.isRoutable(s, leased));
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
      const { conversation, event } = await this.writes.conversationEvent(trx, id);
      const first = await this.writes.addMessage(trx, conversation, {
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
    await this.deps.routing.route();
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
    const res = await this.writes.commit<Message>(async (trx) => {
      const prior = await messages.findMessageByClientId(trx, conversationId, input.clientId);
      if (prior) return { result: ok(prior), events: [] };
      const open = await messages.reserveSeqIfOpen(trx, conversationId, this.ctx.clock.now());
      if (!open) {
        const exists = await conversations.getConversation(trx, conversationId);
        return { result: exists ? err('conflict', 'This chat has ended.') : err('not_found', 'Conversation not found.'), events: [] };
      }
      const ref = { id: conversationId, departmentId: open.departmentId, specialist: open.specialistId ? { id: open.specialistId } : null };
      const { message, event } = await this.writes.addMessage(
        trx,
        ref,
        { clientId: input.clientId, authorKind: 'visitor', authorId: null, authorName: open.visitorEmail, body: input.body, internal: false },
        open.seq,
      );
      return { result: ok(message), events: [event] };
    });
    if (res.ok) this.deps.deadlines.chatMoved();
    return res;
  }

  async visitorTyping(conversationId: string, typing: boolean): Promise<void> {
    const c = await conversations.getConversation(this.ctx.db, conversationId);
    if (!c || c.state === 'ended' || !this.deps.typing.shouldSend(`v:${conversationId}`, typing, this.ctx.clock.now())) return;
    this.ctx.broadcaster.typingToAgents({ conversationId, departmentId: c.departmentId, specialistId: c.specialist?.id ?? null, typing, ttlMs: TYPING_TTL_MS });
  }

  /** `answerByEmail`: "Answer me by email instead" — honoured before any specialist wrote (queued or just assigned). */
  async visitorLeave(conversationId: string, opts: { answerByEmail?: boolean } = {}): Promise<Result<null>> {
    const res = await this.deps.ending.endConversation(conversationId, 'visitor_left', null, undefined, opts.answerByEmail === true);
    return res.ok || res.error.code === 'conflict' ? ok(null) : res;
  }

  private visitorToken(conversationId: string): string {
    // Derived, not stored: a retried chat:request (same client id) can be answered with the same token; only its hash is kept.
    return createHmac('sha256', this.ctx.secret).update(`visitor:${conversationId}`).digest('base64url');
  }
}
