// What a specialist writes in a chat: messages to the visitor, internal notes (with attachments), and typing.
import { err, ok, type Result } from '../../src-shared/result';
import type { Message } from '../../src-shared/message';
import type { AgentCommand } from '../../src-shared/protocol/agent';
import type { AgentActor, ServerContext } from '../context';
import type { LoggedEvent } from '../db/events';
import * as conversations from '../db/conversations';
import * as messages from '../db/messages';
import { getAttachments } from '../db/attachments';
import { canSeeConversation } from './conversation-scope';
import { TYPING_TTL_MS, type TypingThrottle } from './typing-signals';
import type { ChatWrites } from './chat-writes';
import type { ChatDeadlines } from './chat-deadlines';

export interface AgentMessagesDeps {
  deadlines: Pick<ChatDeadlines, 'chatMoved'>;
  typing: TypingThrottle;
}

export class AgentMessages {
  constructor(
    private readonly ctx: ServerContext,
    private readonly writes: ChatWrites,
    private readonly deps: AgentMessagesDeps,
  ) {}

  async agentSend(actor: AgentActor, input: AgentCommand<'message:send'>): Promise<Result<Message>> {
    const res = await this.writes.commit<Message>(async (trx) => {
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
      const { message, event } = await this.writes.addMessage(trx, c, {
        clientId: input.clientId,
        authorKind: 'specialist',
        authorId: actor.specialistId,
        authorName: actor.displayName,
        body: input.body,
        internal: input.internal,
        attachments: stored.map((s) => s.attachment),
      });
      events.push(event);
      // The assigned specialist's first word to the visitor makes the chat active (the first response time).
      if (!input.internal && c.state === 'assigned' && c.specialist?.id === actor.specialistId) {
        await conversations.updateConversation(trx, c.id, { state: 'active', firstResponseAt: this.ctx.clock.now() });
        events.push((await this.writes.conversationEvent(trx, c.id)).event);
      }
      return { result: ok(message), events };
    });
    if (res.ok && !res.value.internal) this.deps.deadlines.chatMoved();
    return res;
  }

  /** Only the chat's own specialist's typing reaches the visitor. */
  async agentTyping(actor: AgentActor, input: AgentCommand<'typing'>): Promise<Result<null>> {
    const c = await conversations.getConversation(this.ctx.db, input.conversationId);
    if (!c || !canSeeConversation(actor, c)) return err('not_found', 'Conversation not found.');
    if (c.state !== 'ended' && c.specialist?.id === actor.specialistId && this.deps.typing.shouldSend(`s:${actor.specialistId}:${c.id}`, input.typing, this.ctx.clock.now())) {
      this.ctx.broadcaster.typingToVisitor(c.id, actor.displayName, input.typing, TYPING_TTL_MS);
    }
    return ok(null);
  }
}
