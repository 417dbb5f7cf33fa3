// Ending a chat — by its specialist, the visitor leaving, or idleness — with its closing note and its mail queued in the same transaction.
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import type { Conversation, EndReason } from '../../src-shared/conversation';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { Db } from '../db/schema';
import * as conversations from '../db/conversations';
import { isStillIdle } from '../db/chat-deadlines';
import { once, type Outcome } from '../outcome';
import { queueChatEndMail } from '../email/customer-mail';
import { canSeeConversation } from './conversation-scope';
import { SYSTEM_NAME } from './message-identity';
import type { ChatWrites } from './chat-writes';
import type { QueueStatus } from './queue-status';

/** The closing note the visitor reads, by why the chat ended. */
const END_NOTES: Record<EndReason, string> = {
  specialist: 'The specialist ended the chat.',
  visitor_left: 'The visitor left the chat.',
  idle_timeout: 'The chat ended after a period of inactivity.',
  no_specialist: 'No specialist could take the chat.',
};

export interface ChatEndingDeps {
  queue: Pick<QueueStatus, 'forget'>;
  /** An ended chat frees its specialist's slot: the queue may move. */
  routing: { route(): Promise<void> };
}

export class ChatEnding {
  constructor(
    private readonly ctx: ServerContext,
    private readonly writes: ChatWrites,
    private readonly deps: ChatEndingDeps,
  ) {}

  async end(actor: AgentActor, input: AgentCommand<'chat:end'>): Promise<Result<Conversation>> {
    const key = `${actor.specialistId}:${input.clientId}`;
    return this.endConversation(input.conversationId, 'specialist', { actor, key });
  }

  /**
   * `by`: the specialist ending it, and the idempotency key of their command (null: the visitor or a sweep).
   * `idleCutoff`: end only if the chat is still quiet since then (an idle end decided by a sweep, re-checked here).
   * `answerByEmail`: "Answer me by email instead" — honoured before any specialist wrote (queued or just assigned).
   */
  async endConversation(
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
      const byEmail = answerByEmail && (c.state === 'queued' || c.state === 'assigned');
      const body = byEmail ? 'The visitor asked to be answered by email instead.' : END_NOTES[reason];
      const note = await this.writes.addMessage(trx, c, { clientId: randomUUID(), authorKind: 'system', authorId: null, authorName: SYSTEM_NAME, body, internal: false });
      await conversations.updateConversation(trx, c.id, { state: 'ended', endedAt: this.ctx.clock.now(), endReason: reason });
      const upd = await this.writes.conversationEvent(trx, c.id);
      // In this transaction: the chat is never ended without its mail (recap, or the email answer's receipt) in the outbox.
      const withheld = await queueChatEndMail(this.ctx, trx, upd.conversation, { answerByEmail: byEmail });
      return { result: ok(upd.conversation), events: [note.event, upd.event, ...withheld], ended: [upd.conversation] };
    };
    const res = await this.writes.commit<Conversation>((trx) => (by ? once(trx, by.key, this.ctx.clock.now(), () => job(trx)) : job(trx)));
    if (res.ok) await this.deps.routing.route();
    return res;
  }

  /** After the commit that ended `c` (ChatWrites calls it). */
  afterEnded(c: Conversation): void {
    this.deps.queue.forget(c.id);
    this.ctx.log.info({ conversationId: c.id, ticketId: c.ticketId, reason: c.endReason }, 'chat ended');
    // The recap was queued with the change; delivery starts now and never delays the ack.
    this.ctx.mailOutbox.wake();
  }
}
