// The write path every chat domain shares: a transaction whose events are published once it committed, and the message and conversation rows written in it.
import type { Conversation } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { Result } from '../../src-shared/result';
import type { ServerContext } from '../context';
import type { Db } from '../db/schema';
import { appendEvent, type LoggedEvent } from '../db/events';
import * as conversations from '../db/conversations';
import * as messages from '../db/messages';
import type { Outcome } from '../outcome';
import { uuidV7 } from './message-identity';
import { conversationScope, type ConversationRef } from './conversation-scope';

/** A message as a domain writes it; the id, seq, conversation and time are the write path's. */
export type NewMessage = Omit<Message, 'id' | 'seq' | 'conversationId' | 'createdAt' | 'attachments'> & { attachments?: Message['attachments'] };

export class ChatWrites {
  constructor(
    private readonly ctx: ServerContext,
    /** Runs for each chat a commit ended, after its events went out (the ended chat's bookkeeping and mail). */
    private readonly afterEnded: (c: Conversation) => void,
  ) {}

  async commit<T>(job: (trx: Db) => Promise<Outcome<T>>): Promise<Result<T>> {
    const out = await this.ctx.writes.run(job);
    this.ctx.broadcaster.publish(out.events);
    for (const c of out.ended ?? []) this.afterEnded(c);
    return out.result;
  }

  /** `reservedSeq`: a seq the caller already took (with the check that the chat is open); else the next one. */
  async addMessage(trx: Db, c: ConversationRef, m: NewMessage, reservedSeq?: number): Promise<{ message: Message; event: LoggedEvent }> {
    const now = this.ctx.clock.now();
    const seq = reservedSeq ?? (await conversations.nextMessageSeq(trx, c.id, now));
    const message: Message = { ...m, attachments: m.attachments ?? [], id: uuidV7(now), seq, conversationId: c.id, createdAt: now };
    await messages.insertMessage(trx, message);
    const event = await appendEvent(trx, 'message.created', message, now, conversationScope(c, !message.internal));
    return { message, event };
  }

  /** The conversation as the transaction left it, and its `conversation.updated` event. */
  async conversationEvent(trx: Db, id: string): Promise<{ conversation: Conversation; event: LoggedEvent }> {
    const conversation = await conversations.getConversation(trx, id);
    if (!conversation) throw new Error(`conversation ${id} vanished`);
    const event = await appendEvent(trx, 'conversation.updated', conversation, this.ctx.clock.now(), conversationScope(conversation));
    return { conversation, event };
  }
}
