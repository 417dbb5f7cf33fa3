// The commands that go through the outbox, the answer each gets, and what a delivered answer changes in the cache
// (and which change event it announces). Answers arrive parsed: the sync engine checks every one against its
// shared schema (src-shared/protocol/agent-answers.ts) before the outbox hears of it.
import type { ConsoleEventName, ConsoleEvents } from '../../src-shared/console-api';
import type { Conversation } from '../../src-shared/conversation';
import type { Message } from '../../src-shared/message';
import type { DropBox } from '../../src-shared/drop-box';
import type { Ticket, TicketComment } from '../../src-shared/ticket';
import type { Incident } from '../../src-shared/incident';
import type { AgentAnswer } from '../../src-shared/protocol/agent-answers';
import type { Cache } from './cache/open-cache';

/** Outbox commands sent as the `/agent` event of the same name. */
export type AgentCommandKind =
  | 'chat:accept'
  | 'chat:accept-next'
  | 'chat:transfer'
  | 'chat:end'
  | 'dropbox:insert'
  | 'message:send'
  | 'ticket:update'
  | 'ticket:comment'
  | 'ticket:escalate'
  | 'incident:create'
  | 'incident:link'
  | 'incident:resolve'
  | 'incident:update';
/** Plus a file attached while offline: uploaded, then sent as a message, when the connection is back. */
export type CommandKind = AgentCommandKind | 'attachment:send';
/** The (parsed) answer of each command. */
export type CommandValue<K extends CommandKind> = K extends AgentCommandKind ? AgentAnswer<K> : AgentAnswer<'message:send'>;

type Emit = <E extends ConsoleEventName>(event: E, payload: ConsoleEvents[E]) => void;

/** Stores the server's (parsed) answer to a delivered command, so the cache shows it before the matching event arrives. */
export function applyDelivered(cache: Cache, emit: Emit, kind: string, value: unknown): void {
  if (value === null || value === undefined) return;
  const v = value;
  cache.transaction(() => {
    switch (kind as CommandKind) {
      case 'attachment:send':
      case 'message:send': {
        const m = v as Message;
        cache.messages.apply(m);
        cache.conversations.noteMessageSeq(m.conversationId, m.seq);
        emit('messages', { conversationId: m.conversationId, messages: [m] });
        return;
      }
      case 'chat:accept':
      case 'chat:accept-next':
      case 'chat:transfer':
      case 'chat:end': {
        const c = v as Conversation;
        cache.conversations.upsert(c);
        emit('conversations', { ids: [c.id] });
        return;
      }
      case 'dropbox:insert': {
        const d = v as DropBox;
        cache.dropBoxes.upsert(d);
        emit('dropBoxes', { conversationId: d.conversationId });
        return;
      }
      case 'ticket:update':
      case 'ticket:escalate': {
        const t = v as Ticket;
        cache.tickets.upsert(t);
        emit('tickets', { ids: [t.id] });
        return;
      }
      case 'ticket:comment': {
        const c = v as TicketComment;
        cache.tickets.addComment(c);
        emit('tickets', { ids: [c.ticketId] });
        return;
      }
      case 'incident:create':
      case 'incident:link':
      case 'incident:resolve':
      case 'incident:update': {
        const i = v as Incident;
        cache.incidents.upsert(i);
        emit('incidents', { ids: [i.id] });
        return;
      }
    }
  });
}
